import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { useTestPortal } from '../support/local-portal.ts';
import { builtPages } from '../site/built-pages.ts';
import { axeViolations, describeViolations, loadAxeInEveryPage } from './axe.ts';
import { wordsBrokenInside } from './broken-words.ts';

/**
 * Every built page of site/dist, served by the local portal under its real security headers: axe-core finds no
 * WCAG 2.2 AA violation, and at 320 CSS pixels wide nothing scrolls sideways (WCAG 1.4.10 Reflow) and no word is
 * broken except where bokmål hyphenates it.
 */

const PATHS = [...builtPages().keys()].sort();
const SCREENSHOTS = join(tmpdir(), 'serviceportal-a11y');
const PHONE = { width: 320, height: 640 };
const DESKTOP = { width: 1280, height: 800 };

const portal = useTestPortal();
let browser: FileBrowser;
let page: Page;

beforeAll(async () => {
  browser = await browserForFile();
  // Under the site's real Content-Security-Policy: axe-core comes in through the browser's debugging protocol, which
  // the policy does not govern, so a style or script the policy blocks shows here as it would for people.
  const context = await browser.newContext({ viewport: PHONE });
  await loadAxeInEveryPage(context);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a built page; a page that is not served as itself (say, site/dist rebuilt meanwhile) fails plainly. */
async function open(path: string): Promise<void> {
  const response = await page.goto(`${portal.url}${path}`, { waitUntil: 'load' });
  expect(response?.status(), `${path} ble ikke levert som seg selv`).toBe(200);
}

// One visit per page: loaded on a 320 px phone for Reflow and words, then widened to 1280 px for axe-core.
describe('every built page', () => {
  it.each(PATHS)(
    '%s: at 320 px nothing scrolls sideways and words break only where bokmål hyphenates them; at 1280 px axe-core finds no WCAG 2.0 A/AA, 2.1 AA or 2.2 AA violation',
    async (path) => {
      await page.setViewportSize(PHONE);
      await open(path);

      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      if (scrollWidth > clientWidth) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        const file = join(SCREENSHOTS, `${path.replace(/[^a-z0-9]+/gi, '_') || 'root'}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect.fail(`${path} er ${scrollWidth} px bred i et vindu på ${clientWidth} px; skjermbilde: ${file}`);
      }
      expect(await wordsBrokenInside(page), `${path}: ord brutt midt i ved 320 px`).toEqual([]);

      await page.setViewportSize(DESKTOP);
      const violations = await axeViolations(page);

      expect(violations, describeViolations(path, violations)).toEqual([]);
    },
  );
});
