import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { HANDLERS, type HandlerName } from '../infra/wiring.ts';
import { synthesizePortal } from '../test/infra/synth.ts';
import { importOnce, median } from './lambda-bundles.ts';

/**
 * A change to Lambda module init, judged on pairs. Five imports of one bundle move by 15–20 ms from run to run on
 * these machines, as much as a change worth making, so the bundles before and after are imported one after the
 * other, many times, and the median of the differences is what counts.
 *
 *   node bench/lambda-init-pairs.ts save <dir>                       the bundles `cdk deploy` would ship from this
 *                                                                    working tree, with each function's environment
 *   node bench/lambda-init-pairs.ts compare <before> <after> [pairs] median init of each, and of the differences
 */

const ENVIRONMENT_FILE = 'environments.json';
/** Marks a setting that names a path inside the bundle (CATALOG_DIR, PAGES_DIR), so a saved copy can be moved. */
const IN_BUNDLE = 'in-bundle:';

function save(dir: string): void {
  const portal = synthesizePortal({ bundle: true });
  try {
    const environments: Record<string, Record<string, string>> = {};
    for (const handler of Object.keys(HANDLERS) as HandlerName[]) {
      const bundleDir = portal.bundleDirOf(handler);
      cpSync(bundleDir, join(dir, handler), { recursive: true });
      environments[handler] = Object.fromEntries(
        Object.entries(portal.bundleEnvironmentOf(handler)).map(([name, value]) => [
          name,
          value.startsWith(bundleDir) ? `${IN_BUNDLE}${relative(bundleDir, value)}` : value,
        ]),
      );
    }
    writeFileSync(join(dir, ENVIRONMENT_FILE), JSON.stringify(environments, null, 2));
  } finally {
    portal.cleanUp();
  }
}

function savedBundle(dir: string, handler: string): { file: string; environment: Record<string, string> } {
  const environments = JSON.parse(readFileSync(join(dir, ENVIRONMENT_FILE), 'utf8')) as Record<string, Record<string, string>>;
  const saved = environments[handler];
  if (!saved) throw new Error(`${dir} har ingen ${handler}: lagre buntene med «save» først`);
  const bundleDir = resolve(dir, handler);
  const environment = Object.fromEntries(
    Object.entries(saved).map(([name, value]) => [name, value.startsWith(IN_BUNDLE) ? join(bundleDir, value.slice(IN_BUNDLE.length)) : value]),
  );
  return { file: join(bundleDir, 'index.mjs'), environment };
}

function compare(before: string, after: string, pairs: number): void {
  console.log(`| Funksjon | Før (ms) | Etter (ms) | Median av parvise forskjeller (ms) |\n| --- | ---: | ---: | ---: |`);
  for (const handler of Object.keys(HANDLERS)) {
    const a = savedBundle(before, handler);
    const b = savedBundle(after, handler);
    const times = Array.from({ length: pairs }, () => [importOnce(a.file, a.environment)[0], importOnce(b.file, b.environment)[0]] as const);
    const difference = median(times.map(([x, y]) => y - x));
    const row = [handler, median(times.map(([x]) => x)).toFixed(0), median(times.map(([, y]) => y)).toFixed(0), difference.toFixed(1)];
    console.log(`| ${row.join(' | ')} |`);
  }
}

const [command, first, second, pairs] = process.argv.slice(2);
if (command === 'save' && first) {
  mkdirSync(first, { recursive: true });
  save(first);
} else if (command === 'compare' && first && second) {
  compare(first, second, Number(pairs ?? 11));
} else {
  console.error('Bruk: node bench/lambda-init-pairs.ts save <mappe> | compare <før> <etter> [par]');
  process.exit(2);
}
