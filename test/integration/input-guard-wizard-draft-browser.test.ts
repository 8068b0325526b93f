import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../unit/builders.ts';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { answerScreen, waitForWizard } from '../e2e/wizard-driver.ts';

/**
 * The wizard's draft in a real browser (issue 14, finding 4: drafts were written on every keystroke before
 * validation, so a typed fødselsnummer stayed on a shared control-room PC). The site is built from content/ into a
 * folder of its own, so this tests the wizard as it is now, not the last `npm run build`. The browser's clock is
 * fixed: no test reads the wall clock.
 */

let site: FixtureSite;

beforeAll(async () => {
  site = await startFixtureSite(CONTENT_DIR);
}, 180_000);

afterAll(async () => {
  await site?.stop();
});

const STARTED = new Date('2026-03-05T10:00:00+01:00');
const draftOf = (page: Page, serviceId: string) => page.evaluate((key) => localStorage.getItem(key), `serviceportal.utkast.${serviceId}`);

async function openIccs(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(STARTED);
  await page.goto(`${site.portal.url}/meld-feil/iccs/`);
  await waitForWizard(page);
  await answerScreen(page, { urgent: 'no', requestType: 'fault' });
  await page.getByRole('button', { name: 'Fortsett' }).click();
  return { page, close: () => context.close() };
}

describe('the wizard’s draft on this device', () => {
  it('keeps what passes the rules and never a field holding a national identity number, however it is written', async () => {
    const { page, close } = await openIccs();

    await answerScreen(page, { summary: 'Skjermen fryser', description: 'Gjelder pasient 01.01.90 100\u00a046' });
    const draft = await draftOf(page, 'iccs');
    await close();

    expect(draft).toContain('Skjermen fryser');
    expect(draft).not.toMatch(/100.?46/);
    expect(draft).not.toContain('Gjelder pasient');
  });

  it('drops a field kept earlier once a national identity number is typed into it', async () => {
    const { page, close } = await openIccs();

    await answerScreen(page, { summary: 'Skjermen fryser', description: 'Panelet er grått' });
    const before = await draftOf(page, 'iccs');
    await page.locator('#description').pressSequentially(' hos 15063210002');
    const after = await draftOf(page, 'iccs');
    await close();

    expect(before).toContain('Panelet er grått');
    expect(after).toContain('Skjermen fryser');
    expect(after).not.toContain('Panelet er grått');
    expect(after).not.toContain('15063210002');
  });

  it('deletes the drafts of other services that are more than 24 hours old when a form is opened', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.clock.setFixedTime(STARTED);
    await page.goto(`${site.portal.url}/`);
    await page.evaluate(
      ([old, fresh]) => {
        localStorage.setItem('serviceportal.utkast.radio', old as string);
        localStorage.setItem('serviceportal.utkast.relocation', fresh as string);
      },
      [
        JSON.stringify({
          values: { summary: 'Gammel' },
          page: 'about',
          idempotencyKey: 'k1',
          savedAt: new Date(STARTED.getTime() - 25 * 3_600_000).toISOString(),
        }),
        JSON.stringify({ values: { summary: 'Fersk' }, page: 'about', idempotencyKey: 'k2', savedAt: new Date(STARTED.getTime() - 3_600_000).toISOString() }),
      ],
    );

    await page.goto(`${site.portal.url}/meld-feil/iccs/`);
    await waitForWizard(page);
    const left = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('serviceportal.utkast.'))
        .sort(),
    );
    await context.close();

    expect(left).toEqual(['serviceportal.utkast.relocation']);
  });
});
