import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, loadAxeInEveryPage } from '../a11y/axe.ts';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { useTestPortal } from '../support/local-portal.ts';
import { answerScreen, CONTACT, currentPage, NOT_URGENT_FAULT, waitForWizard, type Answers } from './wizard-driver.ts';

/** axe-core on every step of the wizard (and its error state, confirmation and status pages) at 320 px: WCAG 2.2 AA, no violations, no sideways scrolling. */

const portal = useTestPortal();
let browser: FileBrowser;
let page: Page;

beforeAll(async () => {
  browser = await browserForFile();
  // 320 CSS pixels wide: WCAG 1.4.10 reflow, the width 400% zoom gives on a 1280-pixel screen. axe-core comes in as
  // each page starts (loadAxeInEveryPage), so the pages keep their Content-Security-Policy.
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  await loadAxeInEveryPage(context);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** What axe-core finds on the page as it is now, with where, and `reflow` if it scrolls sideways at 320 px. */
async function violations(): Promise<string[]> {
  const width = await page.evaluate(() =>
    document.documentElement.scrollWidth > document.documentElement.clientWidth ? document.documentElement.scrollWidth : undefined,
  );
  const overflow = width === undefined ? [] : [`reflow: ${width} px bred ved 320 px`];
  return [...overflow, ...(await axeViolations(page)).map((violation) => `${violation.id}: ${violation.targets.join(', ')}`)];
}

const ANSWERS: Answers = {
  ...NOT_URGENT_FAULT,
  summary: 'Ingen lyd i talegruppe',
  'answers.controlRoom': 'AMK Innlandet',
  'answers.operatorPosition': '3',
  'answers.affectedFunction': 'radio',
  'answers.faultState': 'ongoing',
  description: 'Stille i talegruppen.',
  ...CONTACT,
};

describe('axe-core on the wizard', () => {
  it('finds no violations and no sideways scrolling on any step, the error summary, the confirmation or the status page', async () => {
    const results: Record<string, string[]> = {};
    await page.goto(`${portal.url}/meld-feil/iccs/`);
    await waitForWizard(page);

    await page.getByRole('button', { name: 'Fortsett' }).click();
    results['start (error summary)'] = await violations();
    await answerScreen(page, { urgent: 'yes', requestType: 'fault' });
    await page.getByRole('button', { name: 'Fortsett' }).click();
    results.phone = await violations();
    await page.getByRole('link', { name: 'Tilbake' }).click();
    for (let guard = 0; guard < 30; guard += 1) {
      const name = (await currentPage(page)) ?? '';
      results[name] = await violations();
      if (name === 'review') break;
      await answerScreen(page, ANSWERS);
      await page.getByRole('button', { name: 'Fortsett' }).click();
    }
    await page.route('**/api/reports', (route) => route.abort());
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await page.getByRole('heading', { name: 'Meldingen ble ikke sendt' }).waitFor();
    results['review (sending feilet)'] = await violations();
    await page.unroute('**/api/reports');
    await page.getByRole('button', { name: 'Prøv å sende igjen' }).click();
    await page.waitForURL('**/meld-feil/kvittering/');
    await page.locator('#receipt-priority h2').waitFor();
    results.kvittering = await violations();
    await page.locator('#status-link').click();
    await page.locator('#status-details').waitFor();
    results.status = await violations();
    await page.goto(`${portal.url}/meld-feil/`);
    results['meld-feil (tjenester)'] = await violations();
    // The one-page form as a browser without JavaScript gets it: the site's scripts are kept from loading.
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(`${portal.url}/meld-feil/iccs/`);
    results['skjema uten JavaScript'] = await violations();
    await page.unroute('**/_astro/*.js');

    console.info(
      Object.entries(results)
        .map(([step, found]) => `axe ${step}: ${found.length} brudd`)
        .join('\n'),
    );
    expect(Object.keys(results)).toEqual(expect.arrayContaining(['start', 'phone', 'about', 'iccs-1', 'impact', 'contact', 'review']));
    expect(Object.entries(results).filter(([, found]) => found.length > 0)).toEqual([]);
  });
});
