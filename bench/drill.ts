import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAJOR_INCIDENT_SUBJECT } from '../functions/core/major-incident-email.ts';
import { ROUTING_FAILED_SUBJECT } from '../functions/core/routing-failure.ts';
import type { SweepOutcome } from '../functions/core/sweep-unrouted.ts';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../functions/core/webhook-signature.ts';
import { REPOSITORY_ROOT } from '../infra/repository.ts';
import { writeReportCopy } from '../test/support/report-copies.ts';
import { checkInvariants } from './drill-checks.ts';
import { keysOf, pool, report, statusCounts, steadyTraffic, submit, type Answer } from './drill-traffic.ts';
import { sentEmails, startBenchPortal, storedReports } from './local-portal.ts';

/**
 * `npm run drill`: faults on the local stack, end to end, with figures. SES is stopped during a burst and started
 * again; dynalite is restarted under steady traffic; the same report is retried with one Idempotency-Key, at once
 * and afterwards; a team address SES refuses for good and a report nobody can send. Then every accepted report
 * must be stored and routed exactly once, except those that never can be: marked failed, the desk told once,
 * and RoutingFailed counted for each. Exits 1 if not.
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The faults make the local infrastructure log every failed attempt; count those lines instead of printing them.
let suppressedErrors = 0;
let deadLetters = 0;
console.error = (first?: unknown) => {
  suppressedErrors += 1;
  if (String(first).startsWith('Strømpost')) deadLetters += 1;
};

// The handlers write their metrics (CloudWatch embedded metric format) as JSON lines on stdout: keep them, as
// CloudWatch would, instead of printing them.
const metrics: Record<string, unknown>[] = [];
const writeStdout = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  if (text.startsWith('{') && text.includes('"_aws"')) {
    for (const line of text.split('\n').filter(Boolean)) metrics.push(JSON.parse(line) as Record<string, unknown>);
    return true;
  }
  return writeStdout(chunk, ...rest);
}) as typeof process.stdout.write;
const metricValues = (name: string) => metrics.filter((document) => name in document);

const BURST = 100;
/** Longer than the stream's retry budget (200 ms doubling, 5 retries: 6.2 s), so some records are given up on. */
const MAIL_OUTAGE_MS = 9000;
/** Longer than the AWS SDK's own retries ride out, so some clients get an error and must retry with their key. */
const DATABASE_DOWN_MS = 3000;
const KEYS = 20;
/**
 * A team whose address SES refuses for good (as an unverified address in the sandbox): the incident manager, who gets
 * a copy of every P1 report (content/routing.yaml). The desk owns each report, so they are routed all the same.
 */
