import type { Catalog } from './catalog-shape.ts';
import { emailMarks, renderEmailBody, type Row } from './email-layout.ts';
import { formatOsloTime } from './oslo-time.ts';
import type { OutgoingEmail } from './ports.ts';
import { priorityName, type Priority } from './priority.ts';
import type { ReportEvent } from './report-life.ts';
import { deskTeam, escalationTeam } from './routing.ts';
import { isServiceId } from './service-ids.ts';
import type { StoredReport } from './stored-report.ts';

/**
 * The e-mails a report's life causes after the portal has delivered it (core/case-events.ts): the reporter's when
 * the case waits for them or is solved, and the escalation contact's when the reporter asks for escalation.
 * Neither repeats anything the reporter wrote; the desk's message is text, escaped in the HTML part.
 */

/** Who is told when a report of `priority` is asked to be escalated: the team's name and address, or the role's. */
export function escalationContactFor(catalog: Pick<Catalog, 'escalation' | 'teams'>, priority: Priority): { name: string; address: string } {
  const level = catalog.escalation.levels[priority];
  if (!('team' in level)) return level;
  const team = catalog.teams[level.team];
  if (!team) throw new TypeError(`Eskaleringsnivået for ${priority} peker på teamet «${level.team}», som ikke finnes.`);
  return { name: team.name, address: team.address };
}

const FOOTER = 'Sendt fra Serviceportalen. Denne e-posten gjentar ikke det du skrev, for å beskytte eventuelle personopplysninger.';

/** The reporter's e-mail when the case has moved to `event.state` (awaitingReporter or solved). */
export function renderReporterUpdateEmail(report: StoredReport, event: ReportEvent, options: { catalog: Catalog; statusUrl: string }): OutgoingEmail {
  const { catalog, statusUrl } = options;
  const desk = deskTeam(catalog);
  const words = catalog.caseStates.states[event.state];
  const service = isServiceId(report.serviceId) ? catalog.services[report.serviceId] : undefined;
  const rows: Row[] = [
    { label: 'Referanse', value: report.reference },
    { label: 'Tjeneste', value: service?.name ?? desk.name },
    { label: 'Status', value: words.label },
    { label: 'Tidspunkt', value: formatOsloTime(event.at) },
    ...(event.message && event.actor !== 'reporter' ? [{ label: `Melding fra ${desk.name}`, value: event.message }] : []),
    { label: 'Følg saken', value: statusUrl, href: statusUrl },
  ];
  const next =
    event.state === 'awaitingReporter'
      ? `Svar på denne e-posten, eller kontakt ${desk.name}, og oppgi referansen ${report.reference}.`
      : `Kommer feilen tilbake, kontakt ${desk.name} og oppgi referansen ${report.reference}.`;
  const body = renderEmailBody({
    heading: `${words.label}: ${report.reference}`,
    rows,
    paragraphs: [words.explanation, next],
    footer: FOOTER,
  });
  return {
    to: report.contact.email,
    replyTo: desk.address,
    subject: `${words.label}: ${report.reference}`,
    ...body,
    ...emailMarks('reporter-update', { state: event.state }),
  };
}

/** The escalation contact's e-mail when the reporter asks for escalation: which report, its priority and service, when asked. */
export function renderEscalationRequestEmail(report: StoredReport, event: ReportEvent, options: { catalog: Catalog }): OutgoingEmail {
  const { catalog } = options;
  const desk = deskTeam(catalog);
  const contact = escalationContactFor(catalog, report.priority);
  const service = isServiceId(report.serviceId) ? catalog.services[report.serviceId] : undefined;
  const level = catalog.priority.levels[report.priority];
  const name = priorityName(catalog.priority, report.priority);
  const team = escalationTeam(report.serviceId, catalog);
  const body = renderEmailBody({
    heading: `Eskalering ønsket: ${report.reference}`,
    rows: [
      { label: 'Referanse', value: report.reference },
      { label: catalog.priority.label, value: `${name}: ${level.meaning}` },
      { label: 'Tjeneste', value: service?.name ?? report.serviceId },
      ...(team ? [{ label: 'Eskaleres til', value: team.name }] : []),
      { label: 'Status', value: catalog.caseStates.states[event.state].label },
      { label: 'Mottatt', value: formatOsloTime(report.receivedAt) },
      { label: 'Bedt om eskalering', value: formatOsloTime(event.at) },
    ],
    paragraphs: [
      `Den som meldte saken, ber om eskalering: forventet responstid for prioriteten er passert. Du får denne e-posten som eskaleringskontakt for ${name} (${contact.name}).`,
      `${desk.name} har saken. Finn den på referansen i saksbehandlingssystemet, eller svar på denne e-posten for å nå ${desk.name}.`,
    ],
    footer: 'Sendt fra Serviceportalen. Innholdet i meldingen står ikke her; det har Servicedesk.',
  });
  return {
    to: contact.address,
    replyTo: desk.address,
    subject: `[Eskalering] ${report.priority} ${report.reference}`,
    ...body,
    ...emailMarks('escalation-request', { priority: report.priority }),
  };
}
