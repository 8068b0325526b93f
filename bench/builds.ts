import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../infra/repository.ts';
import { writeBareAstroProject } from './bare-astro.ts';
import { measure, type Measurement } from './measure.ts';
import { writeSyntheticContent } from './synthetic-content.ts';

export interface BuildRow {
  articles: number;
  build: 'ours' | 'pagefind' | 'bare';
  label: string;
  pages: number;
  result: Measurement;
}

export interface BuildComparison {
  articles: number;
  /** astro build and Pagefind, one after the other, as `npm run build` does. */
  oursSeconds: number;
  oursPeakMegabytes: number;
  bareSeconds: number;
  barePeakMegabytes: number;
  /** ours ÷ bare; the target is ≤ 1.2. */
  timeRatio: number;
  /** ours ÷ bare in CPU time (user + system), a check on timeRatio when the machine is busy. */
  cpuRatio: number;
  memoryRatio: number;
}

const htmlFiles = (dir: string) => readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.html')).length;

/**
 * Builds `count` generated articles with our site (content check, schemas, Markdown plugins, every page type,
 * Pagefind) and with a bare Astro project, in the same run. `onOursBuilt` sees our built site before it is removed.
 */
export async function benchmarkBuilds(sizes: readonly number[], options: { log(message: string): void; onOursBuilt?(count: number, siteDir: string): Promise<void> }): Promise<BuildRow[]> {
  const bin = join(REPOSITORY_ROOT, 'node_modules', '.bin');
  const work = mkdtempSync(join(tmpdir(), 'serviceportal-bench-'));
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PATH: `${bin}:${process.env.PATH ?? ''}` };
  const rows: BuildRow[] = [];
  try {
    for (const count of sizes) {
      const content = join(work, `content-${count}`);
      writeSyntheticContent(join(REPOSITORY_ROOT, 'content'), content, count);

      const ours = join(work, `ours-${count}`);
      const oursEnv = { ...env, SERVICEPORTAL_CONTENT_DIR: content, SERVICEPORTAL_CACHE_DIR: join(work, `cache-ours-${count}`) };
      options.log(`${count} artikler: vår bygging …`);
      const oursResult = measure(`astro build --root site --outDir ${ours} --silent`, { cwd: REPOSITORY_ROOT, env: oursEnv });
      rows.push({ articles: count, build: 'ours', label: 'Serviceportal: astro build', result: oursResult, pages: htmlFiles(ours) });
      const searchResult = measure(`pagefind --site ${ours} --silent`, { cwd: REPOSITORY_ROOT, env: oursEnv });
      rows.push({ articles: count, build: 'pagefind', label: 'Serviceportal: pagefind (etterpå)', result: searchResult, pages: htmlFiles(ours) });
      await options.onOursBuilt?.(count, ours);
      rmSync(ours, { recursive: true, force: true });

      const bare = join(work, `bare-${count}`);
      writeBareAstroProject(bare, join(content, 'articles'), join(REPOSITORY_ROOT, 'node_modules'));
      options.log(`${count} artikler: bar Astro …`);
      const bareResult = measure('astro build --silent', { cwd: bare, env });
      rows.push({ articles: count, build: 'bare', label: 'Bar Astro (samme artikler)', result: bareResult, pages: htmlFiles(join(bare, 'dist')) });
      rmSync(bare, { recursive: true, force: true });
      rmSync(content, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

/** Ours (astro build + Pagefind, sequential, so the peak is the larger of the two) against bare Astro. */
export function compareBuilds(rows: readonly BuildRow[]): BuildComparison[] {
  const sizes = [...new Set(rows.map((row) => row.articles))];
  return sizes.map((articles) => {
    const of = (build: BuildRow['build']): Measurement => rows.find((row) => row.articles === articles && row.build === build)?.result ?? { seconds: 0, peakMegabytes: 0 };
    const ours = of('ours');
    const search = of('pagefind');
    const bare = of('bare');
    const oursSeconds = ours.seconds + search.seconds;
    const oursPeakMegabytes = Math.max(ours.peakMegabytes, search.peakMegabytes);
    return {
      articles,
      oursSeconds,
      oursPeakMegabytes,
      bareSeconds: bare.seconds,
      barePeakMegabytes: bare.peakMegabytes,
      timeRatio: bare.seconds > 0 ? oursSeconds / bare.seconds : 0,
      cpuRatio: bare.cpuSeconds ? ((ours.cpuSeconds ?? 0) + (search.cpuSeconds ?? 0)) / bare.cpuSeconds : 0,
      memoryRatio: bare.peakMegabytes > 0 ? oursPeakMegabytes / bare.peakMegabytes : 0,
    };
  });
}
