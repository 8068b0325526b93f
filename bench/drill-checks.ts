import { MAJOR_INCIDENT_SUBJECT } from '../functions/core/major-incident-email.ts';
import { ROUTING_FAILED_SUBJECT } from '../functions/core/routing-failure.ts';
import { statusCounts, type Answer } from './drill-traffic.ts';
import type { SentEmail, StoredReport } from './local-portal.ts';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const ALERT_PREFIX = MAJOR_INCIDENT_SUBJECT;

/**
 * The drill's invariants: every accepted report stored once and routed once, idempotent retries answered with
 * one reference and stored once, and no e-mail sent twice or about a report that does not exist. A report that
 * can never be sent (`neverSendable`: reference → the e-mails it still gets, such as its receipt) is marked
 * failed instead, the desk told about it exactly once and RoutingFailed counted once; every other report is
 * routed, however many of those there are.
 */
export function checkInvariants(input: {
  answers: readonly Answer[];
  stored: readonly StoredReport[];
  emails: readonly SentEmail[];
  emailsPerReport: number;
  idempotencyKeys: readonly string[];
  conflictStatus?: number;
  neverSendable?: ReadonlyMap<string, number>;
  /** The references in the RoutingFailed metric lines the handlers wrote. */
  routingFailedMetrics?: readonly string[];
  /** OldestUnroutedAgeSeconds from the last sweep. */
  oldestUnroutedAfterSweep?: number | undefined;
}): Check[] {
  const { answers, stored, emails, emailsPerReport } = input;
  const neverSendable = input.neverSendable ?? new Map<string, number>();
  const storedBySummary = new Map<string, StoredReport[]>();
  for (const item of stored) storedBySummary.set(String(item.summary), [...(storedBySummary.get(String(item.summary)) ?? []), item]);
  const storedReferences = new Set(stored.map((item) => item.reference));
  const accepted = answers.filter((answer) => answer.status === 201);
  const checks: Check[] = [];

  const missing = accepted.filter((answer) => !storedReferences.has(answer.reference ?? ''));
  checks.push({ name: 'Hver 201 er lagret', ok: missing.length === 0, detail: `${accepted.length} svar med 201, ${missing.length} mangler i tabellen` });

  const plain = accepted.filter((answer) => !answer.key);
  const plainReferences = new Set(plain.map((answer) => answer.reference));
  const twiceStored = [...storedBySummary].filter(([, items]) => items.length > 1);
  checks.push({
    name: 'Én referanse og ett lagret element per innsending',
    ok: plainReferences.size === plain.length && twiceStored.length === 0,
    detail: `${plain.length} 201 uten nøkkel, ${plainReferences.size} ulike referanser; ${twiceStored.length} meldinger lagret mer enn én gang`,
  });

  const unconfirmed = stored.filter((item) => !accepted.some((answer) => answer.reference === item.reference));
  checks.push({
    name: 'Lagret uten 201 (klienten fikk feil, men meldingen kom inn)',
    ok: true,
    detail: `${unconfirmed.length} (${unconfirmed.map((item) => item.reference).join(', ') || 'ingen'})`,
  });

  const sendable = stored.filter((item) => !neverSendable.has(item.reference));
  const unrouted = sendable.filter((item) => item.routing?.status !== 'routed');
  checks.push({
    name: 'Hver lagrede melding som kan sendes, er rutet',
    ok: unrouted.length === 0,
    detail: `${sendable.length} lagret som kan sendes, ${unrouted.length} ikke rutet${
      unrouted.length
        ? ` (${unrouted
            .slice(0, 5)
            .map((item) => `${item.reference}: ${item.routing?.status}`)
            .join(', ')})`
        : ''
    }`,
  });

  if (neverSendable.size > 0 || (input.routingFailedMetrics?.length ?? 0) > 0) {
    const failedReferences = stored.filter((item) => item.routing?.status === 'failed').map((item) => item.reference);
    const notices = emails.filter((email) => email.subject.startsWith(ROUTING_FAILED_SUBJECT));
    const noticesFor = (reference: string) => notices.filter((email) => email.subject.includes(reference)).length;
    const metricsFor = (reference: string) => (input.routingFailedMetrics ?? []).filter((metric) => metric === reference).length;
    const expected = [...neverSendable.keys()];
    const sameSet = failedReferences.length === expected.length && expected.every((reference) => failedReferences.includes(reference));
    checks.push({
      name: 'Meldinger som aldri kan sendes: merket feilet, Servicedesk varslet én gang om hver, RoutingFailed talt én gang for hver',
      ok:
        sameSet &&
        expected.every((reference) => noticesFor(reference) === 1 && metricsFor(reference) === 1) &&
        notices.length === expected.length &&
        (input.routingFailedMetrics?.length ?? 0) === expected.length,
      detail: `${expected.length} ventet (${expected.join(', ')}); ${failedReferences.length} merket feilet; ${notices.length} varsler til Servicedesk; ${input.routingFailedMetrics?.length ?? 0} RoutingFailed`,
    });
  }
  if (input.oldestUnroutedAfterSweep !== undefined) {
    checks.push({
      name: 'Eldste ventende melding etter siste sweep (OldestUnroutedAgeSeconds)',
      ok: input.oldestUnroutedAfterSweep === 0,
      detail: `${input.oldestUnroutedAfterSweep} s`,
    });
  }

  const reportEmails = emails.filter((email) => !email.subject.startsWith(ALERT_PREFIX) && !email.subject.startsWith(ROUTING_FAILED_SUBJECT));
  const referenceOf = (subject: string) => [...storedReferences].find((reference) => subject.includes(reference));
  const perReference = new Map<string, SentEmail[]>();
  const orphans: SentEmail[] = [];
  for (const email of reportEmails) {
    const reference = referenceOf(email.subject);
    if (reference) perReference.set(reference, [...(perReference.get(reference) ?? []), email]);
    else orphans.push(email);
  }
  const expectedEmails = (reference: string) => neverSendable.get(reference) ?? emailsPerReport;
  const wrongCount = stored.filter((item) => (perReference.get(item.reference)?.length ?? 0) !== expectedEmails(item.reference));
  const duplicates = [...perReference].filter(
    ([, list]) => new Set(list.map((email) => `${email.destination.to.join(',')}|${email.subject}`)).size !== list.length,
  );
  const firstWrong = wrongCount[0];
  checks.push({
    name: `Nøyaktig ${emailsPerReport} e-poster per lagret melding (de som ikke kan sendes: kvitteringen), ingen dobbel`,
    ok: wrongCount.length === 0 && duplicates.length === 0,
    detail: `${reportEmails.length} e-poster om ${perReference.size} meldinger; ${wrongCount.length} med feil antall${
      wrongCount.length
        ? ` (${wrongCount
            .slice(0, 5)
            .map((item) => `${item.reference}: ${perReference.get(item.reference)?.length ?? 0}`)
            .join(', ')})`
        : ''
    }; ${duplicates.length} med dobbel e-post${firstWrong ? ` (${firstWrong.reference}: ${describeEmails(perReference.get(firstWrong.reference) ?? [])})` : ''}`,
  });
  checks.push({ name: 'Ingen e-post om en melding som ikke finnes', ok: orphans.length === 0, detail: `${orphans.length}` });

  for (const key of input.idempotencyKeys) {
    const forKey = answers.filter((answer) => answer.key === key);
    const references = new Set(forKey.filter((answer) => answer.status === 201).map((answer) => answer.reference));
    const summary = forKey[0]?.summary ?? '';
    const storedCount = storedBySummary.get(summary)?.length ?? 0;
    if (references.size !== 1 || storedCount !== 1) {
      checks.push({
        name: `Idempotency-Key ${key}`,
        ok: false,
        detail: `${references.size} referanser i 201-svar, ${storedCount} lagret; svar i rekkefølge: ${forKey
          .map((answer) => answer.status)
          .slice(0, 6)
          .join(' ')} …; i alt ${statusCounts(forKey)}`,
      });
    }
  }
  const keyed = answers.filter((answer) => answer.key);
  checks.push({
    name: 'Samme Idempotency-Key: samme referanse, lagret én gang',
    ok: !checks.some((check) => check.name.startsWith('Idempotency-Key ')),
    detail: `${input.idempotencyKeys.length} nøkler, ${keyed.length} forespørsler (${keyed.filter((a) => a.status === 201).length} × 201, ${keyed.filter((a) => a.status === 409).length} × 409)`,
  });
  if (input.conflictStatus !== undefined) {
    checks.push({ name: 'Samme nøkkel med annen melding gir 422', ok: input.conflictStatus === 422, detail: `fikk ${input.conflictStatus}` });
  }
  return checks;
}

/** Who got which e-mail, for a report whose count is wrong: enough to tell a resend from an extra recipient. */
const describeEmails = (emails: readonly SentEmail[]) => emails.map((email) => `${email.destination.to.join(',')} «${email.subject}»`).join('; ');
