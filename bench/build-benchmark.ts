import { availableParallelism, loadavg } from 'node:os';
import { benchmarkBuilds, compareBuilds } from './builds.ts';

/**
 * `npm run bench:build [counts…]`: builds 1,000 and 10,000 generated articles with our site and with a bare Astro
 * project, in the same run, and prints the figures (`npm run bench` includes them with everything else).
 */
const counts = process.argv.slice(2).map(Number).filter((count) => count > 0);
const rows = await benchmarkBuilds(counts.length > 0 ? counts : [1000, 10000], { log: console.log });

const cpu = (seconds = 0) => seconds.toFixed(1);
console.log('\n| Artikler | Bygging | HTML-sider | Tid (s) | CPU (s) | Største minnebruk (MB) |\n| ---: | --- | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(`| ${row.articles} | ${row.label} | ${row.pages} | ${row.result.seconds.toFixed(1)} | ${cpu(row.result.cpuSeconds)} | ${row.result.peakMegabytes} |`);
console.log('\n| Artikler | Vår (s) | Bar Astro (s) | Tid × | CPU × | Minne × |\n| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const c of compareBuilds(rows)) console.log(`| ${c.articles} | ${c.oursSeconds.toFixed(1)} | ${c.bareSeconds.toFixed(1)} | ${c.timeRatio.toFixed(2)} | ${c.cpuRatio.toFixed(2)} | ${c.memoryRatio.toFixed(2)} |`);
console.log(`\nBelastning (1 min) til slutt: ${loadavg()[0]?.toFixed(1)} på ${availableParallelism()} kjerner. Tid er veggklokke; CPU er bruker- og systemtid, som flytter seg mindre når andre jobber deler kjernene.`);
