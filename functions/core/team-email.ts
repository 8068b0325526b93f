import type { Service, Team } from '../catalog/schema.ts';
import { answerSections, answersNotAsked, reportValues, type AnswerRow } from './answer-sections.ts';
import { EMAIL_FORMAT_VERSION, emailMarks, formatOsloTime, renderEmailBody, type Row } from './email-layout.ts';
import type { Journey } from './journey.ts';
import { mailtoHref, telHref } from './phone-ladder.ts';
import type { OutgoingEmail } from './ports.ts';
import { priorityName, type PriorityPolicy } from './priority.ts';
import type { StoredReport } from './stored-report.ts';

export { EMAIL_FORMAT_VERSION as TEAM_EMAIL_VERSION };

/**
 * The desk's e-mail: every answer labelled with the question the reporter saw, grouped as on «Sjekk svarene», the
 * suggested priority and whether the reporter has already phoned, replies going to the reporter. A priority that
 * must be phoned in stands in capitals at the start of the subject.
 */
export function renderTeamEmail(report: StoredReport, about: { service: Service | undefined; journey: Journey; team: Team; policy: PriorityPolicy }): OutgoingEmail {
  const { service, journey, team, policy } = about;
  const level = policy.levels[report.priority];
  const values = reportValues(report);
  const asRows = (rows: readonly AnswerRow[]): Row[] => rows.filter((row) => row.answer !== '').map((row) => ({ label: row.label, value: row.answer, href: linkTo(row) }));
  const leftOver = answersNotAsked(journey, report, values);
  const sections = [
    ...answerSections(journey, values).map((section) => ({ title: section.title, rows: asRows(section.rows) })),
    ...(leftOver.length > 0 ? [{ title: 'Andre svar i meldingen', rows: asRows(leftOver) }] : []),
  ];
  const rows: Row[] = [
    { label: 'Referanse', value: report.reference },
    { label: policy.label, value: `${priorityName(policy, report.priority)}: ${level.meaning}` },
    { label: 'Tjeneste', value: service?.name ?? report.serviceId },
    { label: 'Mottatt', value: formatOsloTime(report.receivedAt) },
  ];
  const priorityTag = level.phone ? `${report.priority} ${level.name.toUpperCase()}` : report.priority;
  const calledTag = report.calledDesk ? '[har ringt]' : '';
  const body = renderEmailBody({
    heading: `Ny melding til ${team.name}: ${report.reference}`,
    rows,
    sections,
    footer: `Sendt fra Serviceportalen til ${team.name}. Svar på denne e-posten for å svare den som meldte.`,
  });
  return {
    to: team.address,
    replyTo: report.contact.email,
    subject: `[${priorityTag}][${service?.shortName ?? 'Ukjent'}]${calledTag} ${report.reference} ${report.summary}`,
    ...body,
    ...emailMarks('team', { priority: report.priority }),
  };
}

/** The reporter's number and address as links, so the desk calls back or writes with one tap. */
function linkTo(row: AnswerRow): string | undefined {
  if (row.type === 'tel') return telHref(row.answer);
  if (row.type === 'email') return mailtoHref(row.answer);
  return undefined;
}
