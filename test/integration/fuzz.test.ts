import { marshall } from '@aws-sdk/util-dynamodb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReportItem } from '../../functions/adapters/dynamodb-report-items.ts';
import { iccsReport } from '../support/fixtures.ts';
import { postReport, storedReports, useTestPortal } from '../support/local-portal.ts';

/** Property-based: whatever a client sends, the API never fails with 5xx and never stores an invalid report. */

// Hundreds of requests in a second: lift the stage throttling, which has a test of its own.
const portal = useTestPortal({ apiThrottling: { rateLimit: 10_000, burstLimit: 10_000 } });
const report = iccsReport();
const RUNS = 150;

async function expectEveryStoredReportValid(): Promise<void> {
  for (const item of await storedReports(portal.stack)) {
    expect(() => parseReportItem(marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: true }))).not.toThrow();
  }
}

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('', ' ', '\r\n', '\u0000', '<script>', '01019012480'),
);
const anyValue = fc.oneof(
  anyText,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);

describe('fuzzing POST /api/reports', () => {
  it('answers any JSON body with 201 or 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (body) => {
        const response = await postReport(portal.url, JSON.stringify(body));
        expect([201, 400, 413]).toContain(response.status);
      }),
      { numRuns: RUNS },
    );
    await expectEveryStoredReportValid();
  });

  it('answers a valid report with any one field replaced by anything with 201 or 400, never 5xx', async () => {
    const paths = [
      'serviceId',
      'requestType',
      'summary',
      'description',
      'answers',
      'answers.controlRoom',
      'answers.affectedFunction',
      'impact',
      'impact.affected',
      'contact',
      'contact.email',
      'contact.phone',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), anyValue, async (path, value) => {
        const [group, field] = path.split('.') as [string, string | undefined];
        const body: Record<string, unknown> = structuredClone(report) as unknown as Record<string, unknown>;
        if (field) body[group] = { ...(body[group] as Record<string, unknown>), [field]: value };
        else body[group] = value;

        const response = await postReport(portal.url, body);

        expect([201, 400]).toContain(response.status);
        if (response.status === 400) expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]));
      }),
      { numRuns: RUNS },
    );
    await expectEveryStoredReportValid();
  });

  it('answers any form body with 303 or 400, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ maxLength: 30 }), fc.string({ maxLength: 100 }), { maxKeys: 12 }), async (fields) => {
        const response = await fetch(`${portal.url}/api/reports`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
        expect([303, 400]).toContain(response.status);
      }),
      { numRuns: RUNS },
    );
    await expectEveryStoredReportValid();
  });
});
