import type { Service, Team } from './catalog-shape.ts';
import type { DeskContact } from './desk-contact.ts';
import { emailMarks, renderEmailBody } from './email-layout.ts';
import { formatOsloTime } from './oslo-time.ts';
import { FIELD } from './fixed-questions.ts';
import { labelOfAnswer, questionByField, type Journey } from './journey.ts';
import { ladderSteps } from './phone-ladder.ts';
import type { OutgoingEmail } from './ports.ts';
import { expectedResponse, priorityName, type PriorityPolicy } from './priority.ts';
import type { StoredReport } from './stored-report.ts';

/**
 * The reporter's receipt. It repeats nothing they wrote (no summary, description or answers): a receipt can be
 * forwarded or read on a shared screen, and health data must not spread through it.
 */
export function renderReceiptEmail(
  report: StoredReport,
  options: {
    service: Service | undefined;
    journey: Journey;
    policy: PriorityPolicy;
    /** Whether written reports are being handled as the receipt is sent (the promise depends on it). */
    handledNow: boolean;
    /** The desk, which has the report and gets the replies; asked for attachments only if its address takes them. */
    desk: Team;
    contact: DeskContact;
    statusUrl?: string;
  },
): OutgoingEmail {
  const { policy, desk } = options;
  const level = policy.levels[report.priority];
  const name = priorityName(policy, report.priority);
  const requestType = questionByField(options.journey, FIELD.requestType);
  const body = renderEmailBody({
    heading: `Vi har mottatt meldingen din: ${report.reference}`,
    rows: [
      { label: 'Referanse', value: report.reference },
      { label: 'Tjeneste', value: options.service?.name ?? desk.name },
      { label: requestType?.label ?? FIELD.requestType, value: labelOfAnswer(requestType, report.requestType) },
      { label: 'Mottatt', value: formatOsloTime(report.receivedAt) },
      { label: policy.label, value: `${name}: ${level.meaning}` },
      { label: policy.responseLabel, value: expectedResponse(level, options.handledNow) },
      ...(options.statusUrl ? [{ label: 'Følg saken', value: options.statusUrl, href: options.statusUrl }] : []),
    ],
    paragraphs: [
      `${desk.name} har fått meldingen og følger den opp. Trengs det, sender ${desk.name} den videre til teamet som har ansvaret for tjenesten.`,
      policy.settledTogether,
      ...(desk.takesAttachments ? ['Vil du sende skjermbilder, logger eller andre vedlegg? Svar på denne e-posten og behold referansen i emnefeltet.'] : []),
      `Oppgi referansen hvis du kontakter ${desk.name} om saken.`,
      'Haster det, eller blir det verre? Ikke vent på svar her. Gjør dette, i denne rekkefølgen:',
    ],
    list: ladderSteps(options.contact).map((step) => step.sentence),
    footer: 'Sendt fra Serviceportalen. Denne e-posten gjentar ikke det du skrev, for å beskytte eventuelle personopplysninger.',
  });
  return {
    to: report.contact.email,
    replyTo: desk.address,
    subject: `Mottatt: ${report.reference} (${name})`,
    ...body,
    ...emailMarks('receipt', { priority: report.priority }),
  };
}
