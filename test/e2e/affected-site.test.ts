import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICES_DOCUMENT_FORMAT, type PublishedNotice } from '../../functions/core/notices-document.ts';
import { AFFECTED_SITE_SUBJECT } from '../../functions/core/affected-site-email.ts';
import { affectedPagePath, NOTICES_DOCUMENT_KEY } from '../../functions/core/notice-paths.ts';
import { auditPage, loadAxeInEveryPage } from '../a11y/axe.ts';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { SITE_DIR, sentEmails, startTestPortal, temporaryDataDir, type TestPortal } from '../support/local-portal.ts';

/**
 * «Vi er også rammet» as a control room on a phone meets it (375 px, Debian Chromium): a fault published after the
 * site was built (so the page adds it from the live document), the contact details remembered by «Husk meg», one
 * tap, and the answer; without remembered details, the form's own error summary. axe-clean in every state.
 */

const VIEWPORT = { width: 375, height: 720 };
const REMEMBERED = {
  'contact.name': 'Kari Nordmann',
  'contact.organisation': 'AMK Bergen',
  'contact.phone': '55 12 34 56',
  'contact.email': 'kari@helse-bergen.no',
};
const fault: PublishedNotice = {
  id: 'test-utfall-iccs',
  title: 'Utfall i kontrollromsløsningen i Helse Vest',
  severity: 'outage',
  services: ['iccs'],
  areas: ['Vestland'],
  start: new Date(Date.now() - 3600_000).toISOString(),
  updates: [],
  html: '<p>Vi jobber med saken.</p>',
};

const work = mkdtempSync(join(tmpdir(), 'serviceportal-affected-'));
const data = temporaryDataDir();
let portal: TestPortal;
let browser: FileBrowser;

beforeAll(async () => {
  // The built site, with a notices document published after it: the fault is in no built page.
  const siteDir = join(work, 'dist');
  cpSync(SITE_DIR, siteDir, { recursive: true });
  writeFileSync(
    join(siteDir, ...NOTICES_DOCUMENT_KEY.split('/')),
    JSON.stringify({ format: NOTICES_DOCUMENT_FORMAT, publishedAt: new Date().toISOString(), notices: [fault] }),
  );
  portal = await startTestPortal(data.path, { siteDir });
  browser = await browserForFile();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  data.remove();
  rmSync(work, { recursive: true, force: true });
});

describe('«Vi er også rammet» in the browser', () => {
  it('with remembered details: the fault chosen from the link, the details on one line, one tap, and the answer', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await loadAxeInEveryPage(context);
    const page = await context.newPage();
    await page.goto(`${portal.url}/`);
    await page.evaluate((values) => localStorage.setItem('serviceportal.kontakt', JSON.stringify({ version: 1, values })), REMEMBERED);

    await page.goto(`${portal.url}${affectedPagePath(fault.id)}`);
    await page.locator(`#notice-${fault.id}:checked`).waitFor({ state: 'attached' });
    await page.locator('[data-remembered]').waitFor();

    expect(await page.locator('[data-remembered-text]').textContent()).toBe('AMK Bergen, ved Kari Nordmann (55 12 34 56, kari@helse-bergen.no).');
    expect(await page.locator('[data-contact-fields]').isHidden()).toBe(true);
    expect(await auditPage(page)).toEqual([]);

    await page.getByRole('button', { name: 'Legg oss til' }).click();
    await page.locator('[data-affected-done]').waitFor();

    expect(await page.locator('[data-affected-done-text]').textContent()).toBe(
      'Dere er de første som har sagt fra om dette. Servicedesk har fått beskjed. Oppdateringer sendes til kari@helse-bergen.no.',
    );
    expect(await page.locator('[data-affected-done-link]').getAttribute('href')).toBe(`/driftsmeldinger/${fault.id}/`);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-affected-done'))).toBe(true);
    expect(await auditPage(page)).toEqual([]);
    const desk = (await sentEmails(portal.stack)).filter((email) => email.subject.startsWith(AFFECTED_SITE_SUBJECT));
    expect(desk.map((email) => email.subject)).toEqual([`${AFFECTED_SITE_SUBJECT} ${fault.title} – 1 kontrollrom`]);
    await context.close();
  });

  it("without them: the contact questions, and an error summary in the form's words when they are left empty", async () => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await loadAxeInEveryPage(context);
    const page = await context.newPage();

    await page.goto(`${portal.url}${affectedPagePath(fault.id)}`);
    await page.locator(`#notice-${fault.id}:checked`).waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Legg oss til' }).click();
    await page.locator('[data-error-summary]:focus').waitFor();

    expect(await page.locator('[data-error-list] li').allTextContents()).toEqual([
      'Skriv inn hvilken virksomhet du melder for.',
      'Skriv inn navnet ditt.',
      'Skriv inn et telefonnummer vi kan nå deg på.',
      'Skriv inn e-postadressen din.',
    ]);
    expect(await auditPage(page)).toEqual([]);
    await context.close();
  });
});
