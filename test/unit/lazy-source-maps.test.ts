import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';

/**
 * A bundle made as PortalFunction makes the Lambda bundles (minified, ESM, a source map without the sources, this
 * file injected), run in a Node without --enable-source-maps: its stack traces still name the sources.
 */

const INJECTED = join(REPOSITORY_ROOT, 'infra', 'aws', 'lazy-source-maps.ts');
const ENTRY = join(REPOSITORY_ROOT, 'test', 'fixtures', 'lazy-source-maps', 'handler.ts');
const work = mkdtempSync(join(tmpdir(), 'serviceportal-stacks-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function bundle(name: string, sourcemap: boolean): Promise<string> {
  const outfile = join(work, name, 'index.mjs');
  await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    sourcemap,
    sourcesContent: false,
    inject: [INJECTED],
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/**
 * The stack the bundle's handler returns, from a fresh Node process as a cold start. `mapGoneAfterLoading` removes the
 * source map after the bundle loaded and before the stack is written.
 */
function stackFrom(file: string, mapGoneAfterLoading = false): string {
  const removeMap = mapGoneAfterLoading ? "(await import('node:fs')).rmSync(process.argv[2]);" : '';
  const script = `const { handler } = await import(process.argv[1]); ${removeMap} process.stdout.write(handler());`;
  return execFileSync(process.execPath, ['--input-type=module', '--eval', script, pathToFileURL(file).href, `${file}.map`], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
}

describe('stack traces from a bundle', () => {
  it('name the source file, line and column, read through the source map', async () => {
    const file = await bundle('mapped', true);

    const [message, first, second] = stackFrom(file).split('\n');

    expect(message).toBe('Error: Fant ikke meldingen');
    // As Node writes them with --enable-source-maps: the name where the map has one, else the minified name.
    expect(first).toBe(`    at failingStep (${ENTRY}:4:9)`);
    expect(second).toMatch(new RegExp(`^ {4}at \\w+ \\(${ENTRY}:9:5\\)$`));
  });

  it('read the source map when a stack is written, not while the bundle loads (a cold start)', async () => {
    const file = await bundle('lazy', true);

    const [, first] = stackFrom(file, true).split('\n');

    expect(first).toContain(`${pathToFileURL(file).href}:`);
  });

  it('stay as V8 writes them when the bundle has no source map', async () => {
    const file = await bundle('unmapped', false);

    const [message, first] = stackFrom(file).split('\n');

    expect(message).toBe('Error: Fant ikke meldingen');
    expect(first).toContain(`${pathToFileURL(file).href}:`);
  });
});
