import type { Service, Team } from '../catalog/schema.ts';
import { escapeHtml } from './html.ts';
import type { OutgoingEmail } from './ports.ts';
import type { StoredReport } from './stored-report.ts';

/** Version of the e-mail layout, carried in every message so the desk's mail rules can rely on it. */
export const TEAM_EMAIL_VERSION = 'serviceportal.team-report.v1';

interface Row {
  label: string;
  value: string;
}

/** The team's e-mail: every answer, labelled with the question the reporter saw, replies going to the reporter. */
export function renderTeamEmail(report: StoredReport, service: Service, team: Team): OutgoingEmail {
  const rows: Row[] = [
    { label: 'Referanse', value: report.reference },
    { label: 'Tjeneste', value: service.name },
    { label: 'Mottatt', value: formatOsloTime(report.receivedAt) },
    { label: 'Overskrift', value: report.summary },
    { label: 'Beskrivelse', value: report.description },
    ...service.questions
      .filter((question) => report.answers[question.id] !== undefined)
      .map((question) => ({ label: question.label, value: displayAnswer(report.answers[question.id] ?? '', question.options) })),
    { label: 'Meldt av', value: report.contact.name },
    { label: 'Virksomhet', value: report.contact.organisation },
    { label: 'Telefon', value: report.contact.phone },
    { label: 'E-post', value: report.contact.email },
  ];
  const subject = `[${service.shortName}] ${report.reference} ${report.summary}`;
  const footer = `Sendt fra Serviceportalen til ${team.name}. Svar på denne e-posten for å svare den som meldte. Format: ${TEAM_EMAIL_VERSION}`;

  const text = [
    `Ny melding til ${team.name}: ${report.reference}`,
    '',
    ...rows.map((row) => `${row.label}:\n${indent(row.value)}\n`),
    '-- ',
    footer,
  ].join('\n');

  const html = [
    '<!doctype html><html lang="nb"><head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head><body>`,
    `<h1>Ny melding til ${escapeHtml(team.name)}: ${escapeHtml(report.reference)}</h1>`,
    '<table>',
    ...rows.map((row) => `<tr><th scope="row" style="text-align:left;vertical-align:top">${escapeHtml(row.label)}</th><td style="white-space:pre-wrap">${escapeHtml(row.value)}</td></tr>`),
    '</table>',
    `<p><small>${escapeHtml(footer)}</small></p>`,
    '</body></html>',
  ].join('\n');

  return {
    to: team.address,
    replyTo: report.contact.email,
    subject,
    text,
    html,
    tags: { 'schema-version': TEAM_EMAIL_VERSION.replace(/\W/g, '-'), service: report.serviceId },
  };
}

function displayAnswer(value: string, options: Service['questions'][number]['options']): string {
  return options?.find((option) => option.value === value)?.label ?? value;
}

function indent(value: string): string {
  return value
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

const OSLO_TIME = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });

export function formatOsloTime(iso: string): string {
  return OSLO_TIME.format(new Date(iso));
}
