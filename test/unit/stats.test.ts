import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../functions/core/report-life.ts';
import { formatStatesCsv, formatStatesTable, formatStatsCsv, formatStatsTable, isoWeek, tallyReports, tallyStates } from '../../functions/core/stats.ts';
import { realCatalog } from './builders.ts';

describe('isoWeek', () => {
  it.each([
    ['2026-11-22T12:00:00Z', '2026-W47'],
    ['2026-01-01T12:00:00Z', '2026-W01'],
    ['2027-01-01T12:00:00Z', '2026-W53'],
    ['2024-12-30T12:00:00Z', '2025-W01'],
    ['2026-11-22T23:30:00Z', '2026-W48'],
  ])('puts %s in %s (ISO weeks, Oslo time)', (iso, week) => {
    expect(isoWeek(iso)).toBe(week);
  });
});

describe('tallyReports', () => {
  const reports = [
    { serviceId: 'iccs', priority: 'P2', receivedAt: '2026-11-16T08:00:00Z' },
    { serviceId: 'iccs', priority: 'P2', receivedAt: '2026-11-20T08:00:00Z' },
    { serviceId: 'iccs', priority: 'P1', receivedAt: '2026-11-20T09:00:00Z' },
    { serviceId: 'radio', priority: 'P3', receivedAt: '2026-11-23T09:00:00Z' },
  ] as const;

  it('counts reports per week, service and priority, in that order', () => {
    expect(tallyReports(reports)).toEqual([
      { week: '2026-W47', serviceId: 'iccs', priority: 'P1', count: 1 },
      { week: '2026-W47', serviceId: 'iccs', priority: 'P2', count: 2 },
      { week: '2026-W48', serviceId: 'radio', priority: 'P3', count: 1 },
    ]);
  });

  it('writes CSV with Norwegian headers', () => {
    expect(formatStatsCsv(tallyReports(reports))).toBe('Uke,Tjeneste,Prioritet,Antall\n2026-W47,iccs,P1,1\n2026-W47,iccs,P2,2\n2026-W48,radio,P3,1');
  });

  it('writes an aligned table with a total', () => {
    const table = formatStatsTable(tallyReports(reports)).split('\n');

    expect(table[0]).toBe('Uke       Tjeneste  Prioritet  Antall');
    expect(table[3]).toBe('2026-W47  iccs      P2              2');
    expect(table.at(-1)).toBe('Totalt: 4 meldinger');
  });

  it('says so when there is nothing to count', () => {
    expect(formatStatsTable([])).toBe('Ingen meldinger funnet.');
  });
});

describe('tallyStates: reports by where their case is now', () => {
  const LABELS = Object.fromEntries(Object.entries(realCatalog().caseStates.states).map(([state, words]) => [state, words.label])) as Record<CaseState, string>;
  const reports = [{ state: 'received' }, { state: 'registered' }, { state: 'registered' }, { state: 'solved' }] as const;

  it('counts every state, in the order a case goes, with nought where there is none', () => {
    expect(tallyStates(reports)).toEqual([
      { state: 'received', count: 1 },
      { state: 'registered', count: 2 },
      { state: 'escalated', count: 0 },
      { state: 'awaitingReporter', count: 0 },
      { state: 'solved', count: 1 },
      { state: 'closed', count: 0 },
    ]);
  });

  it('writes an aligned table with the labels of content/case-states.yaml', () => {
    expect(formatStatesTable(tallyStates(reports), LABELS).split('\n')).toEqual([
      'Status             Antall',
      '-----------------  ------',
      'Mottatt                 1',
      'Registrert              2',
      'Sendt til fagteam       0',
      'Venter på deg           0',
      'Løst                    1',
      'Lukket                  0',
    ]);
  });

  it('writes CSV with the fixed id beside the label, quoting a label with a comma', () => {
    const csv = formatStatesCsv(tallyStates(reports), { ...LABELS, solved: 'Løst, venter på lukking' }).split('\n');

    expect(csv[0]).toBe('Tilstand,Status,Antall');
    expect(csv[2]).toBe('registered,Registrert,2');
    expect(csv[5]).toBe('solved,"Løst, venter på lukking",1');
  });
});
