import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { formatOsloTime } from '../core/email-layout.ts';
import { escapeHtml } from '../core/html.ts';
import { FORM_PATH, serverReceiptPath } from '../core/page-paths.ts';
import { questionByField, type Journey } from '../core/journey.ts';
import type { ReportStatusView } from '../core/report-status.ts';
import type { FieldError } from '../core/report-submission.ts';
import { fillPage, type PageTemplates } from './page-templates.ts';
import { htmlPage, htmlResponse } from './responses.ts';

/**
 * What a browser without JavaScript gets back from the API: the receipt (which is also the status page it can keep)
 * and the page that lists what kept the report from being taken. Both are the site's own pages, filled in.
 */

/** Where the report is, in words. */
function stateOf(view: ReportStatusView): string {
  return view.status === 'routed' ? `Sendt videre til ${view.teams.join(', ')}` : 'Mottatt, og blir sendt videre til riktig team';
}

export function receiptPage(templates: PageTemplates, view: ReportStatusView, statusToken: string): APIGatewayProxyStructuredResultV2 {
  const values = {
    reference: view.reference,
    statusLink: serverReceiptPath(view.reference, statusToken),
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

/** `problems`: each in words the reporter knows (problemsInWords). */
export function problemsPage(templates: PageTemplates, statusCode: number, problems: readonly string[], headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  const list = `<ul>${problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}</ul>`;
  const page = templates.problems
    ? htmlResponse(statusCode, fillPage(templates.problems, {}, { problems: list }))
    : htmlPage(
        statusCode,
        'Meldingen ble ikke sendt',
        `${list}
<p>Gå tilbake med nettleserens tilbakeknapp. Det du skrev, står der fortsatt. <a href="${FORM_PATH}">Eller start på nytt</a>.</p>`,
      );
  return { ...page, headers: { ...page.headers, ...headers } };
}
