import { MAJOR_INCIDENT_SUBJECT } from '../functions/core/major-incident-email.ts';
import { checkInvariants } from './drill-checks.ts';
import { keysOf, pool, report, statusCounts, steadyTraffic, submit, type Answer } from './drill-traffic.ts';
import { sentEmails, startBenchPortal, storedReports } from './local-portal.ts';

/**
 * `npm run drill`: faults on the local stack, end to end, with figures. SES is stopped during a burst and started
 * again; dynalite is restarted under steady traffic; the same report is retried with one Idempotency-Key, at once
 * and afterwards. Then every accepted report must be stored and routed exactly once. Exits 1 if not.
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

const BURST = 100;
/** Longer than the stream's retry budget (200 ms doubling, 5 retries: 6.2 s), so some records are given up on. */
const MAIL_OUTAGE_MS = 9000;
/** Longer than the AWS SDK's own retries ride out, so some clients get an error and must retry with their key. */
const DATABASE_DOWN_MS = 3000;
const KEYS = 20;
const answers: Answer[] = [];
const portal = await startBenchPortal({ environment: { SWEEP_MIN_AGE_MINUTES: '0' }, streamRetryDelayMs: 200 });
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
  const burst = await pool(20, Array.from({ length: BURST }, (_, index) => () => submit(url, report(`Øvelse e-postbrudd ${index}`), `Øvelse e-postbrudd ${index}`)));
  answers.push(...burst);
  log(`SES stoppet; ${BURST} meldinger på ${((performance.now() - t) / 1000).toFixed(1)} s, 20 samtidig: ${statusCounts(burst)}`);
  await sleep(MAIL_OUTAGE_MS - (Date.now() - outageStarted));
  await stack.restartMail();
  t = performance.now();
  await stack.streamIdle();
  log(`SES i gang igjen etter ${(MAIL_OUTAGE_MS / 1000).toFixed(0)} s nede; strømmen tom etter ${((performance.now() - t) / 1000).toFixed(1)} s; ${deadLetters} strømposter gitt opp (dead letter) så langt`);

  // 2. dynalite restarted under steady traffic.
  const traffic = steadyTraffic(url, { connections: 10, durationMs: 8000, tag: 'Øvelse databasestart', keyPrefix: `ovelse-db-${started}`, retries: 70 });
  await sleep(2000);
  t = performance.now();
  await stack.restartDatabase(DATABASE_DOWN_MS);
  log(`dynalite lukket og åpnet igjen på samme port og data (nede ${DATABASE_DOWN_MS / 1000} s, i alt ${((performance.now() - t) / 1000).toFixed(1)} s) under jevn trafikk`);
  const steady = await traffic;
  answers.push(...steady);
  const slowest = Math.max(...steady.map((answer) => answer.ms));
  const steadyKeys = keysOf(steady);
  log(`Jevn trafikk i 8 s, 10 samtidig, hver melding med egen Idempotency-Key og nye forsøk ved feil: ${steadyKeys.length} meldinger, ${steady.length} forespørsler (${statusCounts(steady)}); tregeste svar ${slowest.toFixed(0)} ms`);
  await stack.streamIdle();

  // 3. Duplicate and concurrent retries with Idempotency-Key.
  const keys = Array.from({ length: KEYS }, (_, index) => `ovelse-${started}-${index}`);
  const keyed = (key: string, index: number) => () => submit(url, report(`Øvelse nøkkel ${index}`), `Øvelse nøkkel ${index}`, key);
  const concurrent = await Promise.all(keys.flatMap((key, index) => Array.from({ length: 5 }, () => keyed(key, index)())));
  const retried: Answer[] = [];
  for (let round = 0; round < 2; round++) retried.push(...(await pool(10, keys.map((key, index) => keyed(key, index)))));
  answers.push(...concurrent, ...retried);
  log(`${KEYS} nøkler × 5 samtidige forsøk: ${statusCounts(concurrent)}; deretter 2 × gjentatt: ${statusCounts(retried)}`);
  const conflict = await submit(url, report('Øvelse nøkkel 0, endret'), 'Øvelse nøkkel 0, endret', keys[0]);
  log(`Samme nøkkel med en annen melding: ${conflict.status}`);

  // Afterwards: what the stream did not route, the sweeper must.
  await stack.streamIdle();
  let stored = await storedReports(stack);
  const pending = stored.filter((item) => item.routing?.status !== 'routed').length;
  log(`Etter strømmen: ${stored.length} lagret, ${pending} ikke rutet`);
  if (pending > 0) {
    log(`Kjører sweepUnrouted (SWEEP_MIN_AGE_MINUTES=0, så også ferske meldinger tas) til ingenting gjenstår …`);
    for (let run = 0; run < 10; run++) {
      const outcome = (await stack.runScheduled('sweepUnrouted')) as { found: number; routed: string[]; failed: string[] };
      log(`  sweepUnrouted: fant ${outcome.found}, rutet ${outcome.routed.length} (${outcome.routed.join(', ') || '–'}), feilet ${outcome.failed.length}`);
      if (outcome.found === 0) break;
    }
    await stack.streamIdle();
    stored = await storedReports(stack);
  }

  const emails = await sentEmails(stack);
  const checks = checkInvariants({ answers, stored, emails, emailsPerReport, idempotencyKeys: [...steadyKeys, ...keys], conflictStatus: conflict.status });
  console.log('\n| Invariant | OK | Tall |\n| --- | --- | --- |');
  for (const check of checks) console.log(`| ${check.name} | ${check.ok ? 'ja' : 'NEI'} | ${check.detail} |`);
  const alerts = emails.filter((email) => email.subject.startsWith(MAJOR_INCIDENT_SUBJECT)).length;
  console.log(`\nForespørsler i alt: ${answers.length + 1} (${statusCounts([...answers, conflict])}). Lagret: ${stored.length}. E-poster: ${emails.length}, av dem ${alerts} varsel om mulig storhendelse. Strømposter gitt opp (dead letter, rutet av sweeperen): ${deadLetters}. Undertrykte feillogglinjer under feilene: ${suppressedErrors}. Tid: ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  failed = checks.some((check) => !check.ok);
  console.log(failed ? '\nØVELSEN FEILET: minst én invariant holdt ikke.' : '\nØvelsen holdt: hver godtatte melding er lagret og rutet nøyaktig én gang.');
} finally {
  await portal.stop();
}
process.exit(failed ? 1 : 0);
