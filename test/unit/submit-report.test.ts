import { describe, expect, it } from 'vitest';
import { DAY_SECONDS, storedReportSchema } from '../../functions/core/stored-report.ts';
import { hashStatusToken } from '../../functions/core/status-token.ts';
import { IdempotencyKeyReusedError } from '../../functions/core/submission-claim.ts';
import { submitReport, type SubmitDependencies } from '../../functions/core/submit-report.ts';
import { realCatalog, realJourneys, submissionFixture } from './builders.ts';
import { clockAt, InMemoryReportStore } from './fakes.ts';

const RECEIVED_AT = '2026-03-05T12:00:00.000Z';

function arrange(...times: [string, ...string[]]) {
  const store = new InMemoryReportStore();
  const deps: SubmitDependencies = {
    journeys: realJourneys(),
    priorityPolicy: realCatalog().priority,
    store,
    now: clockAt(...times),
    statusTokenFor: (reference) => `token-for-${reference}`,
    referencePrefix: 'HDO',
    retentionDays: 90,
    idempotencyHours: 24,
  };
  return { store, deps };
}

describe('submitReport: references', () => {
  it('numbers reports in sequence: HDO-2026-000001, HDO-2026-000002, …', async () => {
    const { deps } = arrange(RECEIVED_AT);

    const first = await submitReport(submissionFixture('iccs-valid'), deps);
    const second = await submitReport(submissionFixture('radio-valid'), deps);
    const third = await submitReport(submissionFixture('iccs-valid'), deps);

    expect([first, second, third]).toEqual([
      { ok: true, reference: 'HDO-2026-000001', priority: 'P2', statusToken: 'token-for-HDO-2026-000001' },
      { ok: true, reference: 'HDO-2026-000002', priority: 'P2', statusToken: 'token-for-HDO-2026-000002' },
      { ok: true, reference: 'HDO-2026-000003', priority: 'P2', statusToken: 'token-for-HDO-2026-000003' },
    ]);
  });

  it('starts again at 000001 in a new year', async () => {
    const { deps } = arrange('2026-12-31T22:59:59.000Z', '2027-01-01T00:00:00.000Z');

    const lastOf2026 = await submitReport(submissionFixture('iccs-valid'), deps);
    const firstOf2027 = await submitReport(submissionFixture('iccs-valid'), deps);

    expect(lastOf2026).toMatchObject({ ok: true, reference: 'HDO-2026-000001' });
    expect(firstOf2027).toMatchObject({ ok: true, reference: 'HDO-2027-000001' });
  });

  it('uses the configured prefix', async () => {
    const { deps } = arrange(RECEIVED_AT);

    expect(await submitReport(submissionFixture('iccs-valid'), { ...deps, referencePrefix: 'TEST' })).toMatchObject({
      ok: true,
      reference: 'TEST-2026-000001',
    });
  });
});

