import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIONAL_ID_MESSAGE } from '../../functions/core/national-id.ts';
import { REFERENCE_PATTERN } from '../../functions/core/reference.ts';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { storedReports, useTestPortal } from '../support/local-portal.ts';
import {
  answerScreen,
  CONTACT,
  currentPage,
  fieldsOnScreen,
  NOT_URGENT_FAULT,
  receiptReference,
  waitForWizard,
  walkToReview,
  type Answers,
} from './wizard-driver.ts';

/** The wizard as people meet it: by keyboard, with mistakes, a reload, a broken API. */

const portal = useTestPortal();
let browser: FileBrowser;
let context: BrowserContext;
let page: Page;

const ICCS: Answers = {
  ...NOT_URGENT_FAULT,
  summary: 'Ingen lyd i talegruppe på plass 3',
  'answers.controlRoom': 'AMK Innlandet',
  'answers.operatorPosition': '3',
  'answers.affectedFunction': 'radio',
  'answers.faultState': 'ongoing',
  description: 'Stille i talegruppen siden 14.05.',
  ...CONTACT,
};

beforeAll(async () => {
  browser = await browserForFile();
});

afterAll(async () => {
  await browser?.close();
});

async function freshPage(): Promise<Page> {
  await context?.close();
  context = await browser.newContext();
  page = await context.newPage();
  await page.goto(`${portal.url}/meld-feil/iccs/`);
  await waitForWizard(page);
  return page;
}

const activeMatches = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

