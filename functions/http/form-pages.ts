import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { formatOsloTime } from '../core/oslo-time.ts';
import { escapeHtml } from '../core/html.ts';
import type { EscalationCheck } from '../core/escalation-request.ts';
import { FORM_PATH, receiptEscalationPath, serverReceiptPath, SLOTS, type PageTemplates, type Slot } from '../core/page-paths.ts';
import { questionByField, type Journey } from '../core/journey.ts';
import type { ReportStatusView, TimelineEntry } from '../core/report-status.ts';
import type { FieldError } from '../core/report-submission.ts';
import { htmlPage, htmlResponse } from './responses.ts';

/**
 * What a browser without JavaScript gets back from the API: the receipt (which is also the status page it can keep),
 * the page that lists what to correct, the page that asks to send again later, and the page for a receipt that
 * cannot be shown. Each is the site's own page (core/page-paths.ts) filled in; without it, a plain page.
 */

const SLOT_PATTERN = /\{\{(\p{L}+)\}\}/gu;
const isSlot = (name: string): name is Slot => Object.hasOwn(SLOTS, name);
const SLOT_BY_PLACEHOLDER = new Map<string, Slot>(Object.entries(SLOTS).flatMap(([slot, placeholder]) => (isSlot(slot) ? [[placeholder, slot] as const] : [])));

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

/** Where the case is at the desk, in the words of content/case-states.yaml. */
function stateOf(view: ReportStatusView): string {
  return `${view.life.label}. ${view.life.explanation}`;
}

/**
 * The case's timeline as the status page shows it with JavaScript (site/src/scripts/form-status.ts): an ordered
 * list, oldest first, each event with its time, what and who («Registrert (Servicedesk)»), the team it went to and
 * the desk's message. Every value escaped.
 */
export function timelineHtml(events: readonly TimelineEntry[]): string {
  const items = events.map((event) => {
    const who = event.actor === 'reporter' ? '' : ` (${escapeHtml(event.actorWord)})`;
    const team = event.team ? `, til ${escapeHtml(event.team)}` : '';
    const message = event.message ? `<p>Melding: ${escapeHtml(event.message)}</p>` : '';
    return `<li><time datetime="${escapeHtml(event.at)}">${escapeHtml(formatOsloTime(event.at))}</time> – <strong>${escapeHtml(event.label)}</strong>${who}${team}${message}</li>`;
  });
  return `<ol class="status-timeline">${items.join('')}</ol>`;
}

/** «Be om eskalering» on the receipt: whether the reporter may ask now (core/escalation-request.ts), and what happens then. */
export interface ReceiptEscalation {
  check: EscalationCheck;
  /** content/priority.yaml `escalation.explanation`: who at the desk is told. */
  explanation: string;
}

/**
 * The receipt's «Be om eskalering» part, as the status page shows it with JavaScript (site/src/scripts/form-status.ts):
 * the button's form and what happens once it is possible, from when before, when it was asked after; nothing once the
 * case is solved or closed, or when content/ offers no escalation. Every value escaped.
 */
export function escalationHtml(reference: string, escalation: ReceiptEscalation | undefined, events: readonly TimelineEntry[]): string {
  if (!escalation) return '';
  const { check } = escalation;
  let body: string;
  if (check.allowed) {
    body = `<p>Har du ikke fått svar innen tiden som er lovet for prioriteten, kan du be om eskalering. ${escapeHtml(escalation.explanation)}</p>
<form method="post" action="${escapeHtml(receiptEscalationPath(reference))}"><button class="ds-button" type="submit">Be om eskalering</button></form>`;
  } else if (check.reason === 'tooEarly') {
    body = `<p>Har du ikke fått svar innen tiden som er lovet for prioriteten, kan du be om eskalering fra ${escapeHtml(formatOsloTime(check.from.toISOString()))}. ${escapeHtml(escalation.explanation)}</p>`;
  } else if (check.reason === 'alreadyAsked') {
    const label = events.find((event) => event.kind === 'escalationRequested')?.label ?? 'Du ba om eskalering';
    body = `<p>${escapeHtml(label)} ${escapeHtml(formatOsloTime(check.at))}. ${escapeHtml(escalation.explanation)}</p>`;
  } else {
    return '';
  }
  return `<section class="escalation" aria-labelledby="receipt-escalation-heading">
<h2 id="receipt-escalation-heading">Eskalering</h2>
${body}
</section>`;
}

