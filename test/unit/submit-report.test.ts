import { describe, expect, it } from 'vitest';
import { DAY_SECONDS, storedReportSchema } from '../../functions/core/stored-report.ts';
import { submitReport, type SubmitDependencies } from '../../functions/core/submit-report.ts';
import { realCatalog, submissionFixture } from './builders.ts';
import { clockAt, InMemoryReportStore } from './fakes.ts';

const RECEIVED_AT = '2026-03-05T12:00:00.000Z';

function arrange(...times: [string, ...string[]]) {
  const store = new InMemoryReportStore();
  const deps: SubmitDependencies = { services: realCatalog().services, store, now: clockAt(...times), referencePrefix: 'HDO', retentionDays: 90 };
  return { store, deps };
}

describe('submitReport: references', () => {
  it('numbers reports in sequence: HDO-2026-000001, HDO-2026-000002, …', async () => {
    const { deps } = arrange(RECEIVED_AT);

    const first = await submitReport(submissionFixture('iccs-valid'), deps);
    const second = await submitReport(submissionFixture('radio-valid'), deps);
    const third = await submitReport(submissionFixture('iccs-valid'), deps);

    expect([first, second, third]).toEqual([
      { ok: true, reference: 'HDO-2026-000001' },
      { ok: true, reference: 'HDO-2026-000002' },
      { ok: true, reference: 'HDO-2026-000003' },
    ]);
  });

  it('starts again at 000001 in a new year', async () => {
    const { deps } = arrange('2026-12-31T22:59:59.000Z', '2027-01-01T00:00:00.000Z');

    const lastOf2026 = await submitReport(submissionFixture('iccs-valid'), deps);
    const firstOf2027 = await submitReport(submissionFixture('iccs-valid'), deps);

    expect(lastOf2026).toEqual({ ok: true, reference: 'HDO-2026-000001' });
    expect(firstOf2027).toEqual({ ok: true, reference: 'HDO-2027-000001' });
  });

  it('uses the configured prefix', async () => {
    const { deps } = arrange(RECEIVED_AT);

    expect(await submitReport(submissionFixture('iccs-valid'), { ...deps, referencePrefix: 'TEST' })).toEqual({ ok: true, reference: 'TEST-2026-000001' });
  });
});

describe('submitReport: what is stored', () => {
  it('stores the validated submission as schema version 1, waiting to be routed', async () => {
    const { store, deps } = arrange(RECEIVED_AT);

    await submitReport(submissionFixture('iccs-valid'), deps);

    const stored = await store.get('HDO-2026-000001');
    expect(stored).toEqual({
      schemaVersion: 1,
      reference: 'HDO-2026-000001',
      ...submissionFixture('iccs-valid'),
      receivedAt: RECEIVED_AT,
      expiresAt: Date.parse(RECEIVED_AT) / 1000 + 90 * 86400,
      routing: { status: 'pending' },
    });
    expect(storedReportSchema.safeParse(stored).success).toBe(true);
  });

  it.each([1, 30, 365])('expires %i days after it was received', async (retentionDays) => {
    const { store, deps } = arrange('2026-03-05T12:00:00.750Z');

    await submitReport(submissionFixture('iccs-valid'), { ...deps, retentionDays });

    expect((await store.get('HDO-2026-000001'))?.expiresAt).toBe(Math.floor(Date.parse('2026-03-05T12:00:00Z') / 1000) + retentionDays * DAY_SECONDS);
    expect(DAY_SECONDS).toBe(86400);
  });

  it('stores what was validated, not what was sent: trimmed, without unknown fields or empty optional answers', async () => {
    const { store, deps } = arrange(RECEIVED_AT);
    const input = { ...submissionFixture('radio-valid'), isAdmin: true, summary: '  Terminal får ikke kontakt  ' };
    input.answers = { ...input.answers, talkGroup: '', extra: 'x' };

    await submitReport(input, deps);

    const stored = await store.get('HDO-2026-000001');
    expect(stored?.summary).toBe('Terminal får ikke kontakt');
    expect(stored?.answers).toEqual({ issi: '1234567', location: 'Ambulansestasjonen på Lillehammer' });
    expect(stored).not.toHaveProperty('isAdmin');
  });
});

describe('submitReport: invalid input', () => {
  it('returns the field errors, stores nothing and uses up no reference', async () => {
    const { store, deps } = arrange(RECEIVED_AT);
    const input = { ...submissionFixture('iccs-valid'), summary: '' };

    const result = await submitReport(input, deps);

    expect(result).toEqual({ ok: false, errors: [{ path: 'summary', message: 'Skriv en kort overskrift som sier hva som er feil.' }] });
    expect(store.reports.size).toBe(0);
    expect(store.calls).toEqual({ nextSequence: 0, insert: 0, markRouted: 0 });
  });

  it('gives the next valid report the next number, as if the invalid one never happened', async () => {
    const { deps } = arrange(RECEIVED_AT);
    await submitReport(submissionFixture('iccs-valid'), deps);
    await submitReport({ serviceId: 'fax' }, deps);

    expect(await submitReport(submissionFixture('iccs-valid'), deps)).toEqual({ ok: true, reference: 'HDO-2026-000002' });
  });
});
