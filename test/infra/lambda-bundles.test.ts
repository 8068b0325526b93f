import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLERS, type HandlerName } from '../../infra/wiring.ts';
import { synthesizePortal, type SynthesizedPortal } from './synth.ts';

const HANDLER_NAMES = Object.keys(HANDLERS) as HandlerName[];
const LAMBDA_TASK_ROOT = '/var/task';

let portal: SynthesizedPortal;
beforeAll(() => {
  portal = synthesizePortal({ bundle: true });
});
afterAll(() => portal?.cleanUp());

/** CATALOG_DIR as set in the stack, resolved inside the bundle instead of under /var/task. */
function catalogDirInBundle(handler: HandlerName): string {
  const catalogDir = String(portal.environmentOf(handler).CATALOG_DIR);
  return join(portal.bundleDirOf(handler), relative(LAMBDA_TASK_ROOT, catalogDir));
}

/**
 * Imports the bundle in a fresh Node process, as Lambda's cold start does, with the environment the stack gives
 * the function. Module init validates that environment and loads the catalog, so a bad bundle fails here.
 */
function importBundle(handler: HandlerName): string {
  const script = 'const bundle = await import(process.argv[1]); process.stdout.write(typeof bundle.handler);';
  return execFileSync(process.execPath, ['--input-type=module', '--eval', script, pathToFileURL(join(portal.bundleDirOf(handler), 'index.mjs')).href], {
    encoding: 'utf8',
    env: {
      ...portal.runtimeEnvironmentOf(handler),
      CATALOG_DIR: catalogDirInBundle(handler),
      AWS_REGION: 'eu-north-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    },
  });
}

describe.each(HANDLER_NAMES)('the %s bundle', (handler) => {
  it('is an ES module', () => {
    const bundle = join(portal.bundleDirOf(handler), 'index.mjs');

    expect(existsSync(bundle)).toBe(true);
  });

  it('holds the services, teams and routing where CATALOG_DIR points', () => {
    const catalogDir = catalogDirInBundle(handler);

    const files = ['teams.yaml', 'routing.yaml', 'services/iccs.yaml'].filter((file) => existsSync(join(catalogDir, file)));

    expect(files).toEqual(['teams.yaml', 'routing.yaml', 'services/iccs.yaml']);
  });

  it.each(['articles', 'notices'])('leaves out %s, which only the website reads', (folder) => {
    const path = join(catalogDirInBundle(handler), folder);

    expect(existsSync(path)).toBe(false);
  });

  it('loads with its environment and exports a handler function', () => {
    const exported = importBundle(handler);

    expect(exported).toBe('function');
  });
});
