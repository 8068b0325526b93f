import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_ALIASES, BUNDLE_CONDITIONS } from '../infra/aws/portal-function.ts';
import { REPOSITORY_ROOT } from '../infra/repository.ts';
import { HANDLERS, type HandlerName } from '../infra/wiring.ts';

/**
 * What fills a bundle: esbuild's metafile for the handler with the construct's options (ESM, minified, node24,
 * the same export conditions and aliases), bytes of output per npm package (or `functions/` for our own code),
 * largest first.
 */
export async function bundleContents(handler: HandlerName, top = 6): Promise<{ source: string; bytes: number }[]> {
  const result = await build({
    entryPoints: [join(REPOSITORY_ROOT, HANDLERS[handler].entry)],
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    mainFields: ['module', 'main'],
    conditions: [...BUNDLE_CONDITIONS],
    alias: BUNDLE_ALIASES,
    absWorkingDir: REPOSITORY_ROOT,
    minify: true,
    write: false,
    metafile: true,
    outfile: 'index.mjs',
    logLevel: 'silent',
  });
  const bytes = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const source = match?.[1] ?? path.split('/')[0] ?? path;
      bytes.set(source, (bytes.get(source) ?? 0) + input.bytesInOutput);
    }
  }
  return [...bytes]
    .map(([source, size]) => ({ source, bytes: size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}
