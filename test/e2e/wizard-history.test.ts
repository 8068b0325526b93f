import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { useTestPortal } from '../support/local-portal.ts';
import { answerScreen, CONTACT, currentPage, NOT_URGENT_FAULT, waitForWizard, walkToReview, type Answers } from './wizard-driver.ts';

/** The browser's Back and Forward buttons step through the wizard instead of leaving it. */

const portal = useTestPortal();
let browser: FileBrowser;
let page: Page;

beforeAll(async () => {
  browser = await browserForFile();
});

afterAll(async () => {
  await browser?.close();
});

const ANSWERS: Answers = { urgent: 'no', requestType: 'fault', summary: 'Ingen lyd i talegruppe på plass 3', description: 'Stille i talegruppen.' };

/** The service list first, so there is a page before the wizard to go back to. */
async function open(): Promise<void> {
  await page?.context().close();
  page = await (await browser.newContext()).newPage();
  await page.goto(`${portal.url}/meld-feil/`);
  await page.goto(`${portal.url}/meld-feil/iccs/`);
  await waitForWizard(page);
}

async function waitForPage(name: string): Promise<void> {
  await page.waitForFunction((expected) => document.querySelector('[data-page]:not([hidden])')?.getAttribute('data-page') === expected, name);
}

async function forwardTo(target: string): Promise<void> {
  for (let guard = 0; guard < 10 && (await currentPage(page)) !== target; guard += 1) {
    const before = await currentPage(page);
    await answerScreen(page, ANSWERS);
    await page.getByRole('button', { name: 'Fortsett' }).click();
    await page.waitForFunction((previous) => document.querySelector('[data-page]:not([hidden])')?.getAttribute('data-page') !== previous, before);
  }
  expect(await currentPage(page)).toBe(target);
}

const stepHeadingHasFocus = () => page.evaluate(() => document.activeElement?.matches('[data-wizard-heading]') ?? false);
const indicator = () => page.locator('[data-step-indicator]').textContent();

describe('Back and Forward in the browser', () => {
  it('move one step at a time, announcing the step as the wizard buttons do', async () => {
    await open();
    await forwardTo('iccs-1');

    await page.goBack();
    await waitForPage('about');
    expect(await indicator()).toBe('Steg 2 av 6 · Kontrollromsløsningen (ICCS)');
    expect(await stepHeadingHasFocus()).toBe(true);
    expect(await page.title()).toMatch(/^Beskriv saken – Steg 2 av 6 · Kontrollromsløsningen \(ICCS\) – /);

    await page.goBack();
    await waitForPage('start');
    await page.goForward();
    await waitForPage('about');
    await page.goForward();
    await waitForPage('iccs-1');
    expect(await stepHeadingHasFocus()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/meld-feil/iccs/');
  });

  it('leave the wizard only from its first step', async () => {
    await open();
    await forwardTo('about');

    await page.goBack();
    await waitForPage('start');
    expect(new URL(page.url()).pathname).toBe('/meld-feil/iccs/');

    await page.goBack();
    await page.waitForURL(`${portal.url}/meld-feil/`);
  });

  it('agree with the wizard’s own Tilbake: it is one step back in the history too', async () => {
    await open();
    await forwardTo('iccs-1');

    await page.getByRole('link', { name: 'Tilbake' }).click();
    await waitForPage('about');
    expect(await stepHeadingHasFocus()).toBe(true);

    await page.goBack();
    await waitForPage('start');
    await page.goForward();
    await waitForPage('about');
  });

  it('leave the form by Tilbake on the first step, for the list of services', async () => {
    await open();

    await page.getByRole('link', { name: 'Tilbake' }).click();

    await page.waitForURL(`${portal.url}/meld-feil/`);
  });

  it('keep the draft: after going back and a reload the reporter continues where they were, answers intact', async () => {
    await open();
    await forwardTo('iccs-1');

    await page.goBack();
    await waitForPage('about');
    await page.reload();
    await page.getByRole('button', { name: 'Fortsett der du slapp' }).click();

    await waitForPage('about');
    expect(await page.locator('#summary').inputValue()).toBe(ANSWERS.summary);
  });

  it('skip the steps of a report once it is sent: Back from the confirmation goes to the page before the form', async () => {
    await open();
    await walkToReview(page, {
      ...NOT_URGENT_FAULT,
      summary: 'Ingen lyd i talegruppe på plass 3',
      'answers.controlRoom': 'AMK Innlandet',
      'answers.operatorPosition': '3',
      'answers.affectedFunction': 'radio',
      'answers.faultState': 'ongoing',
      description: 'Stille i talegruppen siden 14.05.',
      ...CONTACT,
    });

    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.waitForURL('**/meld-feil/kvittering/**');
    await page.goBack();

    await page.waitForURL(`${portal.url}/meld-feil/`);
  });
});
