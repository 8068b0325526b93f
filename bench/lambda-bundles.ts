import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { HANDLERS, type HandlerName } from '../infra/wiring.ts';
import { synthesizePortal } from '../test/infra/synth.ts';

export interface BundleFigure {
  handler: HandlerName;
  /** index.mjs as CDK's esbuild bundling writes it (minified, source map excluded). */
  bytes: number;
  gzipBytes: number;
  /** Median time to import the bundle in a fresh Node process: module init, as on a Lambda cold start. */
  initMs: number;
  /** CPU time (user + system) of that import, same run: moves less than initMs when other jobs share the cores. */
  initCpuMs?: number;
}

const RUNS = 5;
const INIT_SCRIPT =
  'const start = performance.now(); const cpu = process.cpuUsage(); await import(process.argv[1]); const used = process.cpuUsage(cpu); process.stdout.write(JSON.stringify([performance.now() - start, (used.user + used.system) / 1000]));';

/** Imports a bundle once in a fresh Node process with `environment` (plus Lambda's region and credentials): [init ms, CPU ms]. */
export function importOnce(file: string, environment: Record<string, string>): [number, number] {
  const env = { PATH: process.env.PATH ?? '', ...environment, AWS_REGION: 'eu-north-1', AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench' };
  const output = execFileSync(process.execPath, ['--input-type=module', '--eval', INIT_SCRIPT, pathToFileURL(file).href], { encoding: 'utf8', env });
  return JSON.parse(output) as [number, number];
}

export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Synthesizes the CDK app with bundling on (the same NodejsFunction options as `cdk deploy`), then weighs each
 * handler's bundle and times its module init with the environment the stack gives it.
 */
export function measureLambdaBundles(): BundleFigure[] {
  const portal = synthesizePortal({ bundle: true });
  try {
    return (Object.keys(HANDLERS) as HandlerName[]).map((handler) => {
      const file = join(portal.bundleDirOf(handler), 'index.mjs');
      // With the environment as deployed. The source map is read at the first stack trace, not here
      // (infra/aws/lazy-source-maps.ts); --enable-source-maps used to cost about 15 ms of init on this machine.
      const runs = Array.from({ length: RUNS }, () => importOnce(file, portal.bundleEnvironmentOf(handler)));
      return {
        handler,
        bytes: statSync(file).size,
        gzipBytes: gzipSync(readFileSync(file)).length,
        initMs: median(runs.map(([ms]) => ms)),
        initCpuMs: median(runs.map(([, cpuMs]) => cpuMs)),
      };
    });
  } finally {
    portal.cleanUp();
  }
}
