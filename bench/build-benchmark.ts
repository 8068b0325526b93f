import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../infra/repository.ts';
import { writeBareAstroProject } from './bare-astro.ts';
import { measure, type Measurement } from './measure.ts';
import { writeSyntheticContent } from './synthetic-content.ts';

/**
 * `npm run bench:build [counts…]`: builds 1,000 and 10,000 generated articles with our site (content check,
 * schemas, Markdown plugins, every page type, Pagefind) and with a bare Astro project, in the same run.
 * Not a test: it prints figures to compare, and takes a few minutes.
 */
const counts = process.argv.slice(2).map(Number).filter((count) => count > 0);
const sizes = counts.length > 0 ? counts : [1000, 10000];
const bin = join(REPOSITORY_ROOT, 'node_modules', '.bin');
const work = mkdtempSync(join(tmpdir(), 'serviceportal-bench-'));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PATH: `${bin}:${process.env.PATH ?? ''}` };
const rows: { articles: number; build: string; result: Measurement; pages: number }[] = [];
const htmlFiles = (dir: string) => readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.html')).length;

try {
  for (const count of sizes) {
    const content = join(work, `content-${count}`);
    writeSyntheticContent(join(REPOSITORY_ROOT, 'content'), content, count);

    const ours = join(work, `ours-${count}`);
    const oursEnv = { ...env, SERVICEPORTAL_CONTENT_DIR: content, SERVICEPORTAL_CACHE_DIR: join(work, `cache-ours-${count}`) };
    console.log(`${count} artikler: vår bygging …`);
    const oursResult = measure(`astro build --root site --outDir ${ours} --silent`, { cwd: REPOSITORY_ROOT, env: oursEnv });
    rows.push({ articles: count, build: 'Serviceportal: astro build', result: oursResult, pages: htmlFiles(ours) });
    const searchResult = measure(`pagefind --site ${ours} --silent`, { cwd: REPOSITORY_ROOT, env: oursEnv });
    rows.push({ articles: count, build: 'Serviceportal: pagefind (etterpå)', result: searchResult, pages: htmlFiles(ours) });

    const bare = join(work, `bare-${count}`);
    writeBareAstroProject(bare, join(content, 'articles'), join(REPOSITORY_ROOT, 'node_modules'));
    console.log(`${count} artikler: bar Astro …`);
    const bareResult = measure('astro build --silent', { cwd: bare, env });
    rows.push({ articles: count, build: 'Bar Astro (samme artikler)', result: bareResult, pages: htmlFiles(join(bare, 'dist')) });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log('\n| Artikler | Bygging | HTML-sider | Tid (s) | Største minnebruk (MB) |\n| ---: | --- | ---: | ---: | ---: |');
for (const row of rows) console.log(`| ${row.articles} | ${row.build} | ${row.pages} | ${row.result.seconds.toFixed(1)} | ${row.result.peakMegabytes} |`);
