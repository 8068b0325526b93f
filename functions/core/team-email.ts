import type { Service, Team } from './catalog-shape.ts';
import { answerSections, answersNotAsked, reportValues, type AnswerRow } from './answer-sections.ts';
import { EMAIL_FORMAT_VERSION, emailMarks, renderEmailBody, type Row } from './email-layout.ts';
import { formatOsloTime } from './oslo-time.ts';
import type { Journey } from './journey.ts';
import { mailtoHref, telHref } from './phone-ladder.ts';
import type { OutgoingEmail } from './ports.ts';
import type { Recipient } from './routing.ts';
import type { DeskLink } from './action-links.ts';
import { priorityName, type PriorityPolicy } from './priority.ts';
import type { StoredReport } from './stored-report.ts';

export { EMAIL_FORMAT_VERSION as TEAM_EMAIL_VERSION };

/**
 * The e-mail about a report to the desk's queue (`owner`) or to a team a rule sends a copy (`copy`): every answer
 * labelled with the question the reporter saw, grouped as on «Sjekk svarene», the service category and the product
 * team it escalates to, the suggested priority and whether the reporter has already phoned, replies going to the
 * reporter. A priority that must be phoned in stands in capitals at the start of the subject; a copy says it is one.
 */
export function renderTeamEmail(
  report: StoredReport,
  about: {
    service: Service | undefined;
    journey: Journey;
    team: Team;
    role: Recipient['role'];
    /** The desk, which has every report. */
    desk: Team;
    /** The product team the service escalates to (routing.ts escalationTeam); none for a service that no longer exists. */
    escalatesTo: Team | undefined;
    policy: PriorityPolicy;
    /** The desk's signed links to move the report (only in the desk's own e-mail): each opens a page to confirm. */
    actions?: readonly DeskLink[];
  },
): OutgoingEmail {
  const { service, journey, team, role, desk, escalatesTo, policy, actions = [] } = about;
  const level = policy.levels[report.priority];
  const values = reportValues(report);
  const asRows = (rows: readonly AnswerRow[]): Row[] =>
    rows.filter((row) => row.answer !== '').map((row) => ({ label: row.label, value: row.answer, href: linkTo(row) }));
  const leftOver = answersNotAsked(journey, report, values);
  const sections = [
    // First, so the desk sees what it can do before the answers; each link opens a page that asks before it acts.
    ...(actions.length > 0
      ? [
          {
            title: 'Flytt saken (åpner en side der du bekrefter)',
            rows: actions.map((action) => ({ label: action.label, value: action.url, href: action.url, linkText: 'Åpne og bekreft' })),
          },
        ]
      : []),
    ...answerSections(journey, values).map((section) => ({ title: section.title, rows: asRows(section.rows) })),
    ...(leftOver.length > 0 ? [{ title: 'Andre svar i meldingen', rows: asRows(leftOver) }] : []),
  ];
  const copy = role === 'copy';
  const rows: Row[] = [
    ...(copy ? [{ label: 'Kopi', value: `Dette er en kopi til orientering. ${desk.name} har meldingen og følger den opp.` }] : []),
    { label: 'Referanse', value: report.reference },
    { label: policy.label, value: `${priorityName(policy, report.priority)}: ${level.meaning}` },
    { label: 'Tjeneste', value: service?.name ?? report.serviceId },
    ...(escalatesTo
      ? [{ label: 'Eskaleres til', value: escalatesTo.address === desk.address ? `Ingen: ${desk.name} behandler den selv` : escalatesTo.name }]
      : []),
    { label: 'Mottatt', value: formatOsloTime(report.receivedAt) },
  ];
  const priorityTag = level.phone ? `${report.priority} ${level.name.toUpperCase()}` : report.priority;
  const calledTag = report.calledDesk ? '[har ringt]' : '';
  const copyTag = copy ? '[kopi]' : '';
  const body = renderEmailBody({
    heading: `${copy ? 'Kopi til' : 'Ny melding til'} ${team.name}: ${report.reference}`,
    rows,
    sections,
    footer: `Sendt fra Serviceportalen til ${team.name}${copy ? ' som kopi' : ''}. Svar på denne e-posten for å svare den som meldte.`,
  });
  return {
    to: team.address,
    replyTo: report.contact.email,
    subject: `[${priorityTag}][${service?.shortName ?? 'Ukjent'}]${calledTag}${copyTag} ${report.reference} ${report.summary}`,
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