async function tabTo(selector: string): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    if (await activeMatches(selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function answerByKeyboard(name: string, value: string): Promise<void> {
  await tabTo(`[name="${name}"]`);
  const isRadio = await activeMatches('input[type="radio"]');
  if (!isRadio) return page.keyboard.type(value);
  await page.keyboard.press('Space');
  for (let presses = 0; presses < 10 && !(await activeMatches(`[value="${value}"]:checked`)); presses += 1) await page.keyboard.press('ArrowDown');
}

const errorSummaryLinks = () => page.locator('[data-error-summary]:not([hidden]) a').allTextContents();

describe('the wizard in the browser', () => {
  it('files a report by keyboard alone, from the start question to the confirmation with priority and status link', async () => {
    await freshPage();

    for (let guard = 0; guard < 30 && (await currentPage(page)) !== 'review'; guard += 1) {
      for (const name of await fieldsOnScreen(page)) await answerByKeyboard(name, ICCS[name] ?? '');
      await tabTo('[data-next]');
      await page.keyboard.press('Enter');
    }
    await tabTo('[data-send]');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/meld-feil/kvittering/');

    expect(await receiptReference(page)).toMatch(REFERENCE_PATTERN);
    await expect.poll(() => page.locator('#receipt-priority').textContent()).toContain('Foreslått prioritet: P4 lav');
    expect(await page.locator('#status-link').getAttribute('href')).toMatch(/^\/meld-feil\/status\/#referanse=HDO-\d{4}-\d{6}&token=/);
    await page.locator('#status-link').click();
    await expect.poll(() => page.locator('#status-details').textContent()).toContain('Kontrollromsløsningen (ICCS)');
  });

  it('shows every problem in a summary that takes focus and links to the field, and keeps what was typed', async () => {
    await freshPage();
    await page.getByRole('button', { name: 'Fortsett' }).click();
    const atStart = await errorSummaryLinks();
    await answerScreen(page, { urgent: 'no', requestType: 'fault' });
    await page.getByRole('button', { name: 'Fortsett' }).click();
    await answerScreen(page, { summary: 'Plass 3', description: 'Stille.' });
    await page.getByRole('button', { name: 'Fortsett' }).click();
    await answerScreen(page, { ...ICCS, 'answers.controlRoom': `AMK ${'01019012480'}` });
    await page.getByRole('button', { name: 'Fortsett' }).click();

    expect(atStart).toEqual(['Svar ja eller nei.', 'Velg hva henvendelsen gjelder.']);
    expect(await errorSummaryLinks()).toEqual([NATIONAL_ID_MESSAGE]);
    expect(await activeMatches('[data-error-summary]')).toBe(true);
    expect(await page.locator('#answers-controlRoom-error').textContent()).toBe(NATIONAL_ID_MESSAGE);
    expect(await page.locator('#answers-controlRoom').getAttribute('aria-invalid')).toBe('true');
    await page.locator('[data-error-summary] a').click();
    expect(await activeMatches('#answers-controlRoom')).toBe(true);
    expect(await page.locator('#answers-controlRoom').inputValue()).toBe('AMK 01019012480');
  });

  it('offers to continue a saved draft after a reload, with every answer back in place', async () => {
    await freshPage();
    await answerScreen(page, { urgent: 'no', requestType: 'fault' });
    await page.getByRole('button', { name: 'Fortsett' }).click();
    await answerScreen(page, { summary: 'Skjermen fryser', description: 'Bildet står stille.' });
    await page.getByRole('button', { name: 'Fortsett' }).click();

    await page.reload();
    await page.getByRole('button', { name: 'Fortsett der du slapp' }).click();

    expect(await currentPage(page)).toBe('iccs-1');
    await page.getByRole('link', { name: 'Tilbake' }).click();
    expect(await currentPage(page)).toBe('about');
    expect(await page.locator('#summary').inputValue()).toBe('Skjermen fryser');
  });

  it('says so plainly when the API is down, keeps the draft, offers e-mail and the phone ladder, and retries with the same key', async () => {
    await freshPage();
    const keys: string[] = [];
    await page.route('**/api/reports', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      await route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"Service Unavailable"}' });
    });
    await walkToReview(page, ICCS);

    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.getByRole('heading', { name: 'Meldingen ble ikke sendt' }).waitFor();
    const mailto = (await page.getByRole('link', { name: 'Send på e-post i stedet' }).getAttribute('href')) ?? '';
    const failure = await page.locator('[data-send-failed]').textContent();
    const draft = await page.evaluate(() => localStorage.getItem('serviceportal.utkast.iccs'));
    await page.unroute('**/api/reports');
    page.on('request', (request) => request.url().endsWith('/api/reports') && keys.push(request.headers()['idempotency-key'] ?? ''));
    await page.getByRole('button', { name: 'Prøv å sende igjen' }).click();
    await page.waitForURL('**/meld-feil/kvittering/');

    expect(mailto).toMatch(/^mailto:servicedesk@hdo\.example\?subject=/);
    expect(decodeURIComponent(mailto)).toContain('Hvilket kontrollrom gjelder det?: AMK Innlandet');
    expect(failure).toContain('Serviceportalen svarte med en feil (503)');
    expect(failure).toContain('08915');
    expect(failure).toContain('61 18 28 00');
    expect(draft).toContain('Ingen lyd i talegruppe på plass 3');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(await page.evaluate(() => localStorage.getItem('serviceportal.utkast.iccs'))).toBeNull();
  });
});

describe('the status page', () => {
  it('says in Norwegian that nothing was found for an unknown reference or a wrong token', async () => {
    await freshPage();

    await page.goto(`${portal.url}/meld-feil/status/#referanse=HDO-2026-999999&token=feil-kode`);

    await expect.poll(() => page.locator('#status-message').textContent()).toContain('Fant ingen melding med referansen HDO-2026-999999');
    expect(await page.locator('#status-details').isHidden()).toBe(true);
  });
});

describe('without JavaScript', () => {
  it('files a report from the one-page form and lands on the confirmation page', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const form = await plain.newPage();
    await form.goto(`${portal.url}/meld-feil/iccs/`);
    const before = (await storedReports(portal.stack)).length;

    await form.getByRole('group', { name: 'Er pasientsikkerheten eller nødmeldetjenesten berørt nå?' }).getByRole('radio', { name: 'Nei' }).check();
    await form.getByRole('radio', { name: 'Feil eller driftsforstyrrelse' }).check();
    await form.getByLabel('Kort overskrift', { exact: true }).fill('Ingen lyd uten JavaScript');
    await form.getByLabel('Hva skjer, og hva forventet du skulle skje?', { exact: true }).fill('Stille i talegruppen.');
    await form.getByLabel('Hvilket kontrollrom gjelder det?', { exact: true }).fill('AMK Innlandet');
    await form.getByLabel('Hvilken operatørplass gjelder det?', { exact: true }).fill('3');
    await form.getByRole('radio', { name: 'Radio og talegrupper' }).check();
    await form.getByRole('radio', { name: 'Av og til' }).check();
    await form.getByRole('radio', { name: 'Én bruker eller én operatørplass' }).check();
    await form.getByRole('group', { name: 'Kan dere jobbe rundt feilen i mellomtiden?' }).getByRole('radio', { name: 'Ja' }).check();
    for (const [label, value] of [
      ['Navn', 'Kari Nordmann'],
      ['Virksomhet', 'Sykehuset Innlandet'],
      ['Telefon', '912 34 567'],
      ['E-post', 'kari@example.no'],
    ]) {
      await form.getByLabel(label as string, { exact: true }).fill(value as string);
    }
    await form.getByRole('button', { name: 'Send meldingen' }).click();
    await form.waitForURL(/\/api\/reports\/HDO-\d{4}-\d{6}\/kvittering$/);

    // The page needs no script: the reference, the suggested priority and a status link are in it.
    const reference = (await form.locator('.reference').textContent()) ?? '';
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(await form.getByRole('heading', { level: 1 }).textContent()).toBe('Meldingen er mottatt');
    expect(await form.locator('.status-list').textContent()).toContain('P4 lav');
    expect((await storedReports(portal.stack)).length).toBe(before + 1);
    await form.getByRole('link', { name: 'Følg saken' }).click();
    expect(await form.locator('.reference').textContent()).toBe(reference);
    await plain.close();
  });
});
