import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { SECURITY_HEADERS } from '../infra/security-headers.ts';
import { closeServer, listen } from '../infra/local/servers.ts';
import { serveStatic } from '../infra/local/static-site.ts';
import { launchChromium } from '../test/support/chromium.ts';

/** The query every first-search figure uses: two words most synthetic articles share, so there are many hits. */
export const SEARCH_QUERY = 'talegruppe reserve';

export interface SearchFigures {
  query: string;
  requests: number;
  /** Bytes as served (Pagefind's index chunks and fragments are gzipped by Pagefind itself). */
  bytes: number;
  /** The same with each response gzipped as a CDN would, where that makes it smaller (pagefind.js, wasm). */
  gzipBytes: number;
  results: number;
}

/** How a reader searches one kind of site: the headers it is served with, and the steps up to the first results. */
export interface SearchDriver {
  headers: Record<string, string>;
  /** Searches for `query` on the site at `url` and resolves with the number of results shown. */
  search(page: Page, url: string, query: string): Promise<number>;
}

/** Ours: the search page with the query in its address, as the search field on every page sends it. */
export const PORTAL_SEARCH: SearchDriver = {
  headers: SECURITY_HEADERS,
  async search(page, url, query) {
    await page.goto(`${url}/sok/?q=${encodeURIComponent(query)}`);
    const results = page.locator('#search-results li');
    await results.first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const engine = await page.locator('#search-results').getAttribute('data-engine');
    if (engine !== 'pagefind') throw new Error(`Søket brukte ${engine ?? 'ingen motor'}, ikke Pagefind`);
    return results.count();
  },
};

/**
 * Serves a built site on 127.0.0.1, lets the driver search it in Chromium and adds up every response under
 * /pagefind/ from the page load until the first results are shown: what a reader pays for one search.
 */
export async function measureSearch(siteDir: string, query: string, driver: SearchDriver = PORTAL_SEARCH): Promise<SearchFigures> {
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(driver.headers)) response.setHeader(name, value);
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
    const results = await driver.search(page, url, query);
    const all = await Promise.all(bodies);
    return {
      query,
      requests: all.length,
      bytes: all.reduce((sum, body) => sum + body.length, 0),
      gzipBytes: all.reduce((sum, body) => sum + Math.min(body.length, gzipSync(body).length), 0),
      results,
    };
  } finally {
    await browser.close();
    await closeServer(server);
  }
}