describe('submitReport: what is stored', () => {
  it('stores the validated submission as schema version 4, without its status secret, with its priority, waiting to be routed, received by the portal', async () => {
    const { store, deps } = arrange(RECEIVED_AT);

    await submitReport(submissionFixture('iccs-valid'), deps);

    const stored = await store.get('HDO-2026-000001', new Date(RECEIVED_AT));
    expect(stored).toEqual({
      schemaVersion: 4,
      reference: 'HDO-2026-000001',
      ...submissionFixture('iccs-valid'),
      calledDesk: false,
      priority: 'P2',
      receivedAt: RECEIVED_AT,
      expiresAt: Date.parse(RECEIVED_AT) / 1000 + 90 * 86400,
      statusTokenHash: hashStatusToken('token-for-HDO-2026-000001'),
      routing: { status: 'pending' },
      delivered: [],
      life: { state: 'received', events: [{ id: 'HDO-2026-000001:received', kind: 'state', state: 'received', at: RECEIVED_AT, actor: 'portal' }] },
    });
    expect(storedReportSchema.safeParse(stored).success).toBe(true);
  });

  it.each([
    { urgent: 'yes', impact: { affected: 'many', workaround: 'no' }, priority: 'P1' },
    { urgent: 'no', impact: { affected: 'site', workaround: 'no' }, priority: 'P2' },
    { urgent: 'no', impact: { affected: 'several', workaround: 'yes' }, priority: 'P3' },
    { urgent: 'no', impact: { affected: 'one', workaround: 'yes' }, priority: 'P4' },
  ])('gives a fault affecting $impact.affected, urgent $urgent, the priority $priority from content/priority.yaml', async ({ urgent, impact, priority }) => {
    const { deps } = arrange(RECEIVED_AT);

    expect(await submitReport({ ...submissionFixture('iccs-valid'), urgent, impact }, deps)).toMatchObject({ ok: true, priority });
  });

  it('takes a written report after an urgent call without impact answers, noting the call, with the priority for such reports', async () => {
    const { store, deps } = arrange(RECEIVED_AT);
    const {
      impact: _asked,
      answers: _covered,
      ...written
    } = { ...submissionFixture('iccs-valid'), urgent: 'yes', calledDesk: 'yes' } as Record<string, unknown>;

    expect(await submitReport(written, deps)).toMatchObject({ ok: true, priority: 'P1' });
    expect(await store.get('HDO-2026-000001', new Date(RECEIVED_AT))).toMatchObject({ urgent: 'yes', calledDesk: true, answers: {} });
  });

  it('gives a question, which has no impact answers, priority P4', async () => {
    const { store, deps } = arrange(RECEIVED_AT);
    const { impact: _none, ...question } = { ...submissionFixture('iccs-valid'), requestType: 'question' } as Record<string, unknown>;

    expect(await submitReport(question, deps)).toMatchObject({ ok: true, priority: 'P4' });
    expect((await store.get('HDO-2026-000001', new Date(RECEIVED_AT)))?.impact).toBeUndefined();
  });

  it.each([1, 30, 365])('expires %i days after it was received', async (retentionDays) => {
    const { store, deps } = arrange('2026-03-05T12:00:00.750Z');

    await submitReport(submissionFixture('iccs-valid'), { ...deps, retentionDays });

    expect((await store.get('HDO-2026-000001', new Date(RECEIVED_AT)))?.expiresAt).toBe(
      Math.floor(Date.parse('2026-03-05T12:00:00Z') / 1000) + retentionDays * DAY_SECONDS,
    );
    expect(DAY_SECONDS).toBe(86400);
  });

  it('stores what was validated, not what was sent: trimmed, without unknown fields or empty optional answers', async () => {
    const { store, deps } = arrange(RECEIVED_AT);
    const input = { ...submissionFixture('radio-valid'), isAdmin: true, summary: '  Terminal får ikke kontakt  ' };
    input.answers = { ...input.answers, talkGroup: '', extra: 'x' };

    await submitReport(input, deps);

    const stored = await store.get('HDO-2026-000001', new Date(RECEIVED_AT));
    expect(stored?.summary).toBe('Terminal får ikke kontakt');
    expect(stored?.answers).toEqual({ issi: '1234567', location: 'Ambulansestasjonen på Lillehammer', faultState: 'ongoing' });
    expect(stored).not.toHaveProperty('isAdmin');
  });
});

describe('submitReport: invalid input', () => {
  it('returns the field errors, stores nothing and uses up no reference', async () => {
    const { store, deps } = arrange(RECEIVED_AT);
    const input = { ...submissionFixture('iccs-valid'), summary: '' };

    const result = await submitReport(input, deps);

    expect(result).toEqual({ ok: false, errors: [{ path: 'summary', message: 'Skriv en kort overskrift som sier hva saken gjelder.' }] });
    expect(store.reports.size).toBe(0);
    expect(store.calls).toEqual({ nextSequence: 0, insert: 0, markRouted: 0, markDelivered: 0 });
  });

  it('gives the next valid report the next number, as if the invalid one never happened', async () => {
    const { deps } = arrange(RECEIVED_AT);
    await submitReport(submissionFixture('iccs-valid'), deps);
    await submitReport({ serviceId: 'fax' }, deps);

    expect(await submitReport(submissionFixture('iccs-valid'), deps)).toMatchObject({ ok: true, reference: 'HDO-2026-000002' });
  });
});

