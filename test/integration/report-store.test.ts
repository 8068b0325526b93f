import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDynamoReportStore } from '../../functions/adapters/dynamodb-report-store.ts';
import { hashStatusToken } from '../../functions/core/status-token.ts';
import { SUBMISSION_CLAIM_VERSION, type SubmissionClaim } from '../../functions/core/submission-claim.ts';
import { storedReport } from '../unit/builders.ts';
import { useTestPortal } from '../support/local-portal.ts';

/** The DynamoDB store's own promises, on dynalite: what the in-memory fake in test/unit imitates. */

const portal = useTestPortal();
const store = () => createDynamoReportStore(portal.stack.dynamodb, portal.stack.tableName);
// Inside the builders' reports' retention (received 2026-03-05, kept 90 days).
const NOW = new Date('2026-03-05T13:00:00.000Z');
let serial = 0;
const newReference = () => `TEST-2026-${String(++serial).padStart(6, '0')}-${randomUUID().slice(0, 8)}`;

describe('DynamoDB report store', () => {
  it('treats storing the very same report again as done, and refuses another report under a taken reference', async () => {
    const report = storedReport({ reference: newReference(), statusTokenHash: hashStatusToken('first') });
    await store().insert(report);

    await expect(store().insert(report)).resolves.toBeUndefined();
    await expect(store().insert({ ...report, statusTokenHash: hashStatusToken('other') })).rejects.toThrow('allerede brukt av en annen melding');
    expect((await store().get(report.reference, NOW))?.statusTokenHash).toBe(hashStatusToken('first'));
  });

  it('lets the first claim on an Idempotency-Key hold it: a second claim gets the first back', async () => {
    const key = randomUUID();
    const claimOf = (token: string): SubmissionClaim => ({
      schemaVersion: SUBMISSION_CLAIM_VERSION,
      submissionHash: `hash-${token}`,
      report: storedReport({ reference: newReference(), statusTokenHash: hashStatusToken(token) }),
      expiresAt: Math.floor(NOW.getTime() / 1000) + 3600,
    });
    const first = claimOf('first');

    const [a, b] = await Promise.all([store().claim(key, first, NOW), store().claim(key, claimOf('second'), NOW)]);

    expect(a.report.reference).toBe(b.report.reference);
    expect(await store().findClaim(key, NOW)).toEqual(a);
    expect(await store().findClaim(key, new Date(NOW.getTime() + 3600_000))).toBeUndefined();
  });

  it('counts the reports for a service since a time, stopping at a limit when given', async () => {
    const serviceId = `count-${randomUUID().slice(0, 8)}`;
    for (let index = 0; index < 12; index++) {
      await store().insert(storedReport({ reference: newReference(), serviceId, receivedAt: new Date(NOW.getTime() + index * 1000).toISOString() }));
    }

    expect(await store().countReceivedSince(serviceId, NOW, 5)).toBe(5);
    expect(await store().countReceivedSince(serviceId, NOW)).toBe(12);
    expect(await store().countReceivedSince(serviceId, new Date(NOW.getTime() + 10_000), 5)).toBe(2);
  });
});
