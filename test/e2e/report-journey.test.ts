import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_PATTERN } from '../../functions/core/reference.ts';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { emailsAbout, SITE_DIR, storedItem, useTestPortal } from '../support/local-portal.ts';
import { CONTACT, NOT_URGENT_FAULT, receiptReference, walkToReview } from './wizard-driver.ts';

/** A person in Chromium: from the front page to a reference on screen, a report in the table and an e-mail sent. */

const portal = useTestPortal();
let browser: FileBrowser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(join(SITE_DIR, 'index.html'))) {
    throw new Error(`Nettsiden er ikke bygget (${SITE_DIR} mangler). Kjør «npm test», som bygger først, eller «npm run build».`);
  }
  browser = await browserForFile();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('reporting a fault in the browser', () => {
  it('shows the flagship article from the front page', async () => {
    await page.goto(portal.url);

    await page.getByRole('link', { name: 'Ønsket informasjon ved innmelding av feil' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ønsket informasjon ved innmelding av feil');
  });

  it('submits an ICCS fault and shows its reference; the report is stored and the team is e-mailed', async () => {
    const consoleErrors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    await page.goto(portal.url);
    await page.getByRole('link', { name: 'Meld en feil som ikke haster' }).click();
    await page.getByRole('link', { name: 'Kontrollromsløsningen (ICCS)' }).click();

    await walkToReview(page, {
      ...NOT_URGENT_FAULT,
      summary: 'Ingen lyd i talegruppe på plass 3',
      'answers.controlRoom': 'AMK Innlandet',
      'answers.operatorPosition': '3',
      'answers.affectedFunction': 'radio',
      'answers.faultState': 'intermittent',
      description: 'Stille i talegruppen siden 14:05.',
      ...CONTACT,
    });
    await page.getByRole('button', { name: 'Send meldingen' }).click();

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Meldingen er mottatt');
    const reference = await receiptReference(page);
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);

    expect(await storedItem(portal.stack, reference)).toMatchObject({
      serviceId: 'iccs',
      answers: { controlRoom: 'AMK Innlandet', operatorPosition: '3', affectedFunction: 'radio', faultState: 'intermittent' },
    });
    await portal.stack.streamIdle();
    const emails = await emailsAbout(portal.stack, reference);
    expect(emails.map((email) => email.destination.to)).toEqual([['servicedesk@hdo.example'], ['kari.nordmann@example.no']]);
    expect(emails[0]?.subject).toBe(`[P4][ICCS] ${reference} Ingen lyd i talegruppe på plass 3`);
  });
});
