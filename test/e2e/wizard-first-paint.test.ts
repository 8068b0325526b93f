import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { useTestPortal } from '../support/local-portal.ts';

/**
 * With JavaScript the first paint is already the wizard's first step, so nothing moves when the wizard takes over
 * (Lighthouse counted that jump as a layout shift of 0.38). Without JavaScript the one-page form shows, as before.
 */

const portal = useTestPortal();
let browser: FileBrowser;
let page: Page;

beforeAll(async () => {
  browser = await browserForFile();
});

afterAll(async () => {
  await browser?.close();
});

async function open(options: { scripts: boolean }): Promise<void> {
  await page?.context().close();
  page = await (await browser.newContext({ viewport: { width: 412, height: 823 } })).newPage();
  if (!options.scripts) await page.route(/\/_astro\/[^/]*\.js$/, (route) => route.abort());
  await page.goto(`${portal.url}/meld-feil/iccs/`);
}

describe('the wizard page before and after its script runs', () => {
  it('paints the first step, not the one-page form, before any script has run', async () => {
    await open({ scripts: false });

    expect(await page.locator('[data-step-indicator]').isVisible()).toBe(true);
    // The build puts soft hyphens in long words of headings (site/hyphenation.ts); they are not seen unless used.
    const heading = (await page.getByRole('heading', { level: 1 }).textContent())?.replaceAll('\u00ad', '');
    expect(heading).toMatch(/^\s*Steg 1 av 5 · Kontrollromsløsningen \(ICCS\)\s+Haster det\?\s*$/);
    expect(await page.getByRole('group', { name: 'Er pasientsikkerheten eller nødmeldetjenesten berørt nå?' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Fortsett' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Kort overskrift', { exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Send meldingen' }).count()).toBe(0);
  });

  it('moves nothing on the page when the wizard takes over', async () => {
    await open({ scripts: true });
    await page.locator('[data-step-indicator]:not([hidden])').waitFor();

    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );

    expect(shift).toBeLessThan(0.01);
  });

  it('falls back to the one-page form when the wizard’s code cannot be loaded', async () => {
    await page?.context().close();
    page = await (await browser.newContext()).newPage();
    await page.route(/\/_astro\/wizard\.[^/]*\.js$/, (route) => route.abort());
    await page.goto(`${portal.url}/meld-feil/iccs/`);

    await page.getByRole('button', { name: 'Send meldingen' }).waitFor();
    expect(await page.getByLabel('Kort overskrift', { exact: true }).isVisible()).toBe(true);
    expect(await page.locator('[data-step-indicator]').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Fortsett' }).count()).toBe(0);
  });

  it('carries out a press on «Fortsett» made before the wizard had loaded', async () => {
    await page?.context().close();
    page = await (await browser.newContext()).newPage();
    let releaseWizard = () => {};
    const wizardHeld = new Promise<void>((resolve) => (releaseWizard = resolve));
    await page.route(/\/_astro\/wizard\.[^/]*\.js$/, async (route) => {
      await wizardHeld;
      await route.continue();
    });
    await page.goto(`${portal.url}/meld-feil/iccs/`);

    await page.locator('#urgent-no').check();
    await page.locator('#requestType-fault').check();
    await page.getByRole('button', { name: 'Fortsett' }).click();
    releaseWizard();

    await page.locator('form[data-wizard-ready]').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('[data-page]:not([hidden])').getAttribute('data-page')).toBe('about');
  });

  it('shows the one-page form without JavaScript', async () => {
    await page?.context().close();
    page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${portal.url}/meld-feil/iccs/`);

    expect(await page.getByLabel('Kort overskrift', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Send meldingen' }).isVisible()).toBe(true);
    expect(await page.locator('[data-step-indicator]').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Fortsett' }).count()).toBe(0);
  });
});
