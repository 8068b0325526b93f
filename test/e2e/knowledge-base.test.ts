import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { startTestPortal, temporaryDataDir, type TestPortal } from '../support/local-portal.ts';
import { builtPages } from '../site/built-pages.ts';

/** A reader in Chromium, under the site's real security headers: searching, reading, finding who to call. */

const dataDir = temporaryDataDir();
let portal: TestPortal;
let browser: FileBrowser;
let page: Page;

beforeAll(async () => {
  builtPages();
  browser = await browserForFile();
  portal = await startTestPortal(dataDir.path);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  dataDir.remove();
});

describe('the knowledge base in the browser', () => {
  it('searches from the front page and opens an article from the results, which loads no script', async () => {
    await page.goto(portal.url);
    await page.getByLabel('Hva leter du etter?', { exact: true }).fill('lydlogg opptak');
    await page.getByLabel('Hva leter du etter?', { exact: true }).press('Enter');

    const result = page.locator('#search-results li').filter({ has: page.getByRole('link', { name: 'Lydlogg', exact: true }) });
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.textContent()).toContain('Om opptak og avspilling av samtaler og radiotrafikk');

    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await result.getByRole('link', { name: 'Lydlogg', exact: true }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Lydlogg');
    expect(scripts).toEqual([]);
  });

  it("answers with Pagefind itself, under the site's real Content-Security-Policy", async () => {
    const context = await browser.newContext();
    const reader = await context.newPage();

    await reader.goto(`${portal.url}/sok/?q=${encodeURIComponent('seks måneder')}`);

    const results = reader.locator('#search-results');
    await expect.poll(() => results.getAttribute('data-engine')).toBe('pagefind');
    expect(await results.getByRole('link').first().textContent()).toBe('Flytte et kontrollrom eller en operatørplass');
    expect(await results.locator('li').first().textContent()).toContain('må meldes minst seks måneder før');
    await context.close();
  });

  it('finds a long word of a heading, which the build gave soft hyphens, as the whole word', async () => {
    const context = await browser.newContext();
    const reader = await context.newPage();

    await reader.goto(`${portal.url}/sok/?q=${encodeURIComponent('alvorlighetsgrad')}`);

    const results = reader.locator('#search-results');
    await expect.poll(() => results.getAttribute('data-engine')).toBe('pagefind');
    const titles = (await results.getByRole('link').allTextContents()).map((title) => title.replaceAll('\u00ad', ''));
    expect(titles[0]).toBe('Prioritet og alvorlighetsgrad');
    const article = await (await fetch(`${portal.url}/artikler/prioritet-og-alvorlighetsgrad/`)).text();
    expect(article).toMatch(/<h1>Prioritet og al\u00advor\u00ad[^<]*<\/h1>/);
    await context.close();
  });

  it('loads nothing of Pagefind until the reader searches', async () => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));

    await page.goto(`${portal.url}/sok/`);
    await page.waitForLoadState('networkidle');
    const before = requests.filter((path) => path.startsWith('/pagefind/') || path === '/sok/indeks.json');
    await page.getByLabel('Søk i artikler og driftsmeldinger', { exact: true }).fill('flytting');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(0);

    expect(before).toEqual([]);
    expect(requests.some((path) => path === '/pagefind/pagefind.js')).toBe(true);
  });

  it('tells the reader when a search finds nothing', async () => {
    await page.goto(`${portal.url}/sok/?q=${encodeURIComponent('qqqxyzzy')}`);

    await expect.poll(() => page.getByRole('status').textContent()).toContain('Fant ingen treff på «qqqxyzzy»');
  });

  it('shows 08915 as open now on the contact page, with the whole fallback ladder', async () => {
    await page.goto(`${portal.url}/kontakt/`);

    const main = page.locator('li.channel').filter({ hasText: 'Servicedesk, hovednummer' });
    await expect.poll(() => main.locator('[data-open-status]').textContent()).toBe('Åpent nå');
    const ladder = await page.locator('ol.phone-ladder .ladder-sentence').allTextContents();
    const expected = ['08915', '61 18 28 00', '907 87 035', 'ISSI- eller DDI-nummeret', 'HDO-04', 'drift@hdo.no'];
    expect(ladder).toHaveLength(expected.length);
    expected.forEach((value, step) => expect(ladder[step]).toContain(value));
  });

  it('answers an unknown address with the 404 page', async () => {
    const response = await page.goto(`${portal.url}/artikler/finnes-ikke/`);

    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Fant ikke siden');
  });
});
