import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError, formatProblem } from '../functions/catalog/problems.ts';
import { REPOSITORY_ROOT } from '../infra/repository.ts';
import { publishNotices } from '../site/notices/publish.ts';
import { siteUrlFromEnvironment } from '../site/site-url.ts';

/**
 * `npm run publish:notices [-- --out DIR --content DIR --site URL --at TIME]`: driftsmeldinger out in minutes,
 * without building the whole site. Reads content/notices, and writes into the built site (site/dist unless --out)
 * the files that change when a notice does (site/notices/publish.ts). Uploading them is a separate step.
 */
const USAGE = 'Bruk: npm run publish:notices -- [--out site/dist] [--content content] [--site https://…] [--at 2026-11-24T09:30+01:00]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values: { out?: string | undefined; content?: string | undefined; site?: string | undefined; at?: string | undefined };
try {
  ({ values } = parseArgs({ options: { out: { type: 'string' }, content: { type: 'string' }, site: { type: 'string' }, at: { type: 'string' } } }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}

const started = performance.now();
const outDir = resolve(values.out ?? join(REPOSITORY_ROOT, 'site', 'dist'));
const contentDir = resolve(values.content ?? join(REPOSITORY_ROOT, 'content'));
const now = values.at === undefined ? new Date() : new Date(values.at);
if (Number.isNaN(now.getTime())) fail(`--at ${values.at} er ikke et tidspunkt; skriv det som 2026-11-24T09:30+01:00`);

try {
  const siteUrl = values.site ?? siteUrlFromEnvironment();
  const result = await publishNotices({ contentDir, outDir, now, siteUrl });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const path of result.written) console.log(`skrev   ${path}`);
  for (const path of result.removed) console.log(`fjernet ${path}`);
  console.log(
    `${result.document.notices.length} driftsmeldinger publisert i ${outDir}: ${result.written.length} filer skrevet, ${result.removed.length} fjernet, ${result.unchanged.length} uendret (${seconds} s).`,
  );
  if (result.written.length + result.removed.length > 0) console.log('Last opp filene som er skrevet, og slett de som er fjernet, der nettstedet ligger.');
} catch (error) {
  if (error instanceof ContentError) {
    console.error(`Driftsmeldingene ble ikke publisert: innholdet har ${error.problems.length} feil:\n`);
    for (const problem of error.problems) console.error(formatProblem(problem));
    fail('\nRett feilene og kjør «npm run publish:notices» igjen. Veiledning: CONTENT.md');
  }
  fail(`Driftsmeldingene ble ikke publisert: ${error instanceof Error ? error.message : String(error)}`);
}
