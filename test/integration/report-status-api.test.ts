import { describe, expect, it } from 'vitest';
import { iccsReport } from '../support/fixtures.ts';
import { emailsAbout, postReport, useTestPortal } from '../support/local-portal.ts';

/** GET /api/reports/{reference}?token=…: the reporter's status, behind the secret from the receipt. */

const portal = useTestPortal();
const report = iccsReport();

describe('report status', () => {
  it('answers the submission with reference, priority and a status link that works', async () => {
    const submitted = await postReport(portal.url, report);
    await portal.stack.streamIdle();

    const statusLink = new URL(String(submitted.body.statusUrl), portal.url);
    const reference = statusLink.searchParams.get('referanse');
    const token = statusLink.searchParams.get('token') ?? '';
    const status = await fetch(`${portal.url}/api/reports/${reference}?token=${encodeURIComponent(token)}`);

    expect(submitted.body).toMatchObject({ reference, priority: 'P2' });
    expect(statusLink.pathname).toBe('/meld-feil/status/');
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ reference, status: 'routed', priority: { level: 'P2' }, teams: ['Team kontrollromsløsning'] });
  });

  it('sends the same status link in the receipt', async () => {
    const submitted = await postReport(portal.url, report);
    await portal.stack.streamIdle();

    const [, receipt] = await emailsAbout(portal.stack, String(submitted.body.reference));

    expect(receipt?.body.text).toContain(`http://localhost:4321${String(submitted.body.statusUrl)}`);
  });

  it('never shows what the report says', async () => {
    const submitted = await postReport(portal.url, report);
    const statusLink = new URL(String(submitted.body.statusUrl), portal.url);

    const text = await (await fetch(`${portal.url}/api/reports/${submitted.body.reference}${statusLink.search.replace(/referanse=[^&]*&/, '')}`)).text();

    for (const secret of [report.summary, report.description, report.contact.email, report.contact.phone, 'AMK Innlandet']) expect(text).not.toContain(secret);
  });

  it('answers a wrong token exactly as it answers an unknown reference', async () => {
    const submitted = await postReport(portal.url, report);

    const wrongToken = await fetch(`${portal.url}/api/reports/${submitted.body.reference}?token=gjettet`);
    const unknown = await fetch(`${portal.url}/api/reports/HDO-2026-999999?token=gjettet`);

    expect([wrongToken.status, unknown.status]).toEqual([404, 404]);
    expect(await wrongToken.text()).toBe(await unknown.text());
  });
});
