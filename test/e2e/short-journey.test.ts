import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREEN_LIMITS } from '../../bench/journeys.ts';
import { REFERENCE_PATTERN } from '../../functions/core/reference.ts';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { fileByKeyboard } from '../support/keyboard-journey.ts';
import { storedItem, useTestPortal } from '../support/local-portal.ts';
import { answerScreen, CONTACT, currentPage, receiptReference, TYPICAL, waitForWizard, walkToReview } from './wizard-driver.ts';

/**
 * The shortest correct path for someone under stress: a typical fault by keyboard alone at 375 px in at most seven
 * screens the first time and five once the contact details are remembered; the urgent ones straight to the phone.
 */

const portal = useTestPortal();
let browser: FileBrowser;

beforeAll(async () => {
  browser = await browserForFile();
});

afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 375, height: 800 };
/** A whole report typed key by key takes a while on a busy machine; the limit is there to catch a hang, not to time it. */
const JOURNEY_TIMEOUT = 180_000;
async function phoneContext(): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE });
}

/** A fault reported as urgent: «Ja» to the first question, and on to the page that says to call. */
async function urgentFault(service: string, viewport = PHONE): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${portal.url}/meld-feil/${service}/`);
  await waitForWizard(page);
  await answerScreen(page, { urgent: 'yes', requestType: 'fault' });
  await page.getByRole('button', { name: 'Fortsett' }).click();
  return { context, page };
}

describe('a typical fault, by keyboard alone, on a 375 px phone', () => {
  it.each(['iccs', 'radio'] as const)(
    '%s: at most 7 screens the first time, at most 5 with the contact details remembered',
    async (service) => {
      const context = await phoneContext();
      const page = await context.newPage();
      const formUrl = `${portal.url}/meld-feil/${service}/`;

      const first = await fileByKeyboard(page, formUrl, TYPICAL[service], { remember: true });
      const firstReference = await receiptReference(page);
      const again = await fileByKeyboard(page, formUrl, TYPICAL[service]);
      const againReference = await receiptReference(page);

      console.info(
        `${service}: første gang ${first.screens.length} skjermer, ${first.keystrokes} tastetrykk; husket ${again.screens.length} skjermer, ${again.keystrokes} tastetrykk`,
      );
      expect(first.screens.length).toBeLessThanOrEqual(SCREEN_LIMITS['første gang']);
      expect(again.screens.length).toBeLessThanOrEqual(SCREEN_LIMITS.husket);
      expect(first.screens).toContain('contact');
      expect(again.screens).not.toContain('contact');
      expect(firstReference).toMatch(REFERENCE_PATTERN);
      expect((await storedItem(portal.stack, againReference))?.contact).toEqual((await storedItem(portal.stack, firstReference))?.contact);
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );
});

describe('«Husk meg på denne enheten»', () => {
  /** The browser's storage after one report filed by keyboard with «Husk meg» ticked, for each test to start from. */
  let remembered: Awaited<ReturnType<BrowserContext['storageState']>>;
  beforeAll(async () => {
    const context = await phoneContext();
    await fileByKeyboard(await context.newPage(), `${portal.url}/meld-feil/iccs/`, TYPICAL.iccs, { remember: true });
    remembered = await context.storageState();
    await context.close();
  }, JOURNEY_TIMEOUT);

  async function rememberedPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: PHONE, storageState: remembered });
    const page = await context.newPage();
    await page.goto(`${portal.url}/meld-feil/radio/`);
    await waitForWizard(page);
    return { context, page };
  }

  it(
    'keeps only the contact details, never what was written about the fault',
    async () => {
      const { context, page } = await rememberedPage();

      const kept = await page.evaluate(() => localStorage.getItem('serviceportal.kontakt') ?? '');

      expect(JSON.parse(kept)).toEqual({
        version: 1,
        values: {
          'contact.name': CONTACT['contact.name'],
          'contact.organisation': CONTACT['contact.organisation'],
          'contact.phone': CONTACT['contact.phone'],
          'contact.email': CONTACT['contact.email'],
        },
      });
      expect(kept).not.toContain('talegruppe');
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'is forgotten with «Glem meg» on any form page, and the contact page is asked again',
    async () => {
      const { context, page } = await rememberedPage();

      await page.getByRole('button', { name: 'Glem meg' }).click();

      await expect.poll(() => page.locator('[data-memory-status]').textContent()).toBe('Kontaktopplysningene dine er slettet fra denne enheten.');
      expect(await page.evaluate(() => localStorage.getItem('serviceportal.kontakt'))).toBeNull();
      expect(await page.locator('[data-memory]').isVisible()).toBe(false);
      expect(await page.locator('#contact-name').inputValue()).toBe('');
      const screens = (await fileByKeyboard(page, `${portal.url}/meld-feil/radio/`, TYPICAL.radio)).screens;
      expect(screens).toContain('contact');
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'is not offered without being asked: nothing is kept unless it is ticked',
    async () => {
      const context = await phoneContext();
      const page = await context.newPage();

      await fileByKeyboard(page, `${portal.url}/meld-feil/iccs/`, TYPICAL.iccs);

      expect(await page.evaluate(() => localStorage.getItem('serviceportal.kontakt'))).toBeNull();
      await context.close();
    },
    JOURNEY_TIMEOUT,
  );
});

describe('drafts', () => {
  const STARTED = new Date('2026-03-05T10:00:00+01:00');

  it.each([
    ['offered back within a day', 23, true],
    ['gone after a day', 25, false],
  ])('are %s', async (_case, hoursLater, offered) => {
    const context = await phoneContext();
    const page = await context.newPage();
    await page.clock.setFixedTime(STARTED);
    await page.goto(`${portal.url}/meld-feil/iccs/`);
    await waitForWizard(page);
    await answerScreen(page, { urgent: 'no', requestType: 'fault' });
    await page.getByRole('button', { name: 'Fortsett' }).click();
    await answerScreen(page, { summary: 'Skjermen fryser' });

    await page.clock.setFixedTime(new Date(STARTED.getTime() + hoursLater * 3_600_000));
    await page.reload();
    await waitForWizard(page);

    expect(await page.locator('[data-resume]').isVisible()).toBe(offered);
    expect((await page.evaluate(() => localStorage.getItem('serviceportal.utkast.iccs'))) !== null).toBe(offered);
    await context.close();
  });
});

describe('drafts, where nothing has been written', () => {
  it('are not offered for a service that fills in its only request type itself', async () => {
    const context = await phoneContext();
    const page = await context.newPage();
    await page.goto(`${portal.url}/meld-feil/change-request/`);
    await waitForWizard(page);

    await page.reload();
    await waitForWizard(page);

    expect(await page.locator('[data-resume]').isVisible()).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('serviceportal.utkast.change-request'))).toBeNull();
    await context.close();
  });
});

describe('urgent matters go to the phone', () => {
  it('at 320 × 640, «Ja» to the first question shows at least three numbers to call, the first without scrolling', async () => {
    const { context, page } = await urgentFault('radio', { width: 320, height: 640 });

    expect(await currentPage(page)).toBe('phone');
    const calls = page.locator('main [data-page="phone"] a[href^="tel:"]');
    expect(await calls.count()).toBeGreaterThanOrEqual(3);
    expect(await calls.first().getAttribute('href')).toBe('tel:08915');
    const box = await calls.first().boundingBox();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(640);
    expect(await page.getByRole('button', { name: 'Fortsett' }).isVisible()).toBe(false);
    await context.close();
  });

  it('takes a short written report after the call that says the reporter has phoned', async () => {
    const { context, page } = await urgentFault('radio');

    await page.getByRole('button', { name: 'Send en skriftlig melding i tillegg' }).click();
    const pages: string[] = [];
    for (let guard = 0; guard < 6 && (await currentPage(page)) !== 'review'; guard += 1) {
      pages.push((await currentPage(page)) ?? '');
      await answerScreen(page, { summary: 'Ingen dekning i Valdres', description: 'Alle terminalene mistet nettet.', ...CONTACT });
      await page.getByRole('button', { name: 'Fortsett' }).click();
    }
    const review = await page.locator('[data-review]').textContent();
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.waitForURL('**/meld-feil/kvittering/');

    expect(pages).toEqual(['about', 'contact']);
    expect(review).toContain('Har ringt Servicedesk');
    expect(await storedItem(portal.stack, await receiptReference(page))).toMatchObject({ urgent: 'yes', calledDesk: true, priority: 'P1', answers: {} });
    await context.close();
  });

  it('forgets «Har ringt Servicedesk» when the reporter goes back and says it is not urgent after all', async () => {
    const { context, page } = await urgentFault('iccs');
    await page.getByRole('button', { name: 'Send en skriftlig melding i tillegg' }).click();

    await page.getByRole('link', { name: 'Tilbake' }).click();
    await page.getByRole('link', { name: 'Tilbake' }).click();
    expect(await currentPage(page)).toBe('start');
    await answerScreen(page, { urgent: 'no' });
    const screens = await walkToReview(page, TYPICAL.iccs);

    expect(screens.map((screen) => screen.page)).toEqual(['start', 'about', 'iccs-1', 'impact', 'contact', 'review']);
    expect(await page.locator('[data-review]').textContent()).not.toContain('Har ringt Servicedesk');
    await context.close();
  });

  it('takes Forward past a changed answer to the first screen still to answer, not past it to «Sjekk svarene»', async () => {
    const { context, page } = await urgentFault('iccs');
    expect(await currentPage(page)).toBe('phone');

    await page.goBack();
    await expect.poll(() => currentPage(page)).toBe('start');
    await answerScreen(page, { urgent: 'no' });
    await page.goForward();

    await expect.poll(() => currentPage(page)).toBe('about');
    await context.close();
  });
});
