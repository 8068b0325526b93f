import { describe, expect, it } from 'vitest';
import {
  durationMedians,
  findClusters,
  median,
  monthRange,
  osloMonth,
  statsReportFromItem,
  summariseStats,
  tallyMonths,
  timeToRegistered,
  timeToSolved,
} from '../../functions/core/stats-report.ts';
import { statsFixture, statsReport } from './stats-fixtures.ts';

const MINUTE = 60_000;

describe('osloMonth', () => {
  it.each([
    ['2026-11-15T12:00:00Z', '2026-11'],
    ['2026-10-31T23:30:00Z', '2026-11'], // 00:30 on 1 November in Oslo (winter time, UTC+1)
    ['2026-06-30T22:30:00Z', '2026-07'], // 00:30 on 1 July in Oslo (summer time, UTC+2)
    ['2026-12-31T22:59:00Z', '2026-12'],
    ['2026-12-31T23:00:00Z', '2027-01'],
  ])('puts %s in %s (Oslo time)', (iso, month) => {
    expect(osloMonth(iso)).toBe(month);
  });
});

describe('monthRange', () => {
  it('lists every month between two, across a new year', () => {
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('is one month when both are the same', () => {
    expect(monthRange('2026-05', '2026-05')).toEqual(['2026-05']);
  });
});

describe('tallyMonths', () => {
  it('counts per month, service and priority, services in the order users see them', () => {
    const reports = [
      statsReport('A', 'iccs', 'P2', '2026-10-14T06:00:00Z'),
      statsReport('B', 'radio', 'P3', '2026-10-20T06:00:00Z'),
      statsReport('C', 'iccs', 'P2', '2026-10-31T23:30:00Z'), // November in Oslo
      statsReport('D', 'iccs', 'P1', '2026-10-01T06:00:00Z'),
      statsReport('E', 'iccs', 'P2', '2026-10-02T06:00:00Z'),
    ];

    const rows = tallyMonths(reports);

    expect(rows).toEqual([
      { month: '2026-10', serviceId: 'radio', priority: 'P3', count: 1 },
      { month: '2026-10', serviceId: 'iccs', priority: 'P1', count: 1 },
      { month: '2026-10', serviceId: 'iccs', priority: 'P2', count: 2 },
      { month: '2026-11', serviceId: 'iccs', priority: 'P2', count: 1 },
    ]);
  });
});

describe('median', () => {
  it.each([
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
    [[10, 20], 15],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('is undefined for no values', () => {
    expect(median([])).toBeUndefined();
  });
});

describe('timeToRegistered', () => {
  it('is the time to the first move out of received', () => {
    expect(
      timeToRegistered(
        statsReport('A', 'iccs', 'P3', '2026-10-01T08:00:00Z', [
          ['registered', 30],
          ['escalated', 90],
        ]),
      ),
    ).toBe(30 * MINUTE);
  });

  it('counts a case moved straight to escalated as taken up then', () => {
    expect(timeToRegistered(statsReport('A', 'iccs', 'P3', '2026-10-01T08:00:00Z', [['escalated', 12]]))).toBe(12 * MINUTE);
  });

  it('ignores a request to escalate, which moves nothing', () => {
    const report = statsReport('A', 'iccs', 'P3', '2026-10-01T08:00:00Z');
    const asked = { ...report, events: [...report.events, { kind: 'escalationRequested', state: 'received' as const, at: '2026-10-01T09:00:00Z' }] };

    expect(timeToRegistered(asked)).toBeUndefined();
  });

  it('is undefined while the case is received', () => {
    expect(timeToRegistered(statsReport('A', 'iccs', 'P3', '2026-10-01T08:00:00Z'))).toBeUndefined();
  });
});

describe('timeToSolved', () => {
  it('is the time to solved, not to closed after it', () => {
    expect(
      timeToSolved(
        statsReport('A', 'iccs', 'P3', '2026-10-01T08:00:00Z', [
          ['registered', 10],
          ['solved', 120],
          ['closed', 600],
        ]),
      ),
    ).toBe(120 * MINUTE);
  });

  it('counts a case closed without being solved as ended when closed', () => {
    expect(timeToSolved(statsReport('A', 'iccs', 'P3', '2026-10-01T08:00:00Z', [['closed', 45]]))).toBe(45 * MINUTE);
  });

  it('is undefined for a case reopened since it was solved', () => {
    expect(
      timeToSolved(
        statsReport('A', 'iccs', 'P3', '2026-10-01T08:00:00Z', [
          ['solved', 60],
          ['registered', 90],
        ]),
      ),
    ).toBeUndefined();
  });

  it('is the time to the last solve of a case reopened and solved again', () => {
    expect(
      timeToSolved(
        statsReport('A', 'iccs', 'P3', '2026-10-01T08:00:00Z', [
          ['solved', 60],
          ['registered', 90],
          ['solved', 300],
        ]),
      ),
    ).toBe(300 * MINUTE);
  });

  it('is undefined for a case never solved', () => {
    expect(timeToSolved(statsReport('A', 'iccs', 'P3', '2026-10-01T08:00:00Z', [['registered', 10]]))).toBeUndefined();
  });
});

describe('durationMedians', () => {
  it('takes the median per service and priority of the reports that got there, and counts those left out', () => {
    const reports = [
      statsReport('A', 'iccs', 'P2', '2026-10-01T08:00:00Z', [
        ['registered', 10],
        ['solved', 100],
      ]),
      statsReport('B', 'iccs', 'P2', '2026-10-01T09:00:00Z', [['registered', 20]]),
      statsReport('C', 'iccs', 'P3', '2026-10-01T10:00:00Z', [['registered', 60]]),
      statsReport('D', 'iccs', 'P3', '2026-10-01T11:00:00Z'),
      statsReport('E', 'radio', 'P3', '2026-10-01T12:00:00Z', [
        ['registered', 5],
        ['solved', 50],
      ]),
    ];

    const { byService, byPriority, all } = durationMedians(reports);

    expect(byService.map((row) => row.key)).toEqual(['radio', 'iccs']);
    expect(byService[1]).toEqual({
      key: 'iccs',
      reports: 4,
      toRegistered: { median: 20 * MINUTE, measured: 3, excluded: 1 },
      toSolved: { median: 100 * MINUTE, measured: 1, excluded: 3 },
    });
    expect(byPriority.map((row) => [row.key, row.toRegistered.median])).toEqual([
      ['P2', 15 * MINUTE],
      ['P3', 32.5 * MINUTE],
    ]);
    expect(all.toRegistered).toEqual({ median: 15 * MINUTE, measured: 4, excluded: 1 });
    expect(all.toSolved).toEqual({ median: 75 * MINUTE, measured: 2, excluded: 3 });
  });
});

describe('findClusters: at least 3 reports of one service, each within 2 hours of the one before', () => {
  const at = (minutes: number) => new Date(Date.parse('2026-10-14T06:00:00Z') + minutes * MINUTE).toISOString();

  it('chains reports exactly 2 hours apart into one cluster longer than the window', () => {
    const reports = [0, 120, 240].map((minutes, index) => statsReport(`R${index}`, 'iccs', 'P3', at(minutes)));

    const clusters = findClusters(reports);

    expect(clusters).toEqual([{ serviceId: 'iccs', from: at(0), to: at(240), count: 3, references: ['R0', 'R1', 'R2'], organisations: [], sites: [] }]);
  });

  it('breaks the chain one minute past 2 hours', () => {
    const reports = [0, 120, 241].map((minutes, index) => statsReport(`R${index}`, 'iccs', 'P3', at(minutes)));

    expect(findClusters(reports)).toEqual([]);
  });

  it('needs 3: two reports close together are no cluster', () => {
    expect(findClusters([statsReport('R0', 'iccs', 'P3', at(0)), statsReport('R1', 'iccs', 'P3', at(1))])).toEqual([]);
  });

  it('never mixes services', () => {
    const reports = [statsReport('R0', 'iccs', 'P3', at(0)), statsReport('R1', 'radio', 'P3', at(1)), statsReport('R2', 'iccs', 'P3', at(2))];

    expect(findClusters(reports)).toEqual([]);
  });

  it('sorts the reports by time received, and lists distinct organisations and sites', () => {
    const reports = [
      statsReport('R2', 'video', 'P3', at(50), [], { organisation: 'Helse Bergen', site: 'AMK Bergen' }),
      statsReport('R0', 'video', 'P3', at(0), [], { organisation: 'Sykehuset Innlandet', site: 'AMK Innlandet' }),
      statsReport('R1', 'video', 'P3', at(30), [], { organisation: 'Helse Bergen' }),
    ];

    const [cluster] = findClusters(reports);

    expect(cluster?.references).toEqual(['R0', 'R1', 'R2']);
    expect(cluster?.organisations).toEqual(['Helse Bergen', 'Sykehuset Innlandet']);
    expect(cluster?.sites).toEqual(['AMK Bergen', 'AMK Innlandet']);
  });

  it('finds two clusters of one service apart, and follows the rule it is given', () => {
    const reports = [0, 10, 500, 510].map((minutes, index) => statsReport(`R${index}`, 'iccs', 'P3', at(minutes)));

    const clusters = findClusters(reports, { minReports: 2, windowMinutes: 15 });

    expect(clusters.map((cluster) => cluster.references)).toEqual([
      ['R0', 'R1'],
      ['R2', 'R3'],
    ]);
  });
});

describe('statsReportFromItem', () => {
  const NOW = Date.parse('2026-11-01T00:00:00Z') / 1000;
  const item = {
    pk: 'REPORT#HDO-2026-000001',
    reference: 'HDO-2026-000001',
    serviceId: 'iccs',
    priority: 'P2',
    receivedAt: '2026-10-14T06:00:00.000Z',
    expiresAt: NOW + 100,
    life: {
      state: 'registered',
      events: [
        { id: 'x:received', kind: 'state', state: 'received', at: '2026-10-14T06:00:00.000Z', actor: 'portal' },
        { id: 'x:registered', kind: 'state', state: 'registered', at: '2026-10-14T06:10:00.000Z', actor: 'desk' },
      ],
    },
    contact: { organisation: ' Sykehuset Innlandet ' },
    answers: { controlRoom: 'AMK Innlandet' },
  };

  it('keeps the reference, the life, the organisation and the control room', () => {
    expect(statsReportFromItem(item, NOW)).toEqual({
      reference: 'HDO-2026-000001',
      serviceId: 'iccs',
      priority: 'P2',
      receivedAt: '2026-10-14T06:00:00.000Z',
      state: 'registered',
      events: [
        { kind: 'state', state: 'received', at: '2026-10-14T06:00:00.000Z' },
        { kind: 'state', state: 'registered', at: '2026-10-14T06:10:00.000Z' },
      ],
      organisation: 'Sykehuset Innlandet',
      site: 'AMK Innlandet',
    });
  });

  it('takes the location answer when there is no control room', () => {
    expect(statsReportFromItem({ ...item, serviceId: 'radio', answers: { location: 'Hamar' } }, NOW)?.site).toBe('Hamar');
  });

  it('reads a report stored before its life was kept as received, with no moves', () => {
    const { life: _life, ...old } = item;

    expect(statsReportFromItem(old, NOW)).toMatchObject({ state: 'received', events: [] });
  });

  it('drops an expired report and one with an unknown priority', () => {
    expect(statsReportFromItem({ ...item, expiresAt: NOW }, NOW)).toBeUndefined();
    expect(statsReportFromItem({ ...item, priority: 'P9' }, NOW)).toBeUndefined();
  });
});

describe('summariseStats', () => {
  it('spans every month from the first report to the last, the empty ones too', () => {
    const summary = summariseStats(statsFixture());

    expect(summary.total).toBe(10);
    expect(summary.months).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
    expect(summary.clusters.map((cluster) => [cluster.serviceId, cluster.count])).toEqual([['iccs', 4]]);
    expect(summary.states.find((row) => row.state === 'received')?.count).toBe(3);
  });

  it('is empty without reports', () => {
    expect(summariseStats([])).toMatchObject({ total: 0, months: [], monthRows: [], clusters: [], firstReceivedAt: undefined });
  });
});
