import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { escapeHtml } from '../core/html.ts';
import type { PageTemplates } from '../core/page-paths.ts';
import { SUBSCRIBE_PATH } from '../core/notice-paths.ts';
import { TOKEN_PARAMETER } from '../core/subscription-paths.ts';
import { fillPage } from './form-pages.ts';
import { htmlPage, htmlResponse } from './responses.ts';

/**
 * The pages of notice subscriptions for a browser (handlers/subscribe-notices.ts): the site's own templates
 * (core/page-paths.ts subscriptionMessage, subscriptionConfirm) filled in, or a plain page when they are missing.
 */

export type Tone = 'success' | 'info' | 'warning';

/** A heading and what happened, in one or two sentences. */
export function subscriptionMessagePage(
  templates: PageTemplates,
  statusCode: number,
  heading: string,
  message: string,
  tone: Tone,
): APIGatewayProxyStructuredResultV2 {
  if (templates.subscriptionMessage) {
    return htmlResponse(statusCode, fillPage(templates.subscriptionMessage, { subscriptionHeading: heading, message, subscriptionTone: tone }));
  }
  return htmlPage(statusCode, heading, `<p>${escapeHtml(message)}</p>\n<p><a href="${SUBSCRIBE_PATH}">Til abonnementssiden</a></p>`);
}

/** What a link's button will do, and the form whose button does it; the GET that shows it changes nothing. */
export function subscriptionConfirmPage(
  templates: PageTemplates,
  page: { heading: string; message: string; button: string; formAction: string; token: string },
): APIGatewayProxyStructuredResultV2 {
  const values = {
    subscriptionHeading: page.heading,
    message: page.message,
    subscriptionButton: page.button,
    subscriptionForm: page.formAction,
    subscriptionToken: page.token,
  };
  if (templates.subscriptionConfirm) return htmlResponse(200, fillPage(templates.subscriptionConfirm, values));
  return htmlPage(
    200,
    page.heading,
    `<p>${escapeHtml(page.message)}</p>
<form method="post" action="${escapeHtml(page.formAction)}">
<input type="hidden" name="${TOKEN_PARAMETER}" value="${escapeHtml(page.token)}">
<p><button type="submit">${escapeHtml(page.button)}</button></p>
</form>`,
  );
}
