import type { Contact } from '../catalog/contact-schema.ts';
import type { Service, Team } from '../catalog/schema.ts';
import { EMAIL_FORMAT_VERSION, formatOsloTime, renderEmailBody } from './email-layout.ts';
import { phoneLadderLines } from './phone-ladder.ts';
import type { OutgoingEmail } from './ports.ts';
import { PRIORITY_DESCRIPTIONS } from './priority.ts';
import { REQUEST_TYPE_LABELS } from './request-details.ts';
import type { StoredReport } from './stored-report.ts';

/**
 * The reporter's receipt. It repeats nothing they wrote (no summary, description or answers): a receipt can be
 * forwarded or read on a shared screen, and health data must not spread through it.
 */
export function renderReceiptEmail(
  report: StoredReport,
  service: Service | undefined,
  options: { replyTo: Team; contact: Contact; statusUrl?: string },
): OutgoingEmail {
  const priority = PRIORITY_DESCRIPTIONS[report.priority];
  const body = renderEmailBody({
    heading: `Vi har mottatt meldingen din: ${report.reference}`,
    rows: [
      { label: 'Referanse', value: report.reference },
      { label: 'Tjeneste', value: service?.name ?? 'Servicedesk' },
      { label: 'Henvendelsen gjelder', value: REQUEST_TYPE_LABELS[report.requestType] },
      { label: 'Mottatt', value: formatOsloTime(report.receivedAt) },
      { label: 'Prioritet', value: `${report.priority} ${priority.name}: ${priority.meaning}` },
      { label: 'Hva skjer nå', value: priority.expectedResponse },
      ...(options.statusUrl ? [{ label: 'Følg saken', value: options.statusUrl }] : []),
    ],
    paragraphs: [
      'Vil du sende skjermbilder, logger eller andre vedlegg? Svar på denne e-posten og behold referansen i emnefeltet.',
      'Oppgi referansen hvis du kontakter Servicedesk om saken.',
      'Haster det, eller blir det verre? Ikke vent på svar her. Gjør dette, i denne rekkefølgen:',
    ],
    list: phoneLadderLines(options.contact),
    footer: 'Sendt fra Serviceportalen. Denne e-posten gjentar ikke det du skrev, for å beskytte eventuelle personopplysninger.',
  });
  return {
    to: report.contact.email,
    replyTo: options.replyTo.address,
    subject: `Mottatt: ${report.reference} (${report.priority} ${priority.name})`,
    ...body,
    tags: { 'schema-version': EMAIL_FORMAT_VERSION.replace(/\W/g, '-'), kind: 'receipt', priority: report.priority },
  };
}
