import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  // The calendar of planned work (core/notice-paths.ts NOTICE_FEED_PATHS.calendar).
  '.ics': 'text/calendar; charset=utf-8',
};

/** What CloudFront compresses (text types, 1,000 bytes to 10 MB); Pagefind's index files arrive compressed already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.xml', '.svg', '.txt', '.webmanifest', '.ics']);
const MIN_COMPRESSED_BYTES = 1000;

/**
 * Serves the built site the way CloudFront serves the S3 bucket: directory indexes, 404.html, cache headers, and
 * gzip for text when the browser accepts it (the distribution compresses), so local measurements match.
 */
export async function serveStatic(request: IncomingMessage, response: ServerResponse, root: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const rawPath = new URL(request.url ?? '/', 'http://localhost').pathname;
  const pathname = safelyDecoded(rawPath);
  if (pathname === undefined) {
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Ugyldig adresse');
    return;
  }
  const file = await findFile(root, pathname);
  if (file === 'redirect') {
    response.writeHead(301, { location: directoryLocation(rawPath) }).end();
    return;
  }
  const target = file ?? (await findFile(root, '/404.html'));
  if (!target || target === 'redirect') {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Ikke funnet');
    return;
  }
  const extension = extname(target);
  const compressible = COMPRESSIBLE.has(extension) && (await stat(target)).size >= MIN_COMPRESSED_BYTES;
  const gzip = compressible && acceptsGzip(request);
  response.writeHead(file ? 200 : 404, {
    'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    // Astro puts content-hashed files under /_astro/: they never change. Pages must be fresh after a deploy.
    'cache-control': pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(compressible ? { vary: 'accept-encoding' } : {}),
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  if (request.method === 'HEAD') response.end();
  else if (gzip) await pipeline(createReadStream(target), createGzip(), response).catch(() => response.destroy());
  else createReadStream(target).pipe(response);
}

function safelyDecoded(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * The folder's address with its slash, built from the path as sent (still encoded) and with one leading slash:
 * `/%2Fartikler` must not become `//artikler/`, which a browser reads as another host.
 */
export function directoryLocation(rawPath: string): string {
  return `/${rawPath.replace(/^\/+/, '')}/`;
}

function acceptsGzip(request: IncomingMessage): boolean {
  const header = String(request.headers['accept-encoding'] ?? '');
  return header.split(',').some((part) => {
    const [coding, ...parameters] = part.trim().split(';');
    const weight = parameters.find((parameter) => parameter.trim().startsWith('q='));
    return coding?.trim().toLowerCase() === 'gzip' && (weight === undefined || Number(weight.trim().slice(2)) > 0);
  });
}

async function findFile(root: string, pathname: string): Promise<string | 'redirect' | undefined> {
  const candidate = normalize(join(root, pathname));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  const info = await stat(candidate).catch(() => undefined);
  if (info?.isFile()) return candidate;
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) return 'redirect';
    const index = join(candidate, 'index.html');
    return (await stat(index).catch(() => undefined))?.isFile() ? index : undefined;
  }
  return undefined;
}
