import { describe, expect, it } from 'vitest';
import type { Mailer, OutgoingEmail } from '../../functions/core/ports.ts';
import type { RouteDependencies } from '../../functions/core/route-report.ts';
import type { StoredReport } from '../../functions/core/stored-report.ts';
import { sweepUnrouted } from '../../functions/core/sweep-unrouted.ts';
import { realCatalog, storedReport } from './builders.ts';
import { clockAt, fakeDeskLinks, GENEROUS_LIMITS, InMemoryMailCaps, InMemoryReportStore, messageRejected, RecordingMailer, RecordingSignals } from './fakes.ts';

const NOW = '2026-03-05T12:30:00Z';
const at = (minutesAgo: number) => new Date(Date.parse(NOW) - minutesAgo * 60_000).toISOString();

function arrange(reports: StoredReport[], mailer: Mailer = new RecordingMailer()) {
  const store = new InMemoryReportStore();
  for (const report of reports) store.reports.set(report.reference, report);
  const signals = new RecordingSignals();
  const deps: RouteDependencies = {
    catalog: realCatalog(),
    store,
    mailer,
    now: clockAt(NOW),
    statusUrlFor: () => 'https://portal.example.no/status',
    deskLinksFor: fakeDeskLinks,
    caps: new InMemoryMailCaps(),
    limits: GENEROUS_LIMITS,
    signals,
  };
  const errors: string[] = [];
  const sweep = () => sweepUnrouted(deps, { minAgeMinutes: 15, limit: 100, onError: (reference) => errors.push(reference) });
  return { store, deps, signals, errors, sweep };
}

/** Sends everything except e-mails about the given references, which fail as `error` says. */
class FailingFor extends RecordingMailer {
  private readonly failures: Map<string, () => Error>;

  constructor(failures: Record<string, () => Error>) {
    super();
    this.failures = new Map(Object.entries(failures));
  }

  override async send(email: OutgoingEmail): Promise<void> {
    for (const [reference, error] of this.failures) if (email.subject.includes(reference)) throw error();
    await super.send(email);
  }
}

describe('sweepUnrouted', () => {
  it('routes only pending reports older than the minimum age, and marks a broken one failed without stopping', async () => {
    const { sweep, store, deps, errors } = arrange([
      storedReport({ reference: 'HDO-2026-000001', receivedAt: at(20) }),
      storedReport({ reference: 'HDO-2026-000002', receivedAt: at(18), schemaVersion: 99 as never }),
      storedReport({ reference: 'HDO-2026-000003', receivedAt: at(16) }),
      storedReport({ reference: 'HDO-2026-000004', receivedAt: at(5) }),
      storedReport({ reference: 'HDO-2026-000005', receivedAt: at(30), routing: { status: 'routed', at: at(29), to: [] } }),
    ]);

    const outcome = await sweep();

    expect(outcome).toEqual({
      found: 3,
      routed: ['HDO-2026-000001', 'HDO-2026-000003'],
      failed: ['HDO-2026-000002'],
      retry: [],
      skipped: [],
      oldestUnroutedAgeSeconds: 5 * 60,
    });
    expect(errors).toEqual([]);
    expect(store.reports.get('HDO-2026-000002')?.routing.status).toBe('failed');
    // Two reports × (desk, receipt), and the desk's notice about the broken one.
    expect((deps.mailer as RecordingMailer).sent).toHaveLength(5);
  });

  it('is not jammed by a report SES refuses for good: three sweeps during which the others get through (finding 1)', async () => {
    // The scenario: the oldest pending report can never be sent, three more were dead-lettered during an
    // SES outage. The sweeper used to stop at the first failure every run, so none was ever routed.
    const poison = storedReport({ reference: 'HDO-2026-000001', receivedAt: at(40), serviceId: 'video', answers: {} });
    const stranded = [2, 3, 4].map((index) => storedReport({ reference: `HDO-2026-00000${index}`, receivedAt: at(30 - index) }));
    const mailer = new FailingFor({ 'HDO-2026-000001': () => messageRejected('servicedesk@hdo.example') });
    const { sweep, store, signals } = arrange([poison, ...stranded], mailer);

    const sweeps = [await sweep(), await sweep(), await sweep()];

    expect(sweeps.map((outcome) => [outcome.routed, outcome.failed])).toEqual([
      [['HDO-2026-000002', 'HDO-2026-000003', 'HDO-2026-000004'], ['HDO-2026-000001']],
      [[], []],
      [[], []],
    ]);
    expect(store.reports.get('HDO-2026-000001')?.routing).toMatchObject({ status: 'failed', reason: expect.stringContaining('Servicedesk: MessageRejected') });
    expect(signals.failed.map((failure) => failure.reference)).toEqual(['HDO-2026-000001']);
    expect(signals.oldestAges).toEqual([0, 0, 0]);
  });

  it('goes on past a failure that may pass, keeps that report for the next sweep and says so', async () => {
    const throttled = () => Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling' });
    const reports = [1, 2, 3].map((index) => storedReport({ reference: `HDO-2026-00000${index}`, receivedAt: at(30 - index) }));
    const { sweep, errors, signals } = arrange(reports, new FailingFor({ 'HDO-2026-000001': throttled }));

    const outcome = await sweep();

    expect(outcome).toMatchObject({ found: 3, routed: ['HDO-2026-000002', 'HDO-2026-000003'], failed: [], retry: ['HDO-2026-000001'] });
    expect(errors).toEqual(['HDO-2026-000001']);
    expect(signals.oldestAges).toEqual([29 * 60]);
  });

  it('leaves a report whose lease another router holds, and one it has no time left for', async () => {
    const reports = [1, 2, 3].map((index) => storedReport({ reference: `HDO-2026-00000${index}`, receivedAt: at(30 - index) }));
    const { store, deps, signals } = arrange(reports);
    store.leases.set('HDO-2026-000001', { holder: 'stream', until: Date.parse(NOW) + 30_000 });
    let started = 0;

    const outcome = await sweepUnrouted(deps, { minAgeMinutes: 15, limit: 100, onError: () => undefined, shouldStart: () => started++ < 2 });

    expect(outcome).toMatchObject({ routed: ['HDO-2026-000002'], skipped: ['HDO-2026-000001', 'HDO-2026-000003'], retry: [] });
    expect(signals.oldestAges).toEqual([29 * 60]);
  });

  it('emits the age of the oldest waiting report on every run, 0 when there is none', async () => {
    const { sweep, signals } = arrange([storedReport({ reference: 'HDO-2026-000001', receivedAt: at(3) })]);

    const outcome = await sweep();

    expect(outcome).toEqual({ found: 0, routed: [], failed: [], retry: [], skipped: [], oldestUnroutedAgeSeconds: 180 });
    expect(signals.oldestAges).toEqual([180]);
    const empty = arrange([]);
    await empty.sweep();
    expect(empty.signals.oldestAges).toEqual([0]);
  });
});
