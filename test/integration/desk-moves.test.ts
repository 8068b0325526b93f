import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ACTION_LINK_PARAMETER, signActionLink, type LinkAction } from '../../functions/core/action-links.ts';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../functions/core/webhook-signature.ts';
import { iccsReport } from '../support/fixtures.ts';
import { postReport, storedItem, useTestPortal } from '../support/local-portal.ts';

/**
 * How the desk moves a report on the local stack: a link from its e-mail (GET shows, POST acts, once), and its case
 * system's signed webhook (idempotent per event id, 401 without a good signature). The keys are the test's, given
 * to the stack as the wiring gives them in AWS.
 */

const ACTION_LINK_KEY = randomBytes(32).toString('base64url');
const WEBHOOK_SIGNING_KEY = randomBytes(32).toString('base64url');
const portal = useTestPortal({ environment: { ACTION_LINK_KEY, WEBHOOK_SIGNING_KEY } });

async function newReport(): Promise<string> {
  const submitted = await postReport(portal.url, iccsReport());
  expect(submitted.status).toBe(201);
  await portal.stack.streamIdle();
  return String(submitted.body.reference);
}

const linkFor = (reference: string, action: LinkAction = 'registered', team?: string) =>
  signActionLink(ACTION_LINK_KEY, {
    reference,
    action,
    ...(team ? { team } : {}),
    expiresAt: new Date(Date.now() + 14 * 86_400_000),
    nonce: randomBytes(16).toString('base64url'),
  });

const tokenOf = (link: string) => new URL(link, portal.url).searchParams.get(ACTION_LINK_PARAMETER) ?? '';

const postLink = (reference: string, token: string, headers: Record<string, string> = {}) =>
  fetch(`${portal.url}/api/reports/${reference}/handling`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ [ACTION_LINK_PARAMETER]: token, melding: '' }).toString(),
  });

async function lifeOf(reference: string): Promise<{ state: string; events: { id: string; state: string; actor: string }[] }> {
  return (await storedItem(portal.stack, reference))?.life as never;
}

const sendEvent = (reference: string, body: unknown, signedAt = new Date(), key = WEBHOOK_SIGNING_KEY) => {
  const raw = JSON.stringify(body);
  return fetch(`${portal.url}/api/reports/${reference}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(key, raw, signedAt) },
    body: raw,
  });
};

describe('an action link from the desk’s e-mail', () => {
  it('opened (GET), shows what it will do with a button that posts it, and changes nothing', async () => {
    const reference = await newReport();
    const before = await lifeOf(reference);
    const link = linkFor(reference);

    const opened = await fetch(`${portal.url}${link}`);
    const page = await opened.text();

    expect(opened.status).toBe(200);
    expect(page).toContain('Bekreft handlingen');
    expect(page).toContain('registrert');
    expect(page).toMatch(new RegExp(`<form method="post" action="/api/reports/${reference}/handling"`));
    expect(page).toContain(`value="${tokenOf(link)}"`);
    expect(await lifeOf(reference)).toEqual(before);
    expect(before.state).toBe('received');
  });

  it('posted, moves the report once, as the desk; posted again, says the link is used and changes nothing', async () => {
    const reference = await newReport();
    const token = tokenOf(linkFor(reference));

    const first = await postLink(reference, token);
    const firstPage = await first.text();
    const after = await lifeOf(reference);
    const second = await postLink(reference, token);

    expect(first.status).toBe(200);
    expect(firstPage).toContain('Meldingen er registrert');
    expect(after.state).toBe('registered');
    expect(after.events.at(-1)).toMatchObject({ state: 'registered', actor: 'desk' });
    expect(second.status).toBe(409);
    expect(await second.text()).toContain('Lenken er alt brukt');
    expect(await lifeOf(reference)).toEqual(after);
  });

  it('refuses a link altered to another action, a link for another report, and a post from another site', async () => {
    const reference = await newReport();
    const other = await newReport();
    const token = tokenOf(linkFor(reference));
    const [payload, signature] = token.split('.');
    const decoded = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const altered = `${Buffer.from(JSON.stringify({ ...decoded, a: 'solved' })).toString('base64url')}.${signature}`;

    const responses = [await postLink(reference, altered), await postLink(other, token), await postLink(reference, token, { 'sec-fetch-site': 'cross-site' })];

    expect(responses.map((response) => response.status)).toEqual([404, 404, 403]);
    expect(await responses[0]?.text()).toContain('endret etter at den ble sendt');
    expect((await lifeOf(reference)).state).toBe('received');
    expect((await lifeOf(other)).state).toBe('received');
  });
});

describe('the desk’s case system, signed', () => {
  it('sets the report solved, and the same event retried 5 times changes it once', async () => {
    const reference = await newReport();
    const event = { id: `topdesk:${randomBytes(6).toString('hex')}`, state: 'solved', message: 'Byttet kabel i rack 3.' };

    const answers = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await sendEvent(reference, event);
      answers.push([response.status, ((await response.json()) as { status: string }).status]);
    }
    const life = await lifeOf(reference);

    expect(answers).toEqual([[200, 'moved'], ...Array.from({ length: 5 }, () => [200, 'duplicate'])]);
    expect(life.state).toBe('solved');
    expect(life.events.filter((known) => known.id === event.id)).toEqual([expect.objectContaining({ state: 'solved', actor: 'caseSystem' })]);
  });

  it('answers a bad signature, a signature outside the window and none at all with 401, and changes nothing', async () => {
    const reference = await newReport();
    const event = { id: `topdesk:${randomBytes(6).toString('hex')}`, state: 'solved' };

    const badKey = await sendEvent(reference, event, new Date(), 'x'.repeat(32));
    const stale = await sendEvent(reference, event, new Date(Date.now() - 10 * 60_000));
    const unsigned = await fetch(`${portal.url}/api/reports/${reference}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });

    expect([badKey.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    expect(((await stale.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/minutter/);
    expect((await lifeOf(reference)).state).toBe('received');
  });

  it('answers a move the state does not allow with 409', async () => {
    const reference = await newReport();
    await sendEvent(reference, { id: `topdesk:${randomBytes(6).toString('hex')}`, state: 'closed' });

    const reopened = await sendEvent(reference, { id: `topdesk:${randomBytes(6).toString('hex')}`, state: 'registered' });

    expect(reopened.status).toBe(409);
    expect((await lifeOf(reference)).state).toBe('closed');
  });
});
