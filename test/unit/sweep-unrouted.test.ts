import { describe, expect, it } from 'vitest';
import { sweepUnrouted } from '../../functions/core/sweep-unrouted.ts';
import { realCatalog, storedReport } from './builders.ts';
import { clockAt, InMemoryReportStore, RecordingMailer } from './fakes.ts';

describe('sweepUnrouted', () => {
  it('routes only pending reports older than the minimum age, and reports a broken one without stopping', async () => {
    const store = new InMemoryReportStore();
    const at = (minutesAgo: number) => new Date(Date.parse('2026-03-05T12:30:00Z') - minutesAgo * 60_000).toISOString();
    for (const report of [
      storedReport({ reference: 'HDO-2026-000001', receivedAt: at(20) }),
      storedReport({ reference: 'HDO-2026-000002', receivedAt: at(18), schemaVersion: 99 as never }),
      storedReport({ reference: 'HDO-2026-000003', receivedAt: at(16) }),
      storedReport({ reference: 'HDO-2026-000004', receivedAt: at(5) }),
      storedReport({ reference: 'HDO-2026-000005', receivedAt: at(30), routing: { status: 'routed', at: at(29), to: [] } }),
    ]) {
      store.reports.set(report.reference, report);
    }
    const mailer = new RecordingMailer();
    const errors: string[] = [];

    const outcome = await sweepUnrouted(
      { catalog: realCatalog(), store, mailer, now: clockAt('2026-03-05T12:30:00Z'), statusUrlFor: () => 'https://portal.example.no/status' },
      { minAgeMinutes: 15, limit: 100, onError: (reference) => errors.push(reference) },
    );

    expect(outcome).toEqual({ found: 3, routed: ['HDO-2026-000001', 'HDO-2026-000003'], failed: ['HDO-2026-000002'] });
    expect(errors).toEqual(['HDO-2026-000002']);
    expect(mailer.sent).toHaveLength(4);
  });
});
