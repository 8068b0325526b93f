import { SCREEN_LIMITS } from './journeys.ts';
import { median, type NoticePublishFigures } from './notice-publish.ts';
import type { BenchResults } from './results.ts';

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The issue's targets, checked against one run's figures. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const article = results.pages.find((page) => page.type === 'artikkel');
  if (article) checks.push({ target: 'Artikkelsider: 0 kB JS', measured: kb(article.js), met: article.js === 0 });
  if (results.pages.length > 0) {
    const heaviestFont = Math.max(0, ...results.pages.map((page) => page.font));
    checks.push({
      target: 'Skriften ved første visning ≤ 30 kB gz (forhåndslastet, hver sidetype)',
      measured: kb(heaviestFont),
      met: heaviestFont > 0 && heaviestFont <= 30 * 1024,
    });
  }
  const wizard = results.pages.find((page) => page.type === 'skjema (steg)');
  if (wizard) checks.push({ target: 'Skjemaet: JS ≤ 20 kB gz', measured: kb(wizard.js), met: wizard.js <= 20 * 1024 });
  for (const page of results.lighthouse) {
    const scores = [page.performance, page.accessibility, page.bestPractices, page.seo];
    checks.push({ target: `Lighthouse 100 × 4: ${page.path}`, measured: scores.join(' / '), met: scores.every((score) => score === 100) });
  }
  for (const journey of results.journeys) {
    const limit = SCREEN_LIMITS[journey.visit];
    checks.push({
      target: `Melding, ${journey.service}, ${journey.visit}: ≤ ${limit} skjermer`,
      measured: `${journey.screens.length} skjermer, ${journey.keystrokes} tastetrykk`,
      met: journey.screens.length <= limit,
    });
  }
  checks.push(...buildTargets(results));
  checks.push(...apiLatencyChecks(results.api));
  for (const bundle of results.bundles) {
    checks.push({ target: `Lambda-pakke ≤ 300 kB: ${bundle.handler}`, measured: kb(bundle.bytes), met: bundle.bytes <= 300 * 1024 });
    checks.push({
      target: `Lambda modul-init ≤ ${LAMBDA_INIT_MS} ms (median av 5, lokalt): ${bundle.handler}`,
      measured: `${bundle.initMs.toFixed(0)} ms (CPU ${bundle.initCpuMs?.toFixed(0) ?? '–'} ms)`,
      met: bundle.initMs <= LAMBDA_INIT_MS,
    });
  }
  if (results.notices) checks.push(...noticeChecks(results.notices));
  return checks;
}

/** Issue 17: a cold start pays module init before the first event; measured locally, so Lambda's arm64 has less headroom. */
export const LAMBDA_INIT_MS = 80;
/** Issue 17: what a reader downloads for the first search, at the largest size the issue names. */
export const FIRST_SEARCH_ARTICLES = 10000;
export const FIRST_SEARCH_GZIP_KB = 150;

/**
 * The build targets: ≤ 1.2 × bare Astro; our whole build, search included, faster than Starlight's (judged on
 * wall clock, CPU time shown beside it); and the first search at 10,000 articles (judged only when that size was
 * built: `--quick` builds 1,000).
 */
export function buildTargets(results: Pick<BenchResults, 'builds' | 'search'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const build of results.builds) {
    checks.push({
      target: `Bygging ≤ 1,2 × bar Astro (${build.articles} artikler)`,
      measured: `${build.timeRatio.toFixed(2)} × (CPU ${build.cpuRatio.toFixed(2)} ×)`,
      met: build.timeRatio <= 1.2,
    });
  }
  for (const build of results.builds) {
    if (build.starlightSeconds === undefined) continue;
    checks.push({
      target: `Hele byggingen med søk raskere enn Starlight med søk (${build.articles} artikler)`,
      measured: `${build.oursSeconds.toFixed(1)} s mot ${build.starlightSeconds.toFixed(1)} s (${(build.starlightRatio ?? 0).toFixed(2)} ×, CPU ${(build.starlightCpuRatio ?? 0).toFixed(2)} ×)`,
      met: build.oursSeconds < build.starlightSeconds,
    });
  }
  for (const search of results.search) {
    if ((search.site ?? 'ours') !== 'ours' || search.articles !== FIRST_SEARCH_ARTICLES) continue;
    checks.push({
      target: `Første søk ≤ ${FIRST_SEARCH_GZIP_KB} kB gz (${FIRST_SEARCH_ARTICLES} artikler)`,
      measured: `${kb(search.gzipBytes)} i ${search.requests} forespørsler`,
      met: search.gzipBytes <= FIRST_SEARCH_GZIP_KB * 1024,
    });
  }
  return checks;
}

