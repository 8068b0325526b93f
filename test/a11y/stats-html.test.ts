import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderStatsHtml } from '../../functions/core/stats-html.ts';
import { summariseStats } from '../../functions/core/stats-report.ts';
import { statsWordsOf } from '../../infra/tools/stats-words.ts';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { realCatalog } from '../unit/builders.ts';
import { statsFixture } from '../unit/stats-fixtures.ts';
import { axeViolations, describeViolations } from './axe.ts';

/**
 * The statistics file of `npm run stats -- --html`, rendered from fixtures and opened in Debian's Chromium: axe-core
 * finds no WCAG 2.2 AA violation, at 320 CSS pixels the page does not scroll sideways (the tables scroll in their
 * own region), and every chart is followed by a table.
 */

const HTML = renderStatsHtml(summariseStats(statsFixture()), statsWordsOf(realCatalog()), new Date('2026-12-02T09:30:00Z'));

let browser: FileBrowser;

beforeAll(async () => {
  browser = await browserForFile();
});

afterAll(async () => {
  await browser?.close();
});

async function open(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  // Offline: the file must need nothing from the network, so any request it makes fails the test.
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.setContent(HTML, { waitUntil: 'load' });
  expect(requests.filter((url) => !url.startsWith('data:') && url !== 'about:blank')).toEqual([]);
  return page;
}

describe('the statistics file', () => {
  it.each([1280, 320])('has no axe violations at %i px', async (width) => {
    const page = await open(width);

    const violations = await axeViolations(page);

    expect(violations, describeViolations(`statistikk ${width} px`, violations)).toEqual([]);
  });

  it('does not scroll sideways at 320 px: the wide tables scroll in their own focusable region', async () => {
    const page = await open(320);

    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      window: document.documentElement.clientWidth,
      scrollingTables: [...document.querySelectorAll('.table-wrap')].filter((wrap) => wrap.scrollWidth > wrap.clientWidth).length,
    }));

    expect(widths.page).toBeLessThanOrEqual(widths.window);
    expect(widths.scrollingTables).toBeGreaterThan(0);
  });

  it('follows every chart with its table, and names the chart', async () => {
    const page = await open(1280);

    const charts = await page.evaluate(() =>
      [...document.querySelectorAll('svg')].map((svg) => {
        const next = svg.closest('.chart')?.nextElementSibling;
        const labelledBy = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
        return {
          role: svg.getAttribute('role'),
          name: labelledBy
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
            .trim(),
          followedBy: next?.querySelector(':scope > table > caption')?.textContent ?? null,
        };
      }),
    );

    expect(charts).toHaveLength(5);
    for (const chart of charts) {
      expect(chart.role).toBe('img');
      expect(chart.name).not.toBe('');
      expect(chart.followedBy).not.toBeNull();
    }
  });
});
