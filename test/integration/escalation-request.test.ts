import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  escalationPath,
  RECEIPT_COOKIE,
  receiptEscalationPath,
  serverReceiptPath,
  STATUS_TOKEN_HEADER,
  statusLinkOf,
} from '../../functions/core/page-paths.ts';
import { iccsReport } from '../support/fixtures.ts';
import { postReport, storedItem, useTestPortal } from '../support/local-portal.ts';

/**
 * «Be om eskalering» on the local stack: POST /api/reports/{reference}/eskalering with the status link's secret in
 * x-status-token (the status page's script), and the receipt's form post under its own address with the secret in
 * its cookie. The handler runs on the real clock, so a report is made old enough by writing its item with an older
 * receivedAt (the ICCS fixture is a P2: two hours on the clock).
 */

const portal = useTestPortal();

async function newReport(): Promise<{ reference: string; token: string }> {
  const submitted = await postReport(portal.url, iccsReport());
  expect(submitted.status).toBe(201);
  expect(submitted.body.priority).toBe('P2');
  await portal.stack.streamIdle();
  return statusLinkOf(new URL(String(submitted.body.statusUrl), portal.url).hash);
}

/** The report as if it had been received `days` days ago: only receivedAt changes. */
async function receivedDaysAgo(reference: string, days: number): Promise<void> {
  const item = await storedItem(portal.stack, reference);
  if (!item) throw new Error(`no item for ${reference}`);
  const receivedAt = new Date(Date.now() - days * 86_400_000).toISOString();
  await portal.stack.dynamodb.send(
    new PutItemCommand({ TableName: portal.stack.tableName, Item: marshall({ ...item, receivedAt }, { removeUndefinedValues: true }) }),
  );
}

const ask = (reference: string, token: string, headers: Record<string, string> = {}) =>
  fetch(`${portal.url}${escalationPath(reference)}`, { method: 'POST', headers: { accept: 'application/json', [STATUS_TOKEN_HEADER]: token, ...headers } });

const askFromReceipt = (reference: string, token: string) =>
  fetch(`${portal.url}${receiptEscalationPath(reference)}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${RECEIPT_COOKIE}=${token}`, 'sec-fetch-site': 'same-origin' },
    body: '',
  });

async function escalationEvents(reference: string): Promise<{ id: string; kind: string; actor: string; state: string }[]> {
  const life = (await storedItem(portal.stack, reference))?.life as { events: { id: string; kind: string; actor: string; state: string }[] };
  return life.events.filter((event) => event.kind === 'escalationRequested');
}

describe('POST /api/reports/{reference}/eskalering', () => {
  it('too early: 409 with from when (two hours after it was received), and nothing recorded', async () => {
    const { reference, token } = await newReport();
    const received = String((await storedItem(portal.stack, reference))?.receivedAt);

    const early = await ask(reference, token);
    const body = (await early.json()) as { reason: string; from: string; errors: { message: string }[] };

    expect(early.status).toBe(409);
    expect(body.reason).toBe('tooEarly');
    expect(new Date(body.from).getTime()).toBe(new Date(received).getTime() + 2 * 3_600_000);
    expect(body.errors[0]?.message).toMatch(/^Du kan be om eskalering fra \d/);
    expect(await escalationEvents(reference)).toEqual([]);
  });

  it('once the time has passed: 200 and one event by the reporter; a second request: 409 asked already', async () => {
    const { reference, token } = await newReport();
    await receivedDaysAgo(reference, 1);

    const first = await ask(reference, token);
    const firstBody = (await first.json()) as { status: string; at: string };
    const second = await ask(reference, token);
    const secondBody = (await second.json()) as { reason: string; at: string };

    expect(first.status).toBe(200);
    expect(firstBody.status).toBe('asked');
    expect(second.status).toBe(409);
    expect(secondBody).toMatchObject({ reason: 'alreadyAsked', at: firstBody.at });
    expect(await escalationEvents(reference)).toEqual([
      { id: `escalation:${reference}`, kind: 'escalationRequested', actor: 'reporter', state: 'received', at: firstBody.at },
    ]);
    // The status shows it in the timeline, the state as it was.
    const status = (await (await fetch(`${portal.url}/api/reports/${reference}`, { headers: { [STATUS_TOKEN_HEADER]: token } })).json()) as {
      life: { state: string; events: { label: string }[] };
    };
    expect(status.life.state).toBe('received');
    expect(status.life.events.at(-1)?.label).toBe('Du ba om eskalering');
  });

  it('404 alike for a wrong secret and an unknown reference, as the status; 403 from another site', async () => {
    const { reference, token } = await newReport();
    await receivedDaysAgo(reference, 1);

    const answers = [
      await ask(reference, 'wrong-token-0000000000'),
      await ask('HDO-2026-999999', token),
      await ask(reference, token, { 'sec-fetch-site': 'cross-site' }),
    ];

    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 403]);
    expect(await escalationEvents(reference)).toEqual([]);
  });
});

describe('the receipt’s form without JavaScript', () => {
  // The receipt's page itself (the button, «Du ba om eskalering») is the browser test's: test/e2e/escalation-request.test.ts.
  it('posted with the receipt’s cookie, records the request and 303s back to the receipt; posted again, 409 asked already', async () => {
    const { reference, token } = await newReport();
    await receivedDaysAgo(reference, 1);

    const posted = await askFromReceipt(reference, token);
    const again = await askFromReceipt(reference, token);

    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(serverReceiptPath(reference));
    expect(again.status).toBe(409);
    expect(await again.text()).toMatch(/Du ba om eskalering \d/);
    expect(await escalationEvents(reference)).toHaveLength(1);
  });

  it('404 without the cookie', async () => {
    const { reference } = await newReport();
    await receivedDaysAgo(reference, 1);

    expect((await askFromReceipt(reference, '')).status).toBe(404);
  });
});
