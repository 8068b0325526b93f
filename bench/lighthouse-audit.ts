import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { fullChromiumPath } from '../test/support/chromium.ts';

export interface LighthouseFigures {
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Largest Contentful Paint and Total Blocking Time in ms (simulated mobile throttling), Cumulative Layout Shift. */
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** The performance score of every run; the figures above are the median run's. */
  performanceRuns: number[];
}

/** Lighthouse's advice on its own variability: several runs, and the median one (by FCP and TTI) reported. */
const RUNS_PER_PAGE = 3;

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * Lighthouse's default mobile profile (Moto G Power, simulated slow 4G and 4× CPU slowdown) against pages served
 * by the local portal, in Debian's Chromium: headless, no sandbox, no background networking.
 */
export async function auditPages(baseUrl: string, paths: readonly string[], onProgress: (message: string) => void): Promise<LighthouseFigures[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: fullChromiumPath(),
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    logLevel: 'silent',
  });
  try {
    const figures: LighthouseFigures[] = [];
    for (const path of paths) {
      onProgress(`Lighthouse ${path} (${RUNS_PER_PAGE} kjøringer) …`);
      const runs = [];
      for (let run = 0; run < RUNS_PER_PAGE; run++) {
        const result = await lighthouse(`${baseUrl}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
        if (!result) throw new Error(`Lighthouse ga ikke noe resultat for ${path}`);
        runs.push(result.lhr);
      }
      const { categories, audits } = computeMedianRun(runs);
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      figures.push({
        path,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
        tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
        cls: Number((audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
        performanceRuns: runs.map((run) => Math.round((run.categories.performance?.score ?? 0) * 100)),
      });
    }
    return figures;
  } finally {
    chrome.kill();
  }
}