export function receiptPage(templates: PageTemplates, view: ReportStatusView, escalation?: ReceiptEscalation): APIGatewayProxyStructuredResultV2 {
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
  const timeline = timelineHtml(view.life.events);
  const escalationPart = escalationHtml(view.reference, escalation, view.life.events);
  if (templates.receipt) return htmlResponse(200, fillPage(templates.receipt, values, { timeline, escalation: escalationPart }));
  return htmlPage(
    200,
    'Meldingen er mottatt',
    `<p>Referansen din er <strong>${escapeHtml(values.reference)}</strong>.</p>
<p>${escapeHtml(values.state)}</p>
<p>${escapeHtml(view.priority.label)}: ${escapeHtml(values.priority)}. ${escapeHtml(values.response)}</p>
<h2>Hva som har skjedd</h2>
${timeline}
${escalationPart}
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
  return htmlPage(
    400,
    'Meldingen ble ikke sendt',
    `${list}\n<p>Gå tilbake med nettleserens tilbakeknapp og rett det som står over. <a href="${FORM_PATH}">Eller start på nytt</a>.</p>`,
  );
}

/** 429 or 500 to a form post: nothing to correct, send again in a while. */
export function tryAgainPage(
  templates: PageTemplates,
  statusCode: number,
  message: string,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
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

/** 200: what a desk's action link will do, with the form whose button does it (the GET itself changes nothing). */
export function deskActionPage(
  templates: PageTemplates,
  confirm: { reference: string; will: string; button: string; formAction: string; token: string; tokenField: string; messageField: string },
): APIGatewayProxyStructuredResultV2 {
  const values = {
    reference: confirm.reference,
    deskAction: confirm.will,
    deskActionButton: confirm.button,
    deskActionForm: confirm.formAction,
    deskActionToken: confirm.token,
  };
  if (templates.deskAction) return htmlResponse(200, fillPage(templates.deskAction, values));
  return htmlPage(
    200,
    'Bekreft handlingen',
    `<p>Melding <strong>${escapeHtml(confirm.reference)}</strong></p>
<p>${escapeHtml(confirm.will)}</p>
<form method="post" action="${escapeHtml(confirm.formAction)}">
<input type="hidden" name="${escapeHtml(confirm.tokenField)}" value="${escapeHtml(confirm.token)}">
<p><label for="melding">Kort melding (valgfritt)</label><br><textarea id="melding" name="${escapeHtml(confirm.messageField)}" rows="3"></textarea></p>
<p><button type="submit">${escapeHtml(confirm.button)}</button></p>
</form>
<p>Lenken virker én gang. Vil du ikke gjøre dette, lukk siden: ingenting er endret.</p>`,
  );
}

/** 200: the link's move is made. */
export function deskActionDonePage(templates: PageTemplates, reference: string, done: string): APIGatewayProxyStructuredResultV2 {
  if (templates.deskActionDone) return htmlResponse(200, fillPage(templates.deskActionDone, { reference, deskAction: done }));
  return htmlPage(200, 'Handlingen er utført', `<p>Melding <strong>${escapeHtml(reference)}</strong>: ${escapeHtml(done)}</p>\n<p>Lenken er nå brukt.</p>`);
}

/** 4xx or 500: why the link cannot be used, and that nothing changed. */
export function deskActionRefusedPage(templates: PageTemplates, statusCode: number, message: string): APIGatewayProxyStructuredResultV2 {
  if (templates.deskActionRefused) return htmlResponse(statusCode, fillPage(templates.deskActionRefused, { message }));
  return htmlPage(statusCode, 'Lenken kan ikke brukes', `<p>${escapeHtml(message)}</p>\n<p>Ingenting er endret av denne lenken.</p>`);
}
