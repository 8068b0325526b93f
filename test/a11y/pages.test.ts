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

const portal = useTestPortal();
let browser: FileBrowser;
let desktop: Page;
let narrow: Page;

beforeAll(async () => {
  browser = await browserForFile();
  // axe-core is injected as a script, which the site's Content-Security-Policy rightly forbids; the 320 px pass keeps it.
  const desktopContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  await loadAxeInEveryPage(desktopContext);
  desktop = await desktopContext.newPage();
  narrow = await browser.newPage({ viewport: { width: 320, height: 640 } });
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a built page; a page that is not served as itself (say, site/dist rebuilt meanwhile) fails plainly. */
async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${portal.url}${path}`, { waitUntil: 'load' });
  expect(response?.status(), `${path} ble ikke levert som seg selv`).toBe(200);
}

describe('axe-core, WCAG 2.0 A/AA, 2.1 AA and 2.2 AA', () => {
  it.each(PATHS)('%s has no violations', async (path) => {
    await open(desktop, path);

    const violations = await axeViolations(desktop);

    expect(violations, describeViolations(path, violations)).toEqual([]);
  });
});

// One visit per page at 320 px for both checks: they look at the same layout.
describe('320 px wide: WCAG 1.4.10 Reflow, and words', () => {
  it.each(PATHS)('%s does not scroll sideways, and breaks words only where bokmål hyphenates them', async (path) => {
    await open(narrow, path);

    const { scrollWidth, clientWidth } = await narrow.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    const broken = await wordsBrokenInside(narrow);

    if (scrollWidth > clientWidth) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const file = join(SCREENSHOTS, `${path.replace(/[^a-z0-9]+/gi, '_') || 'root'}.png`);
      await narrow.screenshot({ path: file, fullPage: true });
      expect.fail(`${path} er ${scrollWidth} px bred i et vindu på ${clientWidth} px; skjermbilde: ${file}`);
    }
    expect(broken, `${path}: ord brutt midt i ved 320 px`).toEqual([]);
  });
});
