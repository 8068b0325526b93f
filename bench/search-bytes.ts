import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { SECURITY_HEADERS } from '../infra/security-headers.ts';
import { closeServer, listen, portOf } from '../infra/local/servers.ts';
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
  /** gzip bytes and requests per kind of Pagefind file, to see what the first search is made of (absent in older files). */
  parts?: Partial<Record<PagefindPart, { requests: number; gzipBytes: number }>>;
}

export type PagefindPart = 'script' | 'wasm' | 'entry' | 'meta' | 'index' | 'filter' | 'fragment' | 'other';

/** What a file under /pagefind/ is, from its name (Pagefind 1.x: pagefind.js, wasm.<lang>.pagefind, *.pf_index …). */
export function pagefindPart(pathname: string): PagefindPart {
  if (pathname.endsWith('.js')) return 'script';
  if (pathname.endsWith('.pagefind')) return 'wasm';
  if (pathname.endsWith('pagefind-entry.json')) return 'entry';
  const match = /\.pf_(meta|index|filter|fragment)$/.exec(pathname);
  return (match?.[1] as PagefindPart | undefined) ?? 'other';
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
  const url = `http://127.0.0.1:${portOf(server)}`;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const bodies: Promise<{ part: PagefindPart; body: Buffer }>[] = [];
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (pathname.startsWith('/pagefind/'))
        bodies.push(
          response.body().then(
            (body) => ({ part: pagefindPart(pathname), body }),
            () => ({ part: pagefindPart(pathname), body: Buffer.alloc(0) }),
          ),
        );
    });
    const results = await driver.search(page, url, query);
    const all = (await Promise.all(bodies)).map(({ part, body }) => ({ part, bytes: body.length, gzipBytes: Math.min(body.length, gzipSync(body).length) }));
    const parts: NonNullable<SearchFigures['parts']> = {};
    for (const { part, gzipBytes } of all) {
      const sum = (parts[part] ??= { requests: 0, gzipBytes: 0 });
      sum.requests += 1;
      sum.gzipBytes += gzipBytes;
    }
    return {
      query,
      requests: all.length,
      bytes: all.reduce((sum, response) => sum + response.bytes, 0),
      gzipBytes: all.reduce((sum, response) => sum + response.gzipBytes, 0),
      results,
      parts,
    };
  } finally {
    await browser.close();
    await closeServer(server);
  }
}
