import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../infra/repository.ts';
import { API_LOAD_RUNS, loadApi, WARMUP_SECONDS } from './api-load.ts';
import { bundleContents } from './bundle-contents.ts';
import { benchmarkBuilds, compareBuilds } from './builds.ts';
import { measureJourneys } from './journeys.ts';
import { measureLambdaBundles } from './lambda-bundles.ts';
import { auditPages } from './lighthouse-audit.ts';
import { startBenchPortal, storedReports } from './local-portal.ts';
import { measureNoticePublishing } from './notice-publish.ts';
import { PAGE_TYPES, weighPageTypes } from './page-weight.ts';
import { formatResults } from './report.ts';
import type { BenchResults } from './results.ts';
import { SEARCH_QUERY } from './search-bytes.ts';

/**
 * `npm run bench` (after `npm run build`): every figure of issues 7 and 12 in one run, printed as tables and written to
 * bench/results/<date>.json. Options: `--quick` builds 1,000 articles only; `--skip-builds` leaves builds and search out;
 * `--only-notices` (`node bench/run.ts --only-notices`, on the site/dist there is) measures driftsmeldinger published
 * without a build and nothing else, written to bench/results/<date>-notices.json.
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
const args = new Set(process.argv.slice(2));
const sizes = args.has('--quick') ? [1000] : [1000, 10000];
const onlyNotices = args.has('--only-notices');
const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const git = (...command: string[]) => execFileSync('git', command, { cwd: REPOSITORY_ROOT, encoding: 'utf8' }).trim();
const dist = join(REPOSITORY_ROOT, 'site', 'dist');

const results: BenchResults = {
  startedAt: new Date(started).toISOString(),
  seconds: 0,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'ukjent',
    memoryGigabytes: Math.round(totalmem() / 1024 ** 3),
    node: process.versions.node,
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: git('status', '--porcelain') !== '',
    loadAverageAtStart: loadavg()[0] ?? 0,
    loadAverageAtEnd: 0,
  },
  pages: [],
  lighthouse: [],
  journeys: [],
  api: [],
  bundles: [],
  buildRows: [],
  builds: [],
  search: [],
};

if (!onlyNotices) {
  log('Bytes per sidetype i site/dist …');
  results.pages = weighPageTypes(dist);

  log('Lambda-pakker: cdk synth med bunting, så modul-init i ferske Node-prosesser …');
  const bundles = measureLambdaBundles();
  results.bundles = await Promise.all(bundles.map(async (bundle) => ({ ...bundle, largestSources: await bundleContents(bundle.handler) })));

  log('Lokal portal: Lighthouse …');
  const sitePortal = await startBenchPortal();
  try {
    const lighthousePaths = PAGE_TYPES.filter((page) => ['forside', 'artikkel', 'skjema (steg)'].includes(page.type)).map((page) => page.path);
    results.lighthouse = await auditPages(sitePortal.url, lighthousePaths, log);
    log('Lokal portal: meldingen med tastaturet alene, 375 px …');
    results.journeys = await measureJourneys(sitePortal.url);
  } finally {
    await sitePortal.stop();
  }

  for (const run of API_LOAD_RUNS) {
    const portal = await startBenchPortal();
    try {
      log(
        `${run.offeredRate ? `Åpen sløyfe, ${run.offeredRate} forespørsler/s` : 'Lukket sløyfe'}: ${run.connections} forbindelse(r) i ${run.durationSeconds} s mot POST /api/reports på en tom tabell …`,
      );
      const warmup = await loadApi(portal.url, { ...run, durationSeconds: WARMUP_SECONDS });
      const load = await loadApi(portal.url, run);
      log('Venter til strømmen har rutet alt …');
      await portal.stack.streamIdle();
      const stored = await storedReports(portal.stack);
      results.api.push({
        ...load,
        warmupCreated: warmup.created,
        storedReports: stored.length,
        pendingAfterIdle: stored.filter((item) => item.routing?.status !== 'routed').length,
      });
    } finally {
      await portal.stop();
    }
  }
}

if (!onlyNotices && !args.has('--skip-builds')) {
  const builds = await benchmarkBuilds(sizes, { log, searchQuery: SEARCH_QUERY });
  results.buildRows = builds.rows;
  results.search = builds.search;
  results.markdown = builds.markdown;
  results.builds = compareBuilds(results.buildRows);
}

// Driftsmeldinger without a build, against one build of the site itself (builds.ts builds generated articles only).
results.notices = await measureNoticePublishing({ siteDir: dist, contentDir: join(REPOSITORY_ROOT, 'content'), log });

results.seconds = (Date.now() - started) / 1000;
results.machine.loadAverageAtEnd = loadavg()[0] ?? 0;
const resultsDir = join(REPOSITORY_ROOT, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `${results.startedAt.slice(0, 10)}${onlyNotices ? '-notices' : ''}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log(`Skrev ${file}`);
console.log(`\n${formatResults(results)}\n`);