const REFUSED_TEAM = 'vakthavende@hdo.example';
const REFUSED_REPORTS = 3;
const P1 = { urgent: 'yes', impact: { affected: 'many', workaround: 'no' } };
const answers: Answer[] = [];
const radio = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'test', 'fixtures', 'submissions', 'radio-valid.json'), 'utf8')) as Record<string, unknown> & {
  contact: Record<string, unknown>;
};
// Every report has its own reporter address (drill-traffic.ts); the caps on receipts per domain are raised, since
// they all share example.no. The caps themselves have their own tests.
/** The key the desk's case system signs its webhook calls with (step 5). */
const WEBHOOK_SIGNING_KEY = randomBytes(32).toString('base64url');
const portal = await startBenchPortal({
  environment: { SWEEP_MIN_AGE_MINUTES: '0', RECEIPTS_PER_DOMAIN_PER_DAY: '100000', WEBHOOK_SIGNING_KEY },
  streamRetryDelayMs: 200,
});
let failed = true;
try {
  const { stack, url } = portal;
  log(`Lokal stakk på ${url} (SWEEP_MIN_AGE_MINUTES=0, ingen grense per klient, strømmen prøver igjen fra 200 ms)`);

  const baseline = await submit(url, report('Øvelse grunnlinje'), 'Øvelse grunnlinje');
  answers.push(baseline);
  await stack.streamIdle();
  const emailsPerReport = (await sentEmails(stack)).filter((email) => email.subject.includes(baseline.reference ?? '—')).length;
  log(`Grunnlinje: ${baseline.status} ${baseline.reference ?? ''}, ${emailsPerReport} e-poster per melding (team og kvittering)`);

  // 1. SES away during a burst.
  await stack.stopMail();
  const outageStarted = Date.now();
  let t = performance.now();
  const burst = await pool(
    20,
    Array.from({ length: BURST }, (_, index) => () => submit(url, report(`Øvelse e-postbrudd ${index}`), `Øvelse e-postbrudd ${index}`)),
  );
  answers.push(...burst);
  log(`SES stoppet; ${BURST} meldinger på ${((performance.now() - t) / 1000).toFixed(1)} s, 20 samtidig: ${statusCounts(burst)}`);
  await sleep(MAIL_OUTAGE_MS - (Date.now() - outageStarted));
  await stack.restartMail();
  t = performance.now();
  await stack.streamIdle();
  log(
    `SES i gang igjen etter ${(MAIL_OUTAGE_MS / 1000).toFixed(0)} s nede; strømmen tom etter ${((performance.now() - t) / 1000).toFixed(1)} s; ${deadLetters} strømposter gitt opp (dead letter) så langt`,
  );

  // 2. dynalite restarted under steady traffic.
  const traffic = steadyTraffic(url, { connections: 10, durationMs: 8000, tag: 'Øvelse databasestart', keyPrefix: `ovelse-db-${started}`, retries: 70 });
  await sleep(2000);
  t = performance.now();
  await stack.restartDatabase(DATABASE_DOWN_MS);
  log(
    `dynalite lukket og åpnet igjen på samme port og data (nede ${DATABASE_DOWN_MS / 1000} s, i alt ${((performance.now() - t) / 1000).toFixed(1)} s) under jevn trafikk`,
  );
  const steady = await traffic;
  answers.push(...steady);
  const slowest = Math.max(...steady.map((answer) => answer.ms));
  const steadyKeys = keysOf(steady);
  log(
    `Jevn trafikk i 8 s, 10 samtidig, hver melding med egen Idempotency-Key og nye forsøk ved feil: ${steadyKeys.length} meldinger, ${steady.length} forespørsler (${statusCounts(steady)}); tregeste svar ${slowest.toFixed(0)} ms`,
  );
  await stack.streamIdle();

  // 3. Duplicate and concurrent retries with Idempotency-Key.
  const keys = Array.from({ length: KEYS }, (_, index) => `ovelse-${started}-${index}`);
  const keyed = (key: string, index: number) => () => submit(url, report(`Øvelse nøkkel ${index}`), `Øvelse nøkkel ${index}`, key);
  const concurrent = await Promise.all(keys.flatMap((key, index) => Array.from({ length: 5 }, () => keyed(key, index)())));
  const retried: Answer[] = [];
  for (let round = 0; round < 2; round++)
    retried.push(
      ...(await pool(
        10,
        keys.map((key, index) => keyed(key, index)),
      )),
    );
  answers.push(...concurrent, ...retried);
  log(`${KEYS} nøkler × 5 samtidige forsøk: ${statusCounts(concurrent)}; deretter 2 × gjentatt: ${statusCounts(retried)}`);
  const conflict = await submit(url, report('Øvelse nøkkel 0, endret'), 'Øvelse nøkkel 0, endret', keys[0]);
  log(`Samme nøkkel med en annen melding: ${conflict.status}`);

  // 4. Mail that can never be sent: a copy to an address SES refuses, and a stored report nobody can read.
  stack.rejectMailTo([REFUSED_TEAM]);
  const refused = await pool(
    REFUSED_REPORTS,
    Array.from({ length: REFUSED_REPORTS }, (_, index) => () => submit(url, report(`Øvelse avvist kopi ${index}`, P1, radio), `Øvelse avvist kopi ${index}`)),
  );
  answers.push(...refused);
  const [baselineItem] = (await storedReports(stack)).filter((item) => item.reference === baseline.reference);
  if (!baselineItem) throw new Error('Fant ikke grunnlinjemeldingen i tabellen.');
  // Written straight into the table, as a newer version of the portal might write it: this router cannot read it.
  const poison = await writeReport(stack, baselineItem, 990001, { summary: 'Øvelse gift: ukjent versjon', schemaVersion: 99 });
  // The issue's poison text (a lone surrogate), which the API now refuses: sent as U+FFFD, it is no poison any more.
  const surrogate = await writeReport(stack, baselineItem, 990002, { summary: 'Øvelse ødelagt tekst: Ingen lyd \ud800' });
  await stack.streamIdle();
  const afterFaults = await storedReports(stack);
  const statusOf = (reference: string | undefined) => afterFaults.find((item) => item.reference === reference)?.routing?.status ?? 'mangler';
  log(
    `SES avviser ${REFUSED_TEAM}: ${REFUSED_REPORTS} P1-meldinger med kopi dit (${statusCounts(refused)}) er ${refused.map((answer) => statusOf(answer.reference)).join(', ')} (Servicedesk har dem); ` +
      `uleselig melding ${poison}: ${statusOf(poison)}; ensom surrogat ${surrogate}: ${statusOf(surrogate)}; RoutingFailed talt ${metricValues('RoutingFailed').length} ganger`,
  );
  // The refused copies are left out; the reports are routed with the desk's e-mail and the receipt, like any other.
  const expectedFailed = new Map<string, number>([[poison, 0]]);

  // Afterwards: what the stream did not route, the sweeper must; it runs at least once, for the age of the oldest.
  await stack.streamIdle();
  let stored = await storedReports(stack);
  const pending = stored.filter((item) => item.routing?.status === 'pending').length;
  log(`Etter strømmen: ${stored.length} lagret, ${pending} venter (${stored.filter((item) => item.routing?.status === 'failed').length} merket feilet)`);
  log(`Kjører sweepUnrouted (SWEEP_MIN_AGE_MINUTES=0, så også ferske meldinger tas) til ingenting gjenstår …`);
  for (let run = 0; run < 10; run++) {
    const outcome = (await stack.runScheduled('sweepUnrouted').catch((error: { outcome?: unknown }) => error.outcome)) as SweepOutcome | undefined;
    if (!outcome) throw new Error('sweepUnrouted feilet uten resultat.');
    log(
      `  sweepUnrouted: fant ${outcome.found}, rutet ${outcome.routed.length} (${outcome.routed.join(', ') || '–'}), merket feilet ${outcome.failed.length}, ` +
        `prøves igjen ${outcome.retry.length}, hoppet over ${outcome.skipped.length}; eldste ventende ${outcome.oldestUnroutedAgeSeconds} s`,
    );
    if (outcome.found === 0) break;
  }
  await stack.streamIdle();

  // 5. The desk's case system registers the baseline report, and its webhook call is retried: twice in a row, then
  // three at once. The event id makes it one move.
  const event = JSON.stringify({ id: `drill-${randomBytes(6).toString('hex')}`, state: 'registered', message: 'Registrert i saksbehandlingssystemet.' });
  const callWebhook = () =>
    fetch(`${url}/api/reports/${baseline.reference}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(WEBHOOK_SIGNING_KEY, event, new Date()) },
      body: event,
    }).then(async (response) => ({ status: response.status, outcome: String(((await response.json()) as { status?: unknown }).status) }));
  const webhookAnswers = [await callWebhook(), await callWebhook(), ...(await Promise.all([callWebhook(), callWebhook(), callWebhook()]))];
  await stack.streamIdle();
  stored = await storedReports(stack);
  const baselineLife = stored.find((item) => item.reference === baseline.reference)?.life as { state: string; events: { id: string }[] } | undefined;
  const eventId = (JSON.parse(event) as { id: string }).id;
  const timesApplied = baselineLife?.events.filter((lifeEvent) => lifeEvent.id === eventId).length ?? 0;
  log(
    `Webhook fra saksbehandlingssystemet, samme hendelse 5 ganger: ${webhookAnswers.map((answer) => `${answer.status} ${answer.outcome}`).join(', ')}; tilstand ${baselineLife?.state ?? '–'}`,
  );

  const emails = await sentEmails(stack);
  const oldestAges = metricValues('OldestUnroutedAgeSeconds').map((document) => Number(document.OldestUnroutedAgeSeconds));
  const checks = checkInvariants({
    answers,
    stored,
    emails,
    emailsPerReport,
    idempotencyKeys: [...steadyKeys, ...keys],
    conflictStatus: conflict.status,
    neverSendable: expectedFailed,
    routingFailedMetrics: metricValues('RoutingFailed').map((document) => String(document.reference)),
    oldestUnroutedAfterSweep: oldestAges.at(-1),
  });
  checks.push({
    name: 'Samme webhook-hendelse 5 ganger flytter saken én gang',
    ok: timesApplied === 1 && baselineLife?.state === 'registered' && webhookAnswers.every((answer) => answer.status === 200),
    detail: `hendelsen lagret ${timesApplied} gang(er); svar ${webhookAnswers.map((answer) => answer.outcome).join(', ')}; tilstand ${baselineLife?.state ?? '–'}`,
  });
  console.log('\n| Invariant | OK | Tall |\n| --- | --- | --- |');
  for (const check of checks) console.log(`| ${check.name} | ${check.ok ? 'ja' : 'NEI'} | ${check.detail} |`);
  const alerts = emails.filter((email) => email.subject.startsWith(MAJOR_INCIDENT_SUBJECT)).length;
  const notices = emails.filter((email) => email.subject.startsWith(ROUTING_FAILED_SUBJECT)).length;
  console.log(
    `\nForespørsler i alt: ${answers.length + 1} (${statusCounts([...answers, conflict])}). Lagret: ${stored.length}. E-poster: ${emails.length}, av dem ${alerts} varsel om mulig storhendelse og ${notices} varsel til Servicedesk om meldinger som ikke kom fram. ` +
      `Strømposter gitt opp (dead letter, rutet av sweeperen): ${deadLetters}. Metrikklinjer (EMF): ${metricValues('RoutingFailed').length} RoutingFailed, ${oldestAges.length} OldestUnroutedAgeSeconds (${oldestAges.join(', ')}), ` +
      `${metricValues('ReceiptCapped').length} ReceiptCapped, ${metricValues('UrgentCopyCapped').length} UrgentCopyCapped. Undertrykte feillogglinjer under feilene: ${suppressedErrors}. Tid: ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  );
  failed = checks.some((check) => !check.ok);
  console.log(
    failed
      ? '\nØVELSEN FEILET: minst én invariant holdt ikke.'
      : '\nØvelsen holdt: hver godtatte melding er lagret og rutet nøyaktig én gang, unntatt de som aldri kan sendes: de er merket feilet, og Servicedesk er varslet én gang om hver.',
  );
} finally {
  await portal.stop();
}
process.exit(failed ? 1 : 0);

/** A copy of `template` written straight into the table with a reference of its own and `changes`, as received now. */
function writeReport(stack: typeof portal.stack, template: Record<string, unknown>, serial: number, changes: Record<string, unknown>): Promise<string> {
  const reference = String(template.reference).replace(/\d+$/, String(serial).padStart(6, '0'));
  return writeReportCopy(stack, template, { reference, receivedAt: new Date().toISOString(), changes });
}
