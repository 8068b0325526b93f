import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPOSITORY_ROOT } from '../infra/repository.ts';
import { writeBareAstroProject } from './bare-astro.ts';
import { compareMarkdownProcessors, type MarkdownProcessorFigures } from './markdown-processors.ts';
import { measure, type Measurement } from './measure.ts';
import { measureSearch, PORTAL_SEARCH, SEARCH_QUERY, type SearchFigures } from './search-bytes.ts';
import { STARLIGHT_SEARCH, writeStarlightProject } from './starlight.ts';
import { writeSyntheticContent } from './synthetic-content.ts';

export type BuildKind = 'ours' | 'pagefind' | 'ours-remark' | 'bare' | 'starlight';

export interface BuildRow {
  articles: number;
  build: BuildKind;
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
  /** Starlight's astro build, which runs Pagefind itself when the pages are written: its whole build, search included. */
  starlightSeconds?: number;
  starlightPeakMegabytes?: number;
  /** ours ÷ Starlight, wall clock and CPU; the target is < 1 (ours faster). */
  starlightRatio?: number;
  starlightCpuRatio?: number;
  /** Our astro build (no Pagefind) with remark/rehype in place of Sätteri, and that ÷ the Sätteri build. */
  remarkSeconds?: number;
  remarkRatio?: number;
  remarkCpuRatio?: number;
}

/** Sätteri against remark/rehype at one size: the builds' article pages compared, and Markdown alone in-process. */
export interface MarkdownComparison extends MarkdownProcessorFigures {
  /** The size of the build the sample was taken from (the in-process comparison renders at most MARKDOWN_SAMPLE). */
  buildArticles: number;
  /** Article pages of the two builds that are the same HTML apart from line breaks, of how many. */
  samePages: number;
  comparedPages: number;
}

export type SearchSite = 'ours' | 'starlight';

export interface BuildBenchmark {
  rows: BuildRow[];
  search: (SearchFigures & { articles: number; site: SearchSite })[];
  markdown: MarkdownComparison[];
}

/** Enough articles for a steady per-article figure without adding minutes at 10,000. */
export const MARKDOWN_SAMPLE = 1000;

const htmlFiles = (dir: string) => readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.html')).length;

