import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { formatOsloTime } from '../core/email-layout.ts';
import { escapeHtml } from '../core/html.ts';
import { FORM_PATH, serverReceiptPath, SLOTS, type PageTemplates, type Slot } from '../core/page-paths.ts';
import { questionByField, type Journey } from '../core/journey.ts';
import type { ReportStatusView } from '../core/report-status.ts';
import type { FieldError } from '../core/report-submission.ts';
import { htmlPage, htmlResponse } from './responses.ts';

/**
 * What a browser without JavaScript gets back from the API: the receipt (which is also the status page it can keep),
 * the page that lists what to correct, the page that asks to send again later, and the page for a receipt that
 * cannot be shown. Each is the site's own page (core/page-paths.ts) filled in; without it, a plain page.
 */

const SLOT_PATTERN = /\{\{(\p{L}+)\}\}/gu;
const SLOT_BY_PLACEHOLDER = new Map<string, Slot>(Object.entries(SLOTS).map(([slot, placeholder]) => [placeholder, slot as Slot]));

/**
 * The page with every placeholder replaced in one pass (so a value is never read as a placeholder or a replacement
 * pattern): text escaped, `html` values (escaped by the caller) as they are, unknown placeholders left alone.
 */
export function fillPage(template: string, text: Partial<Record<Slot, string>>, html: Partial<Record<Slot, string>> = {}): string {
  return template.replace(SLOT_PATTERN, (placeholder: string) => {
    const slot = SLOT_BY_PLACEHOLDER.get(placeholder);
    if (!slot) return placeholder;
    const value = html[slot] ?? (text[slot] === undefined ? undefined : escapeHtml(text[slot]));
    return value ?? placeholder;
  });
}

/** Where the report is, in words. */
function stateOf(view: ReportStatusView): string {
  return view.status === 'routed' ? `Sendt videre til ${view.teams.join(', ')}` : 'Mottatt, og blir sendt videre til riktig team';
}

export function receiptPage(templates: PageTemplates, view: ReportStatusView): APIGatewayProxyStructuredResultV2 {
  const values = {
    reference: view.reference,
    // Opens in this browser (the receipt's cookie carries the secret); the e-mail's link opens anywhere.
    statusLink: serverReceiptPath(view.reference),
    service: view.service.name,
    received: formatOsloTime(view.receivedAt),
    state: stateOf(view),
    priority: view.priority.title,
    meaning: view.priority.meaning,
    response: view.priority.expectedResponse,
  };
  if (templates.receipt) return htmlResponse(200, fillPage(templates.receipt, values));
  return htmlPage(
    200,
    'Meldingen er mottatt',
    `<p>Referansen din er <strong>${escapeHtml(values.reference)}</strong>.</p>
<p>${escapeHtml(view.priority.label)}: ${escapeHtml(values.priority)}. ${escapeHtml(values.response)}</p>
<p><a href="${escapeHtml(values.statusLink)}">Følg saken</a></p>`,
  );
}

/** Field errors in words the reporter knows: the question first, unless the message names it already. */
export function problemsInWords(errors: readonly FieldError[], journey: Journey | undefined): string[] {
  return errors.map((error) => {
    const label = journey ? questionByField(journey, error.path)?.label : undefined;
    return label && !error.message.includes(label) ? `«${label}»: ${error.message}` : error.message;
  });
}

/** 400: what to correct, each problem in words the reporter knows (problemsInWords). */
export function problemsPage(templates: PageTemplates, problems: readonly string[]): APIGatewayProxyStructuredResultV2 {
  const list = `<ul>${problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}</ul>`;
  if (templates.problems) return htmlResponse(400, fillPage(templates.problems, {}, { problems: list }));
  return htmlPage(400, 'Meldingen ble ikke sendt', `${list}\n<p>Gå tilbake med nettleserens tilbakeknapp og rett det som står over. <a href="${FORM_PATH}">Eller start på nytt</a>.</p>`);
}

/** 429 or 500 to a form post: nothing to correct, send again in a while. */
export function tryAgainPage(templates: PageTemplates, statusCode: number, message: string, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  const page = templates.tryAgain
    ? htmlResponse(statusCode, fillPage(templates.tryAgain, { message }))
    : htmlPage(statusCode, 'Meldingen ble ikke sendt', `<p>${escapeHtml(message)}</p>\n<p>Gå tilbake med nettleserens tilbakeknapp og send igjen om litt.</p>`);
  return { ...page, headers: { ...page.headers, ...headers } };
}

/** 404 or 500 for the receipt's address: why it cannot be shown. */
export function statusProblemPage(templates: PageTemplates, statusCode: number, message: string): APIGatewayProxyStructuredResultV2 {
  if (templates.statusProblem) return htmlResponse(statusCode, fillPage(templates.statusProblem, { message }));
  return htmlPage(statusCode, 'Status for meldingen', `<p>${escapeHtml(message)}</p>`);
}
