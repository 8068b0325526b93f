import { describe, expect, it } from 'vitest';
import { REFERENCE_PATTERN } from '../../functions/core/reference.ts';
import { STORED_REPORT_VERSION } from '../../functions/core/stored-report.ts';
import { asFormBody, iccsReport } from '../support/fixtures.ts';
import { emailsAbout, storedItem, useTestPortal } from '../support/local-portal.ts';

/** POST /api/reports through the local API Gateway emulation, into dynalite, through the stream to the SES emulator. */

const portal = useTestPortal();
const report = iccsReport();

async function postJson(body: unknown) {
  return fetch(`${portal.url}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('POST /api/reports with JSON', () => {
  it('answers 201 with a readable reference and stores the report once, pending routing', async () => {
    const response = await postJson(report);

    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    expect(reference).toMatch(REFERENCE_PATTERN);
    const item = await storedItem(portal.stack, reference);
    expect(item).toMatchObject({ schemaVersion: STORED_REPORT_VERSION, reference, serviceId: 'iccs', summary: report.summary, contact: report.contact });
    expect(item?.expiresAt).toBeGreaterThan(Date.now() / 1000 + 500 * 24 * 3600);
  });

  it('routes the stored report: one e-mail to the desk naming the product team (reply-to the reporter), one receipt, report marked routed', async () => {
    const { reference } = (await (await postJson(report)).json()) as { reference: string };

    await portal.stack.streamIdle();

    const emails = await emailsAbout(portal.stack, reference);
    expect(emails).toHaveLength(2);
    expect(emails[0]).toMatchObject({
      destination: { to: ['servicedesk@hdo.example'] },
      replyTo: ['kari.nordmann@example.no'],
      subject: `[P2 HØY][ICCS] ${reference} ${report.summary}`,
    });
    expect(emails[0]?.body.text).toContain('Hvilket kontrollrom gjelder det?:\n  AMK Innlandet');
    expect(emails[0]?.body.text).toContain('Eskaleres til:\n  Team kontrollromsløsning');
    expect(emails[1]).toMatchObject({ destination: { to: ['kari.nordmann@example.no'] }, subject: `Mottatt: ${reference} (P2 høy)` });
    expect(await storedItem(portal.stack, reference)).toMatchObject({ routing: { status: 'routed', to: ['servicedesk@hdo.example'] } });
  });

  it('gives consecutive reports consecutive references', async () => {
    const first = (await (await postJson(report)).json()) as { reference: string };
    const second = (await (await postJson(report)).json()) as { reference: string };

    const sequence = (reference: string) => Number(reference.split('-').at(-1));
    expect(sequence(second.reference)).toBe(sequence(first.reference) + 1);
  });

  it('answers 400 with one Norwegian message per field and stores nothing', async () => {
    const response = await postJson({ ...report, summary: '', contact: { ...report.contact, email: 'ikke-en-adresse' } });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        { path: 'summary', message: 'Skriv en kort overskrift som sier hva saken gjelder.' },
        { path: 'contact.email', message: 'Skriv inn en gyldig e-postadresse, for eksempel navn@virksomhet.no.' },
      ],
    });
  });

  it.each([
    { name: 'plain text', contentType: 'text/plain', body: 'hei', status: 415 },
    { name: 'broken JSON', contentType: 'application/json', body: '{"ikke json', status: 400 },
    { name: 'a body above 64 KiB', contentType: 'application/json', body: JSON.stringify({ ...report, description: 'x'.repeat(70 * 1024) }), status: 413 },
  ])('answers $name with $status and no stack trace', async ({ contentType, body, status }) => {
    const response = await fetch(`${portal.url}/api/reports`, { method: 'POST', headers: { 'content-type': contentType }, body });

    expect(response.status).toBe(status);
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    expect(JSON.parse(text)).toMatchObject({ errors: [{ path: '' }] });
  });

  it('answers 404 for an unknown API path and 405 for a wrong method', async () => {
    expect((await fetch(`${portal.url}/api/finnes-ikke`)).status).toBe(404);
    expect((await fetch(`${portal.url}/api/reports`)).status).toBe(405);
  });
});

describe('POST /api/reports from an HTML form (no JavaScript)', () => {
  it('redirects with 303 to the receipt the API draws, its secret in a cookie for that one address, never in the address', async () => {
    const response = await fetch(`${portal.url}/api/reports`, { method: 'POST', body: asFormBody(report), redirect: 'manual' });

    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') ?? '', portal.url);
    const [, reference = ''] = /^\/api\/reports\/([^/]+)\/kvittering$/.exec(location.pathname) ?? [];
    expect(reference).toMatch(REFERENCE_PATTERN);
    expect(location.search).toBe('');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^statuskode=[\\w-]{43}; Path=${location.pathname}; Max-Age=\\d+; HttpOnly; Secure; SameSite=Strict$`));
    expect(await storedItem(portal.stack, reference)).toMatchObject({ answers: report.answers });

    const receipt = await fetch(location, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    const html = await receipt.text();
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toContain('text/html');
    expect(html).toContain(`<p class="reference">${reference}</p>`);
    expect(html).toContain('Foreslått prioritet');
    expect(html).toContain('P2 høy');
    expect(html).toContain(`href="${location.pathname}"`);
    expect(html).toMatch(/<link rel="stylesheet" href="\/_astro\//);
    expect(html).not.toMatch(/\{\{\w+\}\}/);
    expect((await fetch(location)).status).toBe(404);
  });

  it('shows nothing but «not found» for the receipt of an unknown reference or a wrong token', async () => {
    const response = await fetch(`${portal.url}/api/reports/HDO-2026-999999/kvittering`, { headers: { cookie: 'statuskode=feil-kode' } });

    const html = await response.text();
    expect(response.status).toBe(404);
    expect(html).toContain('Fant ingen melding med denne referansen og lenken.');
    expect(html).toContain('<h1>Status for meldingen</h1>');
    expect(html).not.toContain('ikke sendt');
  });

  it('lists the problems on a page of the site, each with the question it belongs to, in an error summary', async () => {
    const response = await fetch(`${portal.url}/api/reports`, {
      method: 'POST',
      body: asFormBody({ ...report, description: '', answers: { ...report.answers, controlRoom: '' } }),
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('class="ds-error-summary"');
    expect(html).toContain('<li>«Hva skjer, og hva forventet du skulle skje?»: Beskriv hva som skjer, og hva du forventet skulle skje.</li>');
    expect(html).toContain('<li>Svar på «Hvilket kontrollrom gjelder det?».</li>');
    expect(html).not.toMatch(/answers\.|feltet/);
    expect(html).toContain('href="/meld-feil/"');
  });
});
