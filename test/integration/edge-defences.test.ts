import { describe, expect, it } from 'vitest';
import { iccsReport, asFormBody } from '../support/fixtures.ts';
import { postReport, sentEmails, storedReports, useTestPortal } from '../support/local-portal.ts';

/**
 * What CloudFront and the API refuse before any work: posts from another site's pages, and (in the local portal
 * server, which plays CloudFront) addresses that a browser would read as another host.
 */

const portal = useTestPortal();
const report = iccsReport();

describe('posts from another site', () => {
  it.each([
    ['a form post with Origin https://evil.example', { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, 'form'],
    ['a form post with Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }, 'form'],
    ['a JSON post with Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }, 'json'],
    ['a JSON post with Origin https://evil.example', { origin: 'https://evil.example', 'content-type': 'application/json' }, 'json'],
  ] as const)('refuses %s with 403, storing and sending nothing', async (_case, headers, kind) => {
    const summary = `Fra en annen side ${crypto.randomUUID()}`;
    const body = kind === 'form' ? asFormBody({ ...report, summary }) : JSON.stringify({ ...report, summary });

    const response = await fetch(`${portal.url}/api/reports`, { method: 'POST', headers, body, redirect: 'manual' });
    await portal.stack.streamIdle();

    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Meldinger kan bare sendes fra skjemaet i Serviceportalen.');
    expect((await storedReports(portal.stack)).filter((item) => item.summary === summary)).toEqual([]);
    expect((await sentEmails(portal.stack)).filter((email) => (email.body.text ?? '').includes(summary))).toEqual([]);
  });

  it.each([
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['its own Origin', { origin: '__portal__' }],
    ['no Origin at all (a script)', {}],
  ])('takes a post with %s', async (_case, headers: Record<string, string>) => {
    const own = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value === '__portal__' ? new URL(portal.url).origin : value]));

    const response = await postReport(portal.url, report, own);

    expect(response.status).toBe(201);
  });
});

describe('the local portal server as CloudFront', () => {
  it('redirects a folder address without its slash to the same host, never to //another-host', async () => {
    const response = await fetch(`${portal.url}/%2Fartikler`, { redirect: 'manual' });

    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/%2Fartikler/');
  });

  it('answers a malformed %-escape in a page address with 400, not 500', async () => {
    const response = await fetch(`${portal.url}/artikler/%E0%A4%A`);

    expect(response.status).toBe(400);
  });
});
