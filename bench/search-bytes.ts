import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { SECURITY_HEADERS } from '../infra/security-headers.ts';
import { closeServer, listen } from '../infra/local/servers.ts';
import { serveStatic } from '../infra/local/static-site.ts';
import { launchChromium } from '../test/support/chromium.ts';

export interface SearchFigures {
  query: string;
  requests: number;
  /** Bytes as served (Pagefind's index chunks and fragments are gzipped by Pagefind itself). */
  bytes: number;
  /** The same with each response gzipped as a CDN would, where that makes it smaller (pagefind.js, wasm). */
  gzipBytes: number;
  results: number;
}

/**
 * Serves a built site on 127.0.0.1 with the portal's headers, opens its search page in Chromium with a query and
 * adds up every response under /pagefind/ until the first results are shown: what a reader pays for one search.
 */
export async function measureSearch(siteDir: string, query: string): Promise<SearchFigures> {
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    serveStatic(request, response, siteDir).catch(() => response.writeHead(500).end());
  });
  await listen(server, '127.0.0.1', 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const bodies: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/pagefind/')) bodies.push(response.body().catch(() => Buffer.alloc(0)));
    });
    await page.goto(`${url}/sok/?q=${encodeURIComponent(query)}`);
    const results = page.locator('#search-results li');
    await results.first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const engine = await page.locator('#search-results').getAttribute('data-engine');
    if (engine !== 'pagefind') throw new Error(`Søket brukte ${engine ?? 'ingen motor'}, ikke Pagefind`);
    const all = await Promise.all(bodies);
    return {
      query,
      requests: all.length,
      bytes: all.reduce((sum, body) => sum + body.length, 0),
      gzipBytes: all.reduce((sum, body) => sum + Math.min(body.length, gzipSync(body).length), 0),
      results: await results.count(),
    };
  } finally {
    await browser.close();
    await closeServer(server);
  }
}
