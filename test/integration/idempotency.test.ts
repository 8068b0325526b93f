import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { submissionKey } from '../../functions/adapters/report-table.ts';
import { iccsReport } from '../support/fixtures.ts';
import { emailsAbout, postReport, storedReports, useTestPortal } from '../support/local-portal.ts';

/** The Idempotency-Key contract, as Stripe's: one claim per key in the table, over dynalite. */

const portal = useTestPortal();
const report = iccsReport();

async function reportsWithSummary(summary: string) {
  return (await storedReports(portal.stack)).filter((item) => item.summary === summary);
}

/** Every item the table holds under the Idempotency-Key (the claim's key is a hash of it). */
async function itemsUnderKey(key: string) {
  const page = await portal.stack.dynamodb.send(new ScanCommand({ TableName: portal.stack.tableName, ConsistentRead: true }));
  return (page.Items ?? []).filter((item) => item.pk?.S === submissionKey(key).pk || JSON.stringify(item).includes(key));
}

describe('Idempotency-Key', () => {
  it('retrying one key 10 times gives the same answer, one stored report, one team e-mail and one receipt', async () => {
    const key = randomUUID();
    const summary = `Retried ${key}`;

    const responses = [];
    for (let attempt = 0; attempt < 10; attempt++) responses.push(await postReport(portal.url, { ...report, summary }, { 'idempotency-key': key }));
    await portal.stack.streamIdle();

    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([201]));
    expect(new Set(responses.map((response) => JSON.stringify(response.body))).size).toBe(1);
    expect(await reportsWithSummary(summary)).toHaveLength(1);
    const emails = await emailsAbout(portal.stack, String(responses[0]?.body.reference));
    expect(emails.map((email) => email.destination.to[0])).toEqual(['servicedesk@hdo.example', 'kari.nordmann@example.no']);
  });

  it('refuses the same key with another body with 422, storing nothing new', async () => {
    const key = randomUUID();
    await postReport(portal.url, { ...report, summary: `First ${key}` }, { 'idempotency-key': key });

    const second = await postReport(portal.url, { ...report, summary: `Second ${key}` }, { 'idempotency-key': key });

    expect(second.status).toBe(422);
    expect(second.body).toEqual({
      errors: [{ path: '', message: 'Denne Idempotency-Key er alt brukt for en annen melding. Lag en ny nøkkel for en ny melding.' }],
    });
    expect(await reportsWithSummary(`Second ${key}`)).toEqual([]);
  });

  it('gives five concurrent duplicates one stored report and the same answer', async () => {
    const key = randomUUID();
    const summary = `Concurrent ${key}`;

    const responses = await Promise.all(Array.from({ length: 5 }, () => postReport(portal.url, { ...report, summary }, { 'idempotency-key': key })));

    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((response) => JSON.stringify(response.body))).size).toBe(1);
    expect(await reportsWithSummary(summary)).toHaveLength(1);
  });

  it('stores nothing under the key for a report that fails validation: the corrected report with the same key is taken', async () => {
    const key = randomUUID();
    const summary = `Corrected ${randomUUID()}`;

    const invalid = await postReport(portal.url, { ...report, summary: '' }, { 'idempotency-key': key });
    const keysAfterInvalid = await itemsUnderKey(key);
    const corrected = await postReport(portal.url, { ...report, summary }, { 'idempotency-key': key });

    expect(invalid.status).toBe(400);
    expect(keysAfterInvalid).toEqual([]);
    expect(corrected.status).toBe(201);
    expect(await itemsUnderKey(key)).toHaveLength(1);
    expect(await reportsWithSummary(summary)).toHaveLength(1);
  });

  it('refuses a malformed key with 400', async () => {
    const response = await postReport(portal.url, report, { 'idempotency-key': 'kort' });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: [{ path: '', message: 'Idempotency-Key må være 8–128 synlige ASCII-tegn, for eksempel en UUID.' }] });
  });
});
