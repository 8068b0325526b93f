import { describe, expect, it } from 'vitest';
import { compareBuilds, type BuildKind, type BuildRow } from '../../bench/builds.ts';
import type { SearchFigures } from '../../bench/search-bytes.ts';
import { buildTargets } from '../../bench/targets.ts';

const row = (articles: number, build: BuildKind, seconds: number): BuildRow => ({
  articles,
  build,
  label: build,
  pages: articles,
  result: { seconds, peakMegabytes: 100, cpuSeconds: seconds },
});
const search = (articles: number, site: 'ours' | 'starlight', gzipKilobytes: number): SearchFigures & { articles: number; site: 'ours' | 'starlight' } => ({
  articles,
  site,
  query: 'talegruppe reserve',
  requests: 10,
  bytes: gzipKilobytes * 1024,
  gzipBytes: gzipKilobytes * 1024,
  results: 5,
});
const verdict = (checks: ReturnType<typeof buildTargets>, start: string) => checks.find((check) => check.target.startsWith(start))?.met;

describe('the build and search targets of issue 17', () => {
  it('counts our Pagefind in our build when comparing with Starlight, whose build includes its own', () => {
    const builds = compareBuilds([row(10000, 'ours', 40), row(10000, 'pagefind', 11), row(10000, 'bare', 25), row(10000, 'starlight', 50)]);

    const checks = buildTargets({ builds, search: [] });

    expect(builds[0]?.oursSeconds).toBe(51);
    expect(verdict(checks, 'Hele byggingen med søk raskere enn Starlight')).toBe(false);
  });

  it('is met when our whole build is faster than Starlight', () => {
    const builds = compareBuilds([row(1000, 'ours', 7), row(1000, 'pagefind', 1), row(1000, 'bare', 5), row(1000, 'starlight', 12)]);

    expect(verdict(buildTargets({ builds, search: [] }), 'Hele byggingen med søk raskere enn Starlight')).toBe(true);
  });

  it('judges the first search on our site at 10,000 articles only, against 150 kB gz', () => {
    const checks = buildTargets({ builds: [], search: [search(1000, 'ours', 200), search(10000, 'starlight', 100), search(10000, 'ours', 150.1)] });

    expect(checks.filter((check) => check.target.startsWith('Første søk'))).toHaveLength(1);
    expect(verdict(checks, 'Første søk')).toBe(false);
  });

  it('compares the build on remark/rehype with our astro build alone, Pagefind left out', () => {
    const [build] = compareBuilds([row(1000, 'ours', 8), row(1000, 'pagefind', 2), row(1000, 'bare', 5), row(1000, 'ours-remark', 12)]);

    expect(build?.remarkRatio).toBe(1.5);
  });
});
