import type { ApiLoadFigures } from './api-load.ts';
import type { BuildComparison, BuildRow, MarkdownComparison, SearchSite } from './builds.ts';
import type { JourneyFigures } from './journeys.ts';
import type { BundleFigure } from './lambda-bundles.ts';
import type { LighthouseFigures } from './lighthouse-audit.ts';
import type { NoticePublishFigures } from './notice-publish.ts';
import type { PageWeight } from './page-weight.ts';
import type { SearchFigures } from './search-bytes.ts';

/** Everything one `npm run bench` measured; written to bench/results/<date>.json. */
export interface BenchResults {
  startedAt: string;
  seconds: number;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGigabytes: number;
    node: string;
    commit: string;
    dirty: boolean;
    loadAverageAtStart: number;
    loadAverageAtEnd: number;
  };
  pages: PageWeight[];
  lighthouse: LighthouseFigures[];
  /** The report journey by keyboard: screens, keystrokes and questions per journey. */
  journeys: JourneyFigures[];
  /** One run per load in API_LOAD_RUNS, each on a fresh table after an unmeasured warm-up that created `warmupCreated`. */
  api: (ApiLoadFigures & { warmupCreated: number; storedReports: number; pendingAfterIdle: number })[];
  bundles: (BundleFigure & { largestSources: { source: string; bytes: number }[] })[];
  buildRows: BuildRow[];
  builds: BuildComparison[];
  /** `site` is absent in files from before Starlight was measured: those are ours. */
  search: (SearchFigures & { articles: number; site?: SearchSite })[];
  /** Sätteri against remark/rehype (bench/builds.ts); absent in older files. */
  markdown?: MarkdownComparison[];
  /** Driftsmeldinger published without a build, against a full build, and on the local stack (bench/notice-publish.ts); absent in older files. */
  notices?: NoticePublishFigures;
}
