import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_EVENT_SCHEMA, caseEventSchema, type CaseEvent } from '../../functions/core/case-event-schema.ts';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../functions/core/webhook-signature.ts';
import { CASE_EVENTS_OUTBOX_FILE } from '../../infra/local/stack.ts';
import { iccsReport } from '../support/fixtures.ts';
import { emailsAbout, postReport, useTestPortal } from '../support/local-portal.ts';

/**
 * A report's life leaving the system, on the local stack: filed, then set solved by the desk's case system through
 * the signed webhook. The reporter's mailbox has the «Løst» e-mail, and the JSONL outbox and the desk's webhook
 * (a receiver this test starts) have the case events, each once, also after the same move is sent again.
 */

const WEBHOOK_SIGNING_KEY = randomBytes(32).toString('base64url');
const received: { headers: Record<string, string | string[] | undefined>; body: CaseEvent }[] = [];
let receiver: Server;
const environment: Record<string, string> = { WEBHOOK_SIGNING_KEY };

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as CaseEvent });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  environment.CASE_EVENTS_WEBHOOK_URL = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/saker`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});

// Registered after the receiver's hook, so the portal starts with its address.
const portal = useTestPortal({ environment });

const sendEvent = (reference: string, body: unknown) => {
  const raw = JSON.stringify(body);
  return fetch(`${portal.url}/api/reports/${reference}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(WEBHOOK_SIGNING_KEY, raw, new Date()) },
    body: raw,
  });
};

const outbox = (reference: string): CaseEvent[] =>
  readFileSync(join(portal.dataDir, CASE_EVENTS_OUTBOX_FILE), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as CaseEvent)
    .filter((event) => event.reference === reference);

describe('a report’s life out of the system, on the local stack', () => {
  it('filed, then solved by the case system: the reporter gets the «Løst» e-mail, the outbox and the webhook each event once', async () => {
    const report = iccsReport();
    const filed = await postReport(portal.url, report);
    expect(filed.status).toBe(201);
    const reference = String(filed.body.reference);
    await portal.stack.streamIdle();

    const move = { id: `topdesk:${randomBytes(6).toString('hex')}`, state: 'solved', message: 'Byttet <b>kabel</b> & rack' };
    const first = await sendEvent(reference, move);
    expect(first.status).toBe(200);
    await portal.stack.streamIdle();
    // The same move again (a retried webhook): a duplicate, and nothing leaves twice.
    const again = await sendEvent(reference, move);
    expect(((await again.json()) as { status: string }).status).toBe('duplicate');
    await portal.stack.streamIdle();

    const toReporter = (await emailsAbout(portal.stack, reference)).filter((email) => email.destination.to.includes(report.contact.email));
    const solvedMail = toReporter.filter((email) => email.subject.startsWith('Løst'));
    expect(solvedMail).toHaveLength(1);
    expect(solvedMail[0]?.body.html).toContain('Byttet &lt;b&gt;kabel&lt;/b&gt; &amp; rack');
    expect(solvedMail[0]?.body.html).not.toContain('<b>kabel</b>');
    expect(solvedMail[0]?.body.text).toContain('/meld-feil/status/#referanse=');
    expect(solvedMail[0]?.body.text).not.toContain(report.summary);
    expect(solvedMail[0]?.body.text).not.toContain(report.description);

    const expected = [
      { type: 'report.received', state: 'received', actor: 'portal' },
      { type: 'report.state-changed', state: 'solved', actor: 'caseSystem', id: move.id, message: move.message },
    ].map((event) => expect.objectContaining({ schema: CASE_EVENT_SCHEMA, reference, serviceId: report.serviceId, ...event }));
    expect(outbox(reference)).toEqual(expected);
    const atWebhook = received.filter((entry) => entry.body.reference === reference);
    expect(atWebhook.map((entry) => entry.body)).toEqual(expected);
    expect(atWebhook.every((entry) => entry.headers['x-serviceportal-schema'] === CASE_EVENT_SCHEMA)).toBe(true);
    for (const event of outbox(reference)) {
      expect(caseEventSchema.safeParse(event).success).toBe(true);
      expect(JSON.stringify(event)).not.toContain(report.contact.email);
      expect(JSON.stringify(event)).not.toContain(report.summary);
    }
  });
});
