import { availableParallelism, loadavg } from 'node:os';
import { benchmarkBuilds, compareBuilds } from './builds.ts';
import { table } from './markdown-table.ts';
import { buildSections, searchSection } from './report-builds.ts';
import { SEARCH_QUERY } from './search-bytes.ts';
import { buildTargets } from './targets.ts';

/**
 * `npm run bench:build [counts…]`: builds 1,000 and 10,000 generated articles with our site, our site on
 * remark/rehype, a bare Astro project and Starlight, in the same run, measures the first search on ours and on
 * Starlight, and prints the figures and the build targets (`npm run bench` includes them with everything else).
 */
const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((count) => count > 0);
const loadAtStart = loadavg()[0] ?? 0;
const measured = await benchmarkBuilds(counts.length > 0 ? counts : [1000, 10000], { log: console.log, searchQuery: SEARCH_QUERY });
const builds = compareBuilds(measured.rows);

console.log(`\n${[...buildSections({ builds, buildRows: measured.rows, markdown: measured.markdown }), ...searchSection(measured.search)].join('\n\n')}`);
console.log(
  `\n## Mål\n\n${table(
    ['<Mål', '<Målt', '<Nådd'],
    buildTargets({ builds, search: measured.search }).map((c) => [c.target, c.measured, c.met ? 'ja' : 'NEI']),
  )}`,
);
console.log(`\nBelastning (1 min): ${loadAtStart.toFixed(1)} → ${loadavg()[0]?.toFixed(1)} på ${availableParallelism()} kjerner.`);
