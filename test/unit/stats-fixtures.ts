import type { Priority } from '../../functions/core/priority.ts';
import type { CaseState } from '../../functions/core/report-life.ts';
import type { StatsReport } from '../../functions/core/stats-report.ts';

/** Reports for the statistics' tests: fixed times, no clock. */

const MINUTE = 60_000;

/** A report received at `receivedAt`, moved to each state `[state, minutes after received]` in turn. */
export function statsReport(
  reference: string,
  serviceId: string,
  priority: Priority,
  receivedAt: string,
  moves: readonly (readonly [CaseState, number])[] = [],
  extra: Partial<StatsReport> = {},
): StatsReport {
  const start = Date.parse(receivedAt);
  const events = [
    { kind: 'state', state: 'received' as CaseState, at: receivedAt },
    ...moves.map(([state, minutes]) => ({ kind: 'state', state, at: new Date(start + minutes * MINUTE).toISOString() })),
  ];
  return { reference, serviceId, priority, receivedAt, state: moves.at(-1)?.[0] ?? 'received', events, ...extra };
}

/**
 * Three months with reports and one without between them (November): radio in September; a cluster of four ICCS
 * reports from two organisations on 14 October, chained by gaps of 40, 110 and 115 minutes; a video report nobody
 * has taken up; and in December three telephony reports 120 and 121 minutes apart, which are not a cluster.
 */
export function statsFixture(): StatsReport[] {
  return [
    statsReport('HDO-2026-000001', 'radio', 'P3', '2026-09-02T07:00:00Z', [
      ['registered', 30],
      ['solved', 24 * 60],
    ]),
    statsReport('HDO-2026-000002', 'radio', 'P3', '2026-09-03T07:00:00Z', [['registered', 90]]),
    statsReport(
      'HDO-2026-000003',
      'iccs',
      'P2',
      '2026-10-14T06:00:00Z',
      [
        ['registered', 10],
        ['escalated', 20],
        ['solved', 180],
      ],
      { organisation: 'Sykehuset Innlandet', site: 'AMK Innlandet' },
    ),
    statsReport(
      'HDO-2026-000004',
      'iccs',
      'P2',
      '2026-10-14T06:40:00Z',
      [
        ['registered', 20],
        ['solved', 240],
        ['closed', 600],
      ],
      { organisation: 'Helse <Bergen> & "co"', site: 'AMK Bergen' },
    ),
    statsReport('HDO-2026-000005', 'iccs', 'P1', '2026-10-14T08:30:00Z', [['escalated', 5]], { organisation: 'Sykehuset Innlandet', site: 'AMK Innlandet' }),
    statsReport('HDO-2026-000006', 'iccs', 'P3', '2026-10-14T10:25:00Z', [], { organisation: 'Sykehuset Innlandet' }),
    statsReport('HDO-2026-000007', 'video', 'P4', '2026-10-20T12:00:00Z'),
    statsReport('HDO-2026-000008', 'telephony', 'P3', '2026-12-01T08:00:00Z', [['registered', 60]]),
    statsReport('HDO-2026-000009', 'telephony', 'P3', '2026-12-01T10:00:00Z', [['registered', 45]]),
    statsReport('HDO-2026-000010', 'telephony', 'P4', '2026-12-01T12:01:00Z'),
  ];
}
