import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { STATUS_TOKEN_HEADER, statusLinkOf } from '../../functions/core/page-paths.ts';
import { iccsReport } from '../support/fixtures.ts';
import { emailsAbout, postReport, useTestPortal } from '../support/local-portal.ts';

/**
 * GET /api/reports/{reference} with the link's secret in the x-status-token header: the reporter's status, behind
 * the secret from the receipt. The secret travels in the link's fragment and a header, never in an address.
 */

const portal = useTestPortal();
const report = iccsReport();

const statusOf = (reference: string, token: string) =>
  fetch(`${portal.url}/api/reports/${encodeURIComponent(reference)}`, { headers: { [STATUS_TOKEN_HEADER]: token } });

describe('report status', () => {
  it('answers the submission with reference, priority and a status link that carries its secret in the fragment', async () => {
    const submitted = await postReport(portal.url, report);
    await portal.stack.streamIdle();

    const statusLink = new URL(String(submitted.body.statusUrl), portal.url);
    const { reference, token } = statusLinkOf(statusLink.hash);
    const status = await statusOf(reference, token);

    expect(submitted.body).toMatchObject({ reference, priority: 'P2' });
    expect(statusLink.pathname).toBe('/meld-feil/status/');
    expect(statusLink.search).toBe('');
    expect(status.status).toBe(200);
    // Delivered to the desk's queue (routing), and the desk's case not yet moved (life).
    expect(await status.json()).toMatchObject({
      reference,
      status: 'routed',
      priority: { level: 'P2' },
      teams: ['Servicedesk'],
      life: { state: 'received', label: 'Mottatt' },
    });
  });

  it('sends the same status link in the receipt', async () => {
    const submitted = await postReport(portal.url, report);
    await portal.stack.streamIdle();

    const [, receipt] = await emailsAbout(portal.stack, String(submitted.body.reference));

    expect(receipt?.body.text).toContain(`http://localhost:4321${String(submitted.body.statusUrl)}`);
  });

  it('keeps no status secret at rest: neither the report nor the claim on its Idempotency-Key holds it', async () => {
    const submitted = await postReport(portal.url, report, { 'idempotency-key': crypto.randomUUID() });
    const { token } = statusLinkOf(new URL(String(submitted.body.statusUrl), portal.url).hash);

    const page = await portal.stack.dynamodb.send(new ScanCommand({ TableName: portal.stack.tableName, ConsistentRead: true }));

    expect(token).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(page.Items)).not.toContain(token);
  });

  it('never shows what the report says', async () => {
    const submitted = await postReport(portal.url, report);
    const { reference, token } = statusLinkOf(new URL(String(submitted.body.statusUrl), portal.url).hash);

    const text = await (await statusOf(reference, token)).text();

    for (const secret of [report.summary, report.description, report.contact.email, report.contact.phone, 'AMK Innlandet']) expect(text).not.toContain(secret);
  });

  it('answers a wrong token exactly as it answers an unknown reference, and a secret in the query string opens nothing', async () => {
    const submitted = await postReport(portal.url, report);
    const { reference, token } = statusLinkOf(new URL(String(submitted.body.statusUrl), portal.url).hash);

    const wrongToken = await statusOf(reference, 'gjettet-kode');
    const unknown = await statusOf('HDO-2026-999999', 'gjettet-kode');
    const inQuery = await fetch(`${portal.url}/api/reports/${reference}?token=${encodeURIComponent(token)}`);

    expect([wrongToken.status, unknown.status, inQuery.status]).toEqual([404, 404, 404]);
    expect(await wrongToken.text()).toBe(await unknown.text());
  });

  it.each([
    ['a reference of 3,000 characters', `HDO-2026-${'1'.repeat(2991)}`],
    ['a malformed %-escape', 'HDO-2026-%E0%A4%A'],
    ['a reference of another shape', 'REPORT#HDO-2026-000001'],
  ])('answers %s with 404, never 5xx, without a lookup', async (_case, reference) => {
    const response = await fetch(`${portal.url}/api/reports/${reference}`, { headers: { [STATUS_TOKEN_HEADER]: 'gjettet-kode' } });

    expect(response.status).toBe(404);
  });
});
