import { auditPage, loadAxeInEveryPage } from '../a11y/axe.ts';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportKey } from '../../functions/adapters/report-table.ts';
import { RECEIPT_COOKIE, serverReceiptPath, statusLinkOf } from '../../functions/core/page-paths.ts';
import { CONTENT_DIR } from '../support/content-copy.ts';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { iccsReport } from '../support/fixtures.ts';
import { postReport } from '../support/local-portal.ts';

/**
 * «Be om eskalering» as the reporter meets it, on a site built from today's pages: on the status page (JavaScript,
 * 375 px) a line saying from when before the priority's time has passed, the button and what happens after, and
 * «Du ba om eskalering» once pressed, beside the timeline; the same on the receipt without JavaScript, by a form
 * post. axe-clean. The API runs on the real clock, so a report is made old by writing its item with an older
 * receivedAt.
 */

const VIEWPORT = { width: 375, height: 720 };
let site: FixtureSite;

beforeAll(async () => {
  site = await startFixtureSite(CONTENT_DIR);
}, 240_000);

afterAll(async () => {
  await site?.stop();
});

async function newReport(options: { daysOld?: number } = {}): Promise<{ reference: string; token: string; statusUrl: string }> {
  const submitted = await postReport(site.portal.url, iccsReport());
  const statusUrl = String(submitted.body.statusUrl);
  const { reference, token } = statusLinkOf(new URL(statusUrl, site.portal.url).hash);
  await site.portal.stack.streamIdle();
  if (options.daysOld) {
    const { stack } = site.portal;
    const read = await stack.dynamodb.send(new GetItemCommand({ TableName: stack.tableName, Key: marshall(reportKey(reference)), ConsistentRead: true }));
    const item = unmarshall(read.Item ?? {});
    const receivedAt = new Date(Date.now() - options.daysOld * 86_400_000).toISOString();
    await stack.dynamodb.send(new PutItemCommand({ TableName: stack.tableName, Item: marshall({ ...item, receivedAt }, { removeUndefinedValues: true }) }));
  }
  return { reference, token, statusUrl };
}

describe('«Be om eskalering» on the status page', () => {
  it('before the time: says from when, with no button', async () => {
    const { statusUrl } = await newReport();
    const context = await site.browser.newContext({ viewport: VIEWPORT });
    await loadAxeInEveryPage(context);
    const page = await context.newPage();

    await page.goto(`${site.portal.url}${statusUrl}`);
    await page.locator('#status-escalation').waitFor();

    expect(await page.locator('#status-escalation-text').textContent()).toMatch(/kan du be om eskalering fra \d+\. \p{L}+ \d{4}/u);
    expect(await page.getByRole('button', { name: 'Be om eskalering' }).count()).toBe(0);
    expect(await auditPage(page)).toEqual([]);
    await context.close();
  });

  it('after the time: the button and what happens; pressed, «Du ba om eskalering» with the time, the timeline kept', async () => {
    const { statusUrl } = await newReport({ daysOld: 1 });
    const context = await site.browser.newContext({ viewport: VIEWPORT });
    await loadAxeInEveryPage(context);
    const page = await context.newPage();

    await page.goto(`${site.portal.url}${statusUrl}`);
    const button = page.getByRole('button', { name: 'Be om eskalering' });
    await button.waitFor();

    expect(await page.locator('#status-escalation-text').textContent()).toContain('Servicedesks eskaleringskontakt for denne prioriteten får beskjed');
    expect(await page.getByRole('heading', { name: 'Eskalering' }).isVisible()).toBe(true);
    expect(await auditPage(page)).toEqual([]);

    await button.click();
    await page.getByText(/^Du ba om eskalering \d/).waitFor();

    expect(await button.count()).toBe(0);
    expect(await page.locator('#status-timeline > li').count()).toBeGreaterThanOrEqual(1);
    expect(await auditPage(page)).toEqual([]);

    // Again later: the status page knows it was asked.
    await page.reload();
    await page.locator('#status-timeline > li').nth(1).waitFor();
    expect(await page.locator('#status-timeline > li').last().textContent()).toMatch(/Du ba om eskalering$/);
    expect(await page.locator('#status-escalation-text').textContent()).toMatch(/^Du ba om eskalering \d/);
    expect(await page.getByRole('button', { name: 'Be om eskalering' }).count()).toBe(0);
    await context.close();
  });
});

describe('«Be om eskalering» on the receipt without JavaScript', () => {
  it('shows the button once allowed; pressed, the receipt comes back saying «Du ba om eskalering»', async () => {
    const { reference, token } = await newReport({ daysOld: 1 });
    const url = new URL(serverReceiptPath(reference), site.portal.url);
    const cookie = { name: RECEIPT_COOKIE, value: token, domain: url.hostname, path: url.pathname };
    const context = await site.browser.newContext({ javaScriptEnabled: false, bypassCSP: true, viewport: VIEWPORT });
    await context.addCookies([cookie]);
    const page = await context.newPage();

    await page.goto(url.href);
    expect(await page.locator('section.escalation').textContent()).toContain('Servicedesks eskaleringskontakt');
    await page.getByRole('button', { name: 'Be om eskalering' }).click();
    await page.waitForURL(url.href);

    expect(await page.locator('section.escalation').textContent()).toMatch(/Du ba om eskalering \d/);
    expect(await page.getByRole('button', { name: 'Be om eskalering' }).count()).toBe(0);
    expect(await page.locator('.status-timeline > li').last().textContent()).toContain('Du ba om eskalering');
    await context.close();

    // axe needs a script; the same page with JavaScript on, which it does not use.
    const audit = await site.browser.newContext({ viewport: VIEWPORT });
    await loadAxeInEveryPage(audit);
    await audit.addCookies([cookie]);
    const audited = await audit.newPage();
    await audited.goto(url.href);
    expect(await auditPage(audited)).toEqual([]);
    await audit.close();
  });
});