/** The desk's promise is «out in minutes»; locally the chain must leave most of the first minute to what only AWS adds. */
export const NOTICE_MAIL_TARGET_SECONDS = 60;
/** What the desk waits for at the keyboard: `npm run publish:notices`, Node's start and module loading included. */
export const NOTICE_PUBLISH_TARGET_SECONDS = 5;

/**
 * «Out in minutes» for a driftsmelding. The e-mail target is judged on the slowest local publication (either way of
 * waiting), since the desk cares about the one that was late. Publishing is judged in seconds, not as a share of a
 * build: this site builds in seconds, so a share mostly measures Node's start and imports (a fixed ~0.7 s), and it
 * would improve by itself as articles are added. Both shares are shown, in the table and here.
 */
function noticeChecks(n: NoticePublishFigures): TargetCheck[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const mail = n.local.rounds.map((round) => round.mailMs);
  const watched = n.local.rounds.filter((round) => round.mode === 'watch').map((round) => round.mailMs);
  const slowest = Math.max(0, ...mail);
  const share = (ms: number) => (n.siteBuild.seconds > 0 ? `${((ms / 1000 / n.siteBuild.seconds) * 100).toFixed(1)} %` : '–');
  return [
    {
      target: `Driftsmelding ute (lokalt, publisering → e-post levert) ≤ ${NOTICE_MAIL_TARGET_SECONDS} s`,
      measured: `tregeste ${s(slowest)} av ${mail.length}; median ${s(median(watched))} med overvåkning hvert ${n.local.watchIntervalMs / 1000} s`,
      met: mail.length > 0 && slowest <= NOTICE_MAIL_TARGET_SECONDS * 1000,
    },
    {
      target: `Publisering uten bygging (npm run publish:notices, egen prosess) ≤ ${NOTICE_PUBLISH_TARGET_SECONDS} s`,
      measured: `median ${s(n.cliMedianMs)}, tregeste ${s(Math.max(0, ...n.cliMs))}; av full bygging (${n.siteBuild.seconds.toFixed(1)} s): ${share(n.cliMedianMs)}, publishNotices alene ${share(n.publishMedianMs)}`,
      met: n.cliMs.length > 0 && Math.max(...n.cliMs) <= NOTICE_PUBLISH_TARGET_SECONDS * 1000,
    },
  ];
}

type ApiRun = BenchResults['api'][number];
const API_P99_MS = 50;
const latency = (api: ApiRun) => `${api.p99.toFixed(1)} ms ved ${api.throughput.toFixed(0)} svar/s`;

/**
 * «p99 ≤ 50 ms at the measured throughput» is judged where latency means something: one connection (no queue)
 * and an open loop at a fixed rate below saturation, which must also have been kept up without errors. A closed
 * loop with many connections measures saturation (latency = connections ÷ throughput): shown, not judged.
 */
function apiLatencyChecks(api: readonly ApiRun[]): TargetCheck[] {
  const saturation = api.filter((run) => run.offeredRate === undefined && run.connections > 1);
  const saturationNote = saturation
    .map((run) => `metning med ${run.connections} forb. (til info): ${run.throughput.toFixed(0)} svar/s, p99 ${run.p99.toFixed(1)} ms`)
    .join('; ');
  const checks: TargetCheck[] = api
    .filter((run) => run.offeredRate === undefined && run.connections === 1)
    .map((run) => ({ target: `Lokalt API: p99 ≤ ${API_P99_MS} ms (1 forb., uten kø)`, measured: latency(run), met: run.p99 <= API_P99_MS }));
  const openLoop = api.filter((run) => run.offeredRate !== undefined);
  for (const run of openLoop) {
    const keptUp = run.errors === 0 && run.throughput >= 0.95 * (run.offeredRate ?? 0);
    checks.push({
      target: `Lokalt API: p99 ≤ ${API_P99_MS} ms ved ${run.offeredRate} forespørsler/s (${run.connections} forb., åpen sløyfe)`,
      measured: [`${latency(run)}${keptUp ? '' : `, holdt ikke raten (${run.errors} feil)`}`, saturationNote].filter(Boolean).join('; '),
      met: keptUp && run.p99 <= API_P99_MS,
    });
  }
  if (openLoop.length === 0 && saturation.length > 0) {
    checks.push({ target: `Lokalt API: p99 ≤ ${API_P99_MS} ms ved fast rate under metning`, measured: `ikke målt; ${saturationNote}`, met: false });
  }
  return checks;
}
