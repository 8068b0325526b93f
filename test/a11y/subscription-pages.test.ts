import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBSCRIBE_PATH } from '../../functions/core/notice-paths.ts';
import { CONFIRM_SUBSCRIPTION_ROUTE, TOKEN_PARAMETER, UNSUBSCRIBE_ROUTE } from '../../functions/core/subscription-paths.ts';
import { confirmationToken, unsubscribeToken } from '../../functions/core/subscription-tokens.ts';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { useTestPortal } from '../support/local-portal.ts';
import { axeViolations, describeViolations, loadAxeInEveryPage } from './axe.ts';

/**
 * The subscription pages as a subscriber meets them, filled in by the API (the built templates alone are checked
 * with every other page in pages.test.ts): the form after its script has answered, the confirmation and
 * unsubscribe pages a link opens, and the pages after each button. axe-core finds no WCAG 2.2 AA violation on
 * any, and none scrolls sideways at 320 px.
 */

const portal = useTestPortal();
let browser: FileBrowser;
let page: Page;
/** The key the local stack generated into its data folder, to sign links as the e-mails would carry them. */
const key = () => readFileSync(join(portal.dataDir, 'subscription-key'), 'utf8').trim();

beforeAll(async () => {
  browser = await browserForFile();
  // axe-core comes in as each page starts (loadAxeInEveryPage), so the pages keep their Content-Security-Policy.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await loadAxeInEveryPage(context);
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function expectAccessible(path: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(path, violations)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${path} ruller sidelengs ved 320 px`).toBeLessThanOrEqual(clientWidth);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('the subscription pages, filled in', () => {
  it('the form, after its script says the link is sent', async () => {
    await page.goto(`${portal.url}${SUBSCRIBE_PATH}`);
    await page.getByLabel('E-postadresse').fill('vakt@amk.example');
    await page.getByRole('button', { name: 'Abonner' }).click();
    await expect.poll(() => page.locator('[data-subscribe-status]').textContent()).toContain('Bekreft abonnement');

    await expectAccessible(SUBSCRIBE_PATH);
  });

  it('the form, after its script says what to correct', async () => {
    await page.goto(`${portal.url}${SUBSCRIBE_PATH}`);
    await page.getByLabel('E-postadresse').fill('vakt@amk.example');
    await page.getByLabel('Bare tjenestene jeg krysser av for').check();
    await page.getByRole('button', { name: 'Abonner' }).click();
    await expect.poll(() => page.locator('[data-subscribe-status]').textContent()).toContain('Velg minst én tjeneste');

    await expectAccessible(SUBSCRIBE_PATH);
  });

  it('the confirmation link, opened, and the page after its button', async () => {
    const token = confirmationToken(key(), { address: 'vakt@amk.example', choice: { all: false, services: ['radio', 'iccs'] }, issuedAt: new Date() });
    await page.goto(`${portal.url}${CONFIRM_SUBSCRIPTION_ROUTE}?${new URLSearchParams({ [TOKEN_PARAMETER]: token })}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Bekreft abonnementet');
    await expectAccessible(CONFIRM_SUBSCRIPTION_ROUTE);

    await page.getByRole('button', { name: 'Bekreft abonnement' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Abonnementet er startet');
    await expectAccessible(`${CONFIRM_SUBSCRIPTION_ROUTE} (POST)`);
  });

  it('the unsubscribe link, opened, and the page after its button', async () => {
    await page.goto(`${portal.url}${UNSUBSCRIBE_ROUTE}?${new URLSearchParams({ [TOKEN_PARAMETER]: unsubscribeToken(key(), 'vakt@amk.example') })}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Avslutt abonnementet');
    await expectAccessible(UNSUBSCRIBE_ROUTE);

    await page.getByRole('button', { name: 'Avslutt abonnementet' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Abonnementet er avsluttet');
    await expectAccessible(`${UNSUBSCRIBE_ROUTE} (POST)`);
  });

  it('an expired or altered link', async () => {
    await page.goto(`${portal.url}${CONFIRM_SUBSCRIPTION_ROUTE}?${TOKEN_PARAMETER}=endret.lenke`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Lenken kan ikke brukes');
    await expectAccessible(`${CONFIRM_SUBSCRIPTION_ROUTE} (avvist)`);
  });
});
