import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Stack traces through a Lambda bundle's source map, read on the first stack trace that needs it instead of at
 * every cold start. `--enable-source-maps` reads and parses the 400 kB map as the bundle loads, 15–20 ms of each
 * cold start (BENCHMARKS.md), for the few invocations that ever print a stack. PortalFunction injects this file
 * into every bundle (esbuild's `inject`), so `import.meta.url` is the bundle itself.
 *
 * A frame in the bundle is written as Node writes it with `--enable-source-maps`: the original file's path, line and
 * column, and the function's name where the map has it (else the minified one, as Node does). Other frames (Node's
 * own) are left as V8 writes them.
 */
const BUNDLE = import.meta.url;

let loaded: SourceMap | null | undefined;

/** The bundle's source map, or null if it has none: then frames stay as they are. */
function bundleSourceMap(): SourceMap | null {
  if (loaded === undefined) {
    try {
      loaded = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(BUNDLE)}.map`, 'utf8')));
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** Where a 1-based line and column of the bundle came from, as `path:line:column`, and the name there. */
function originalAt(map: SourceMap, line: number | null, column: number | null): { location: string; name: string | undefined } | undefined {
  if (line === null || column === null) return undefined;
  const entry = map.findEntry(line - 1, column - 1);
  if (!('originalSource' in entry)) return undefined;
  const source = fileURLToPath(new URL(entry.originalSource, BUNDLE));
  // Node gives the name the map has there, though its types leave it out.
  const name = 'name' in entry && typeof entry.name === 'string' ? entry.name : undefined;
  return { location: `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`, name };
}

function frame(site: NodeJS.CallSite, caller: NodeJS.CallSite | undefined): string {
  const map = site.getFileName() === BUNDLE ? bundleSourceMap() : null;
  const mapped = map ? originalAt(map, site.getLineNumber(), site.getColumnNumber()) : undefined;
  if (!map || !mapped) return `    at ${site.toString()}`;
  // The function's own name: where the map names the function's start, else the name its caller called it by.
  const enclosing = originalAt(map, site.getEnclosingLineNumber(), site.getEnclosingColumnNumber())?.name;
  const called = caller?.getFileName() === BUNDLE ? originalAt(map, caller.getLineNumber(), caller.getColumnNumber())?.name : undefined;
  const name = enclosing ?? called ?? site.getFunctionName();
  const prefix = site.isAsync() ? 'async ' : '';
  return name ? `    at ${prefix}${name} (${mapped.location})` : `    at ${prefix}${mapped.location}`;
}

Error.prepareStackTrace = (error: Error, sites: NodeJS.CallSite[]) =>
  [Error.prototype.toString.call(error), ...sites.map((site, index) => frame(site, sites[index + 1]))].join('\n');
