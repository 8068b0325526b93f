import type { Service, Team } from '../catalog/schema.ts';
import { EMAIL_FORMAT_VERSION, formatOsloTime, renderEmailBody, type Row } from './email-layout.ts';
import type { OutgoingEmail } from './ports.ts';
import { PRIORITY_DESCRIPTIONS } from './priority.ts';
import { IMPACT_QUESTIONS, labelOfAnswer, REQUEST_TYPE_LABELS } from './request-details.ts';
import type { StoredReport } from './stored-report.ts';

export { EMAIL_FORMAT_VERSION as TEAM_EMAIL_VERSION };

/**
 * The team's e-mail: every answer labelled with the question the reporter saw, the priority and why, replies
 * going to the reporter. `service` is undefined for a report whose service no longer exists.
 */
export function renderTeamEmail(report: StoredReport, service: Service | undefined, team: Team): OutgoingEmail {
  const priority = PRIORITY_DESCRIPTIONS[report.priority];
  const rows: Row[] = [
    { label: 'Referanse', value: report.reference },
    { label: 'Prioritet', value: `${report.priority} ${priority.name}: ${priority.meaning}` },
    { label: 'Tjeneste', value: service?.name ?? report.serviceId },
    { label: 'Henvendelsen gjelder', value: REQUEST_TYPE_LABELS[report.requestType] },
    { label: 'Mottatt', value: formatOsloTime(report.receivedAt) },
    { label: 'Overskrift', value: report.summary },
    { label: 'Beskrivelse', value: report.description },
    ...(service?.questions ?? [])
      .filter((question) => report.answers[question.id] !== undefined)
      .map((question) => ({ label: question.label, value: labelOfAnswer(question, report.answers[question.id] ?? '') })),
    ...(report.impact ? IMPACT_QUESTIONS.map((question) => ({ label: question.label, value: labelOfAnswer(question, report.impact?.[question.id] ?? '') })) : []),
    { label: 'Meldt av', value: report.contact.name },
    { label: 'Virksomhet', value: report.contact.organisation },
    { label: 'Telefon', value: report.contact.phone },
    { label: 'E-post', value: report.contact.email },
  ];
  const subject = `[${report.priority}][${service?.shortName ?? 'Ukjent'}] ${report.reference} ${report.summary}`;
  const body = renderEmailBody({
    heading: `Ny melding til ${team.name}: ${report.reference}`,
    rows,
    footer: `Sendt fra Serviceportalen til ${team.name}. Svar på denne e-posten for å svare den som meldte.`,
  });
  return {
    to: team.address,
    replyTo: report.contact.email,
    subject,
    ...body,
    tags: { 'schema-version': EMAIL_FORMAT_VERSION.replace(/\W/g, '-'), kind: 'team', priority: report.priority },
  };
}