/** Article pages (artikler/<id>/index.html) that are the same in both builds once line breaks are left out. */
function compareArticlePages(dirA: string, dirB: string): { samePages: number; comparedPages: number } {
  const ids = readdirSync(join(dirA, 'artikler'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const page = (dir: string, id: string) => readFileSync(join(dir, 'artikler', id, 'index.html'), 'utf8').replaceAll('\n', '');
  const samePages = ids.filter((entry) => page(dirA, entry.name) === page(dirB, entry.name)).length;
  return { samePages, comparedPages: ids.length };
}

/**
 * Builds `count` generated articles five ways in one run: our site (content check, schemas, Markdown plugins, every
 * page type, then Pagefind), our site again with remark/rehype instead of Sätteri, a bare Astro project and a
 * Starlight site, and measures the first search on ours and on Starlight. Everything is built in a folder of its
 * own under .data/ (git-ignored) and removed afterwards: Astro writes a build's prerender chunks into the build
 * folder only when that lies under the working directory (else into ./.astro, shared with any other build running
 * there), and those chunks and Starlight's components must find the repository's node_modules by walking up.
 */
export async function benchmarkBuilds(sizes: readonly number[], options: { log(message: string): void; searchQuery?: string }): Promise<BuildBenchmark> {
  const site = join(REPOSITORY_ROOT, 'site');
  const dataDir = join(REPOSITORY_ROOT, '.data');
  mkdirSync(dataDir, { recursive: true });
  const work = mkdtempSync(join(dataDir, 'bench-builds-'));
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PATH: `${join(REPOSITORY_ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` };
  const query = options.searchQuery ?? SEARCH_QUERY;
  const result: BuildBenchmark = { rows: [], search: [], markdown: [] };
  try {
    for (const count of sizes) {
      const content = join(work, `content-${count}`);
      writeSyntheticContent(join(REPOSITORY_ROOT, 'content'), content, count);
      const oursEnv = (name: string) => ({ ...env, SERVICEPORTAL_CONTENT_DIR: content, SERVICEPORTAL_CACHE_DIR: join(work, `cache-${name}-${count}`) });

      const ours = join(work, `ours-${count}`);
      options.log(`${count} artikler: vår bygging …`);
      const oursResult = measure(`astro build --root ${site} --outDir ${ours} --silent`, { cwd: work, env: oursEnv('ours') });
      result.rows.push({ articles: count, build: 'ours', label: 'Serviceportal: astro build', result: oursResult, pages: htmlFiles(ours) });
      const searchResult = measure(`pagefind --site ${ours} --silent`, { cwd: work, env: oursEnv('ours') });
      result.rows.push({ articles: count, build: 'pagefind', label: 'Serviceportal: pagefind (etterpå)', result: searchResult, pages: htmlFiles(ours) });
      if (options.searchQuery !== undefined) {
        options.log(`${count} artikler: første søk hos oss i Chromium …`);
        result.search.push({ articles: count, site: 'ours', ...(await measureSearch(ours, query, PORTAL_SEARCH)) });
      }

      const remark = join(work, `remark-${count}`);
      options.log(`${count} artikler: vår bygging med remark/rehype i stedet for Sätteri …`);
      // Astro reads --config relative to --root.
      const remarkConfig = relative(site, join(REPOSITORY_ROOT, 'bench', 'remark-astro.config.ts'));
      const remarkResult = measure(`astro build --root ${site} --config ${remarkConfig} --outDir ${remark} --silent`, { cwd: work, env: oursEnv('remark') });
      result.rows.push({
        articles: count,
        build: 'ours-remark',
        label: 'Serviceportal med remark/rehype: astro build',
        result: remarkResult,
        pages: htmlFiles(remark),
      });
      const pages = compareArticlePages(ours, remark);
      rmSync(ours, { recursive: true, force: true });
      rmSync(remark, { recursive: true, force: true });
      options.log(`${count} artikler: Markdown alene, Sätteri mot remark/rehype, ${Math.min(count, MARKDOWN_SAMPLE)} artikler i denne prosessen …`);
      result.markdown.push({ buildArticles: count, ...pages, ...(await compareMarkdownProcessors(join(content, 'articles'), MARKDOWN_SAMPLE)) });

      const bare = join(work, `bare-${count}`);
      writeBareAstroProject(bare, join(content, 'articles'));
      options.log(`${count} artikler: bar Astro …`);
      const bareResult = measure('astro build --silent', { cwd: bare, env });
      result.rows.push({ articles: count, build: 'bare', label: 'Bar Astro (samme artikler)', result: bareResult, pages: htmlFiles(join(bare, 'dist')) });
      rmSync(bare, { recursive: true, force: true });

      const starlight = join(work, `starlight-${count}`);
      writeStarlightProject(starlight, join(content, 'articles'));
      options.log(`${count} artikler: Starlight (med Pagefind) …`);
      const starlightResult = measure('astro build --silent', { cwd: starlight, env });
      result.rows.push({
        articles: count,
        build: 'starlight',
        label: 'Starlight med søk (samme artikler)',
        result: starlightResult,
        pages: htmlFiles(join(starlight, 'dist')),
      });
      if (options.searchQuery !== undefined) {
        options.log(`${count} artikler: første søk i Starlight i Chromium …`);
        result.search.push({ articles: count, site: 'starlight', ...(await measureSearch(join(starlight, 'dist'), query, STARLIGHT_SEARCH)) });
      }
      rmSync(starlight, { recursive: true, force: true });
      rmSync(content, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return result;
}

const ratio = (a: number, b: number | undefined) => (b ? a / b : 0);

/** Ours (astro build + Pagefind, sequential, so the peak is the larger of the two) against bare Astro, Starlight and ours on remark. */
export function compareBuilds(rows: readonly BuildRow[]): BuildComparison[] {
  const sizes = [...new Set(rows.map((row) => row.articles))];
  return sizes.map((articles) => {
    const of = (build: BuildKind): Measurement | undefined => rows.find((row) => row.articles === articles && row.build === build)?.result;
    const ours = of('ours') ?? { seconds: 0, peakMegabytes: 0 };
    const search = of('pagefind') ?? { seconds: 0, peakMegabytes: 0 };
    const bare = of('bare') ?? { seconds: 0, peakMegabytes: 0 };
    const starlight = of('starlight');
    const remark = of('ours-remark');
    const oursSeconds = ours.seconds + search.seconds;
    const oursCpuSeconds = (ours.cpuSeconds ?? 0) + (search.cpuSeconds ?? 0);
    const oursPeakMegabytes = Math.max(ours.peakMegabytes, search.peakMegabytes);
    return {
      articles,
      oursSeconds,
      oursPeakMegabytes,
      bareSeconds: bare.seconds,
      barePeakMegabytes: bare.peakMegabytes,
      timeRatio: ratio(oursSeconds, bare.seconds),
      cpuRatio: ratio(oursCpuSeconds, bare.cpuSeconds),
      memoryRatio: ratio(oursPeakMegabytes, bare.peakMegabytes),
      ...(starlight
        ? {
            starlightSeconds: starlight.seconds,
            starlightPeakMegabytes: starlight.peakMegabytes,
            starlightRatio: ratio(oursSeconds, starlight.seconds),
            starlightCpuRatio: ratio(oursCpuSeconds, starlight.cpuSeconds),
          }
        : {}),
      ...(remark
        ? { remarkSeconds: remark.seconds, remarkRatio: ratio(remark.seconds, ours.seconds), remarkCpuRatio: ratio(remark.cpuSeconds ?? 0, ours.cpuSeconds) }
        : {}),
    };
  });
}
