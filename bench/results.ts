import type { ApiLoadFigures } from './api-load.ts';
import type { BuildComparison, BuildRow } from './builds.ts';
import type { BundleFigure } from './lambda-bundles.ts';
import type { LighthouseFigures } from './lighthouse-audit.ts';
import type { PageWeight } from './page-weight.ts';
import type { SearchFigures } from './search-bytes.ts';

/** Everything one `npm run bench` measured; written to bench/results/<date>.json. */
export interface BenchResults {
  startedAt: string;
  seconds: number;
  machine: { cpus: number; cpuModel: string; memoryGigabytes: number; node: string; commit: string; dirty: boolean; loadAverageAtStart: number; loadAverageAtEnd: number };
  pages: PageWeight[];
  lighthouse: LighthouseFigures[];
  /** One run per concurrency level, each on a fresh table: 1 connection (latency alone) and 10 (under load). */
  api: (ApiLoadFigures & { storedReports: number; pendingAfterIdle: number })[];
  bundles: (BundleFigure & { largestSources: { source: string; bytes: number }[] })[];
  buildRows: BuildRow[];
  builds: BuildComparison[];
  search: (SearchFigures & { articles: number })[];
}
