import { randomUUID } from 'node:crypto';
import { DeleteItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { iccsReport } from '../support/fixtures.ts';
import { emailsAbout, postReport, storedReports, useTestPortal } from '../support/local-portal.ts';

/** The Idempotency-Key contract, on Powertools idempotency and the submission claim, over dynalite. */

const portal = useTestPortal();
const report = iccsReport();

async function reportsWithSummary(summary: string) {
  return (await storedReports(portal.stack)).filter((item) => item.summary === summary);
}

/** What a failed handler run does to Powertools' record: deletes it, so the next attempt runs the handler again. */
async function forgetPowertoolsRecords() {
  const page = await portal.stack.dynamodb.send(new ScanCommand({ TableName: portal.stack.tableName, ConsistentRead: true }));
  const records = (page.Items ?? []).filter((item) => item.status?.S === 'COMPLETED' || item.status?.S === 'INPROGRESS');
  for (const record of records) await portal.stack.dynamodb.send(new DeleteItemCommand({ TableName: portal.stack.tableName, Key: { pk: record.pk!, sk: record.sk! } }));
  return records.length;
}

describe('Idempotency-Key', () => {
  it('retrying one key 10 times gives the same answer, one stored report, one team e-mail and one receipt', async () => {
    const key = randomUUID();
    const summary = `Retried ${key}`;

    const responses = [];
    for (let attempt = 0; attempt < 10; attempt++) responses.push(await postReport(portal.url, { ...report, summary }, { 'idempotency-key': key }));
    await portal.stack.streamIdle();

    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([201]));
    const references = new Set(responses.map((response) => response.body.reference));
    expect(references.size).toBe(1);
    expect(await reportsWithSummary(summary)).toHaveLength(1);
    const emails = await emailsAbout(portal.stack, String(responses[0]?.body.reference));
    expect(emails.map((email) => email.destination.to[0])).toEqual(['team-kontrollrom@hdo.example', 'kari.nordmann@example.no']);
  });

  it('refuses the same key with another body with 422, storing nothing new', async () => {
    const key = randomUUID();
    await postReport(portal.url, { ...report, summary: `First ${key}` }, { 'idempotency-key': key });

    const second = await postReport(portal.url, { ...report, summary: `Second ${key}` }, { 'idempotency-key': key });

    expect(second.status).toBe(422);
    expect(second.body).toEqual({ errors: [{ path: '', message: 'Denne Idempotency-Key er alt brukt for en annen melding. Lag en ny nøkkel for en ny melding.' }] });
    expect(await reportsWithSummary(`Second ${key}`)).toEqual([]);
  });

  it('lets exactly one of five concurrent duplicates through; the others get 409', async () => {
    const key = randomUUID();
    const summary = `Concurrent ${key}`;

    const responses = await Promise.all(Array.from({ length: 5 }, () => postReport(portal.url, { ...report, summary }, { 'idempotency-key': key })));

    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await reportsWithSummary(summary)).toHaveLength(1);
  });

  it('does not remember a validation error as a success: fixing the body needs a new key, and the old key keeps its 400', async () => {
    const key = randomUUID();

    const first = await postReport(portal.url, { ...report, summary: '' }, { 'idempotency-key': key });
    const again = await postReport(portal.url, { ...report, summary: '' }, { 'idempotency-key': key });

    expect([first.status, again.status]).toEqual([400, 400]);
    expect(again.body).toEqual(first.body);
  });

  it('answers with the first reference, storing nothing new, when the first answer was lost and Powertools forgot it', async () => {
    const key = randomUUID();
    const summary = `Lost answer ${key}`;
    const first = await postReport(portal.url, { ...report, summary }, { 'idempotency-key': key });
    expect(await forgetPowertoolsRecords()).toBeGreaterThan(0);

    const retry = await postReport(portal.url, { ...report, summary }, { 'idempotency-key': key });
    await portal.stack.streamIdle();

    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    expect(await reportsWithSummary(summary)).toHaveLength(1);
    expect(await emailsAbout(portal.stack, String(first.body.reference))).toHaveLength(2);
  });

  it('refuses another body under a claimed key with 422 even when Powertools forgot the key', async () => {
    const key = randomUUID();
    await postReport(portal.url, { ...report, summary: `Claimed ${key}` }, { 'idempotency-key': key });
    await forgetPowertoolsRecords();

    const other = await postReport(portal.url, { ...report, summary: `Other ${key}` }, { 'idempotency-key': key });

    expect(other.status).toBe(422);
    expect(await reportsWithSummary(`Other ${key}`)).toEqual([]);
  });

  it('refuses a malformed key with 400', async () => {
    const response = await postReport(portal.url, report, { 'idempotency-key': 'kort' });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: [{ path: '', message: 'Idempotency-Key må være 8–128 synlige ASCII-tegn, for eksempel en UUID.' }] });
  });
});
