import { $ZodError, type $ZodIssue } from 'zod/v4/core';
import type { Service, Team } from './catalog-shape.ts';
import { FIELD } from './fixed-questions.ts';
import { questionByField, type Journey } from './journey.ts';
import { emailMarks, renderEmailBody, type Row } from './email-layout.ts';
import { formatOsloTime } from './oslo-time.ts';
import { mailtoHref, telHref } from './phone-ladder.ts';
import type { OutgoingEmail } from './ports.ts';
import { scrubEmailAddresses } from './scrub.ts';
import type { StoredReport } from './stored-report.ts';

/**
 * Failures that come back however often the report is retried, by `error.name`, so this module needs no SDK:
 * - a stored report that cannot be read (zod);
 * - the request for SES cannot even be built (`URIError` from encoding ill-formed text, `TypeError`);
 * - SES refuses the message or its recipient (`MessageRejected`: an unverified recipient in the sandbox, a
 *   rejected message; `InvalidParameterValue`: an address SES cannot use, which the SES mailer also raises for an
 *   address it cannot put in a header), or the sender (`MailFromDomainNotVerifiedException`).
 * Anything else (throttling, timeouts, SES or DynamoDB unavailable) may pass, and is retried.
 */
export const PERMANENT_ERROR_NAMES: ReadonlySet<string> = new Set([
  '$ZodError',
  'ZodError',
  'URIError',
  'TypeError',
  'MessageRejected',
  'InvalidParameterValue',
  'MailFromDomainNotVerifiedException',
]);

export function isPermanentRoutingError(error: unknown): boolean {
  if (error instanceof $ZodError) return true;
  return error instanceof Error && PERMANENT_ERROR_NAMES.has(error.name);
}

const REASON_LENGTH = 300;

/**
 * A short technical reason for the table and the desk's e-mail: the error's name and message on one line, with
 * every e-mail address taken out (SES's message names the recipient it refused), never the text of the report.
 */
export function failureReason(error: unknown): string {
  let reason: string;
  if (error instanceof $ZodError) {
    reason = `Lagret melding kan ikke leses (${error.name}): ${[...new Set(fieldsOf(error.issues))].slice(0, 8).join(', ')}`;
  } else if (error instanceof Error) {
    reason = `${error.name}: ${error.message}`;
  } else {
    reason = String(error);
  }
  const oneLine = scrubEmailAddresses(reason).replace(/\s+/g, ' ').trim();
  return oneLine.length > REASON_LENGTH ? `${oneLine.slice(0, REASON_LENGTH - 1)}…` : oneLine;
}

/** The fields a zod error is about; for a report that matches none of the stored versions, those of every version. */
function fieldsOf(issues: readonly $ZodIssue[], prefix: readonly PropertyKey[] = []): string[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) return issue.errors.flatMap((nested) => fieldsOf(nested, path));
    return [path.map(String).join('.') || '(hele meldingen)'];
  });
}

/** What the desk's failure notice starts its subject with, for its mail rules (and the drill). */
export const ROUTING_FAILED_SUBJECT = '[Ikke sendt videre]';

/**
 * Tells the desk (the routing's fallback team) that a report will not reach its team by itself: which report, who
 * sent it and how to reach them, and what went wrong, so someone can pass it on by hand. Nothing the reporter
 * wrote in free text is repeated: that text may be what could not be sent.
 */
export function renderRoutingFailedEmail(options: {
  reference: string;
  /** Undefined when the stored report itself cannot be read. */
  report: StoredReport | undefined;
  service: Service | undefined;
  /** The report's journey, whose questions name the reporter's details as the reporter saw them. */
  journey: Journey | undefined;
  desk: Team;
  /** The teams the report was meant for and did not reach. */
  teams: readonly string[];
  reason: string;
}): OutgoingEmail {
  const { reference, report, service, journey, desk, teams, reason } = options;
  const label = (field: string) => (journey ? questionByField(journey, field)?.label : undefined) ?? field;
  const rows: Row[] = [{ label: 'Referanse', value: reference }];
  if (report) {
    rows.push(
      { label: 'Tjeneste', value: service?.name ?? report.serviceId },
      { label: 'Prioritet', value: report.priority },
      { label: 'Mottatt', value: formatOsloTime(report.receivedAt) },
      { label: 'Meldt av', value: `${report.contact.name}, ${report.contact.organisation}` },
      { label: label(FIELD.phone), value: report.contact.phone, href: telHref(report.contact.phone) },
      { label: label(FIELD.email), value: report.contact.email, href: mailtoHref(report.contact.email) },
    );
  }
  if (teams.length > 0) rows.push({ label: 'Skulle til', value: teams.join(', ') });
  rows.push({ label: 'Feil', value: reason });
  const paragraphs = report
    ? [
        'Serviceportalen fikk ikke sendt meldingen videre, og prøver ikke igjen: feilen kommer tilbake ved hvert forsøk.',
        'Slå opp referansen i meldingstabellen og send meldingen videre selv, eller ring den som meldte.',
      ]
    : [
        'Meldingen er lagret, men i en form Serviceportalen ikke kan lese, så den blir ikke sendt videre.',
        'Slå opp referansen i meldingstabellen (DynamoDB) og send meldingen videre selv.',
      ];
  const body = renderEmailBody({
    heading: `Meldingen ${reference} kom ikke fram`,
    rows,
    paragraphs,
    footer: `Sendt fra Serviceportalen til ${desk.name}.`,
  });
  const marks = emailMarks('routing-failed');
  return {
    to: desk.address,
    subject: `${ROUTING_FAILED_SUBJECT} ${reference}${report ? ` (${report.priority})` : ''}: meldingen kom ikke fram til teamet`,
    ...body,
    headers: marks.headers,
    // Its own kind in SES's records; it goes to the desk, so with the desk's configuration set.
    tags: marks.tags,
  };
}
