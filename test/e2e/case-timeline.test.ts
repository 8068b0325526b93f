import { auditPage, loadAxeInEveryPage } from '../a11y/axe.ts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoCaseStore } from '../../functions/adapters/dynamodb-case-store.ts';
import { moveReport } from '../../functions/core/move-report.ts';
import { RECEIPT_COOKIE, serverReceiptPath, statusLinkOf } from '../../functions/core/page-paths.ts';
import type { ReportEvent } from '../../functions/core/report-life.ts';
import { CONTENT_DIR } from '../support/content-copy.ts';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { iccsReport } from '../support/fixtures.ts';
import { postReport } from '../support/local-portal.ts';

/**
 * The case's life as the reporter sees it, on a site built from today's pages: the status page (with JavaScript)
 * and the receipt the API draws (without), each with the current state and a timeline, axe-clean at 320 px.
 */

let site: FixtureSite;
let reference = '';
let token = '';
let statusUrl = '';

beforeAll(async () => {
  site = await startFixtureSite(CONTENT_DIR);
  const submitted = await postReport(site.portal.url, iccsReport());
  statusUrl = String(submitted.body.statusUrl);
  ({ reference, token } = statusLinkOf(new URL(statusUrl, site.portal.url).hash));
  const deps = { store: createDynamoCaseStore(site.portal.stack.dynamodb, site.portal.stack.tableName), now: () => new Date() };
  const move = (event: Omit<ReportEvent, 'at'>) => moveReport(reference, { ...event, at: new Date().toISOString() }, deps);
  await move({ id: `test:${reference}:1`, kind: 'state', state: 'registered', actor: 'desk' });
  await move({
    id: `test:${reference}:2`,
    kind: 'state',
    state: 'awaitingReporter',
    actor: 'caseSystem',
    message: 'Hvilken talegruppe? <b>Svar</b> på e-posten.',
  });
}, 240_000);

afterAll(async () => {
  await site?.stop();
});

describe('the case’s life on the status page', () => {
  it('shows the current state, and a timeline of times, states, actors and the desk’s message as text', async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    await loadAxeInEveryPage(context);
    const page = await context.newPage();

    await page.goto(`${site.portal.url}${statusUrl}`);
    await page.locator('#status-timeline li').first().waitFor();

    expect(await page.locator('#status-message').textContent()).toBe('Servicedesk trenger noe fra deg før saken kan gå videre. Se e-posten fra Servicedesk.');
    expect(await page.locator('#status-details').textContent()).toContain('StatusVenter på deg');
    expect(await page.getByRole('heading', { name: 'Hva som har skjedd' }).isVisible()).toBe(true);
    const items = await page.locator('#status-timeline > li').allTextContents();
    expect(items.map((item) => item.replace(/^.* – /, ''))).toEqual([
      'Mottatt (Serviceportalen)',
      'Registrert (Servicedesk)',
      'Venter på deg (saksbehandlingssystemet)Melding: Hvilken talegruppe? <b>Svar</b> på e-posten.',
    ]);
    expect(await page.locator('#status-timeline time').first().getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await page.locator('#status-timeline b').count()).toBe(0);
    expect(await auditPage(page)).toEqual([]);
    await context.close();
  });

  it('shows the same on the receipt for a browser without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, bypassCSP: true, viewport: { width: 320, height: 640 } });
    const url = new URL(serverReceiptPath(reference), site.portal.url);
    await context.addCookies([{ name: RECEIPT_COOKIE, value: token, url: url.href }]);
    const page = await context.newPage();

    await page.goto(url.href);

    expect(await page.locator('.status-list').textContent()).toContain('Venter på deg. Servicedesk trenger noe fra deg');
    const items = await page.locator('.status-timeline > li').allTextContents();
    expect(items).toHaveLength(3);
    expect(items[2]).toContain('Venter på deg (saksbehandlingssystemet)Melding: Hvilken talegruppe? <b>Svar</b> på e-posten.');
    expect(await page.locator('.status-timeline time').count()).toBe(3);
    await context.close();
    // axe needs a script; the same page with JavaScript on, which it does not use.
    const audit = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    await loadAxeInEveryPage(audit);
    await audit.addCookies([{ name: RECEIPT_COOKIE, value: token, url: url.href }]);
    const audited = await audit.newPage();
    await audited.goto(url.href);
    expect(await auditPage(audited)).toEqual([]);
    await audit.close();
  });
});