describe('submitReport: with an Idempotency-Key', () => {
  const KEY = 'a4c1f0e2-7d7b-4a43-9f7e-2b5b1c0d9e11';

  it('answers a retry with the same reference and secret, and stores the report once', async () => {
    const { store, deps } = arrange(RECEIVED_AT);

    const first = await submitReport(submissionFixture('iccs-valid'), deps, { idempotencyKey: KEY });
    const retry = await submitReport(submissionFixture('iccs-valid'), deps, { idempotencyKey: KEY });

    expect(retry).toEqual(first);
    expect(first).toEqual({ ok: true, reference: 'HDO-2026-000001', priority: 'P2', statusToken: 'token-for-HDO-2026-000001' });
    expect([...store.reports.keys()]).toEqual(['HDO-2026-000001']);
    expect(store.calls.nextSequence).toBe(1);
  });

  it('stores the claimed report when the first attempt claimed the key but failed before the report was written', async () => {
    const { store, deps } = arrange(RECEIVED_AT);
    const insert = store.insert.bind(store);
    store.insert = async () => {
      throw new Error('DynamoDB svarte ikke');
    };
    await expect(submitReport(submissionFixture('iccs-valid'), deps, { idempotencyKey: KEY })).rejects.toThrow('DynamoDB svarte ikke');
    store.insert = insert;

    const retry = await submitReport(submissionFixture('iccs-valid'), deps, { idempotencyKey: KEY });

    expect(retry).toEqual({ ok: true, reference: 'HDO-2026-000001', priority: 'P2', statusToken: 'token-for-HDO-2026-000001' });
    expect((await store.get('HDO-2026-000001', new Date(RECEIVED_AT)))?.statusTokenHash).toBe(hashStatusToken('token-for-HDO-2026-000001'));
    expect(store.reports.size).toBe(1);
  });

  it('treats storing the very same report again as done: the first write went through, its answer was lost', async () => {
    const { store, deps } = arrange(RECEIVED_AT);
    await submitReport(submissionFixture('iccs-valid'), deps, { idempotencyKey: KEY });
    const claimed = (await store.findClaim(KEY, new Date(RECEIVED_AT)))!.report;

    await store.insert(claimed);

    expect(store.reports.size).toBe(1);
    await expect(store.insert({ ...claimed, statusTokenHash: hashStatusToken('another') })).rejects.toThrow('allerede brukt av en annen melding');
  });

  it('stores nothing under the key for a submission that fails validation, so the corrected one is taken with it', async () => {
    const { store, deps } = arrange(RECEIVED_AT);

    const invalid = await submitReport({ ...submissionFixture('iccs-valid'), summary: '' }, deps, { idempotencyKey: KEY });
    const corrected = await submitReport(submissionFixture('iccs-valid'), deps, { idempotencyKey: KEY });

    expect(invalid.ok).toBe(false);
    expect(corrected).toEqual({ ok: true, reference: 'HDO-2026-000001', priority: 'P2', statusToken: 'token-for-HDO-2026-000001' });
    expect(store.reports.size).toBe(1);
  });

  it('keeps the client tag with the report, for the per-client caps', async () => {
    const { store, deps } = arrange(RECEIVED_AT);

    await submitReport(submissionFixture('iccs-valid'), deps, { clientTag: 'klient-a' });

    expect((await store.get('HDO-2026-000001', new Date(RECEIVED_AT)))?.clientTag).toBe('klient-a');
  });

  it('refuses the same key for another report, storing nothing new', async () => {
    const { store, deps } = arrange(RECEIVED_AT);
    await submitReport(submissionFixture('iccs-valid'), deps, { idempotencyKey: KEY });

    await expect(submitReport(submissionFixture('radio-valid'), deps, { idempotencyKey: KEY })).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(store.reports.size).toBe(1);
  });

  it("gives two racing attempts with one key one report; the loser's reference number stays unused", async () => {
    const { store, deps } = arrange(RECEIVED_AT);

    const answers = await Promise.all([
      submitReport(submissionFixture('iccs-valid'), deps, { idempotencyKey: KEY }),
      submitReport(submissionFixture('iccs-valid'), deps, { idempotencyKey: KEY }),
    ]);

    expect(answers[1]).toEqual(answers[0]);
    expect(store.reports.size).toBe(1);
    expect(store.counters.get('HDO-2026')).toBe(2);
  });

  it('frees the key after idempotencyHours: the same key then files a new report', async () => {
    const { store, deps } = arrange(RECEIVED_AT, '2026-03-06T12:00:00.000Z');
    await submitReport(submissionFixture('iccs-valid'), deps, { idempotencyKey: KEY });

    const dayLater = await submitReport(submissionFixture('radio-valid'), deps, { idempotencyKey: KEY });

    expect(dayLater).toMatchObject({ ok: true, reference: 'HDO-2026-000002' });
    expect(store.reports.size).toBe(2);
  });
});
