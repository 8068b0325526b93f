import { describe, expect, it } from 'vitest';
import { newReportLife } from '../../functions/core/report-life.ts';
import { STORED_REPORT_VERSION, storedReportSchema } from '../../functions/core/stored-report.ts';
import { storedReport } from './builders.ts';

/** What leaves the system is versioned: a report stored by an earlier version is still read, in today's shape. */

describe('storedReportSchema', () => {
  it('reads a current report as it is', () => {
    const report = storedReport();

    expect(storedReportSchema.parse(report)).toEqual(report);
    expect(report.schemaVersion).toBe(STORED_REPORT_VERSION);
  });

  it.each([
    ['affected emergency response', 'yes'],
    ['unaffected emergency response', 'no'],
  ] as const)('upgrades a version 1 fault with %s: urgent comes from impact.emergencyResponse, no call is noted', (_case, emergencyResponse) => {
    const { urgent: _new, calledDesk: _alsoNew, life, impact, ...rest } = storedReport();
    const version1 = { ...rest, schemaVersion: 1, impact: { ...impact, emergencyResponse } };

    const read = storedReportSchema.parse(version1);

    expect(read).toEqual({ ...rest, schemaVersion: STORED_REPORT_VERSION, urgent: emergencyResponse, calledDesk: false, impact, life });
  });

  it('upgrades a version 1 question, which had no impact, as not urgent', () => {
    const { urgent: _new, calledDesk: _alsoNew, impact: _none, life, ...rest } = storedReport({ requestType: 'question' });

    expect(storedReportSchema.parse({ ...rest, schemaVersion: 1 })).toEqual({
      ...rest,
      schemaVersion: STORED_REPORT_VERSION,
      urgent: 'no',
      calledDesk: false,
      life,
    });
  });

  it('reads a version 2 report without the status secret it kept until routed: no secret is held at rest', () => {
    const { clientTag: _new, life, ...rest } = storedReport({ clientTag: 'klient-a' });
    const version2 = { ...rest, schemaVersion: 2, receiptToken: 'status-token-for-tests' };

    const read = storedReportSchema.parse(version2);

    expect(read).toEqual({ ...rest, schemaVersion: STORED_REPORT_VERSION, life });
    expect(JSON.stringify(read)).not.toContain('status-token-for-tests');
  });

  it('keeps a new report’s life: received by the portal when it was stored', () => {
    const report = storedReport();

    expect(report.life).toEqual({
      state: 'received',
      events: [{ id: 'HDO-2026-000001:received', kind: 'state', state: 'received', at: '2026-03-05T12:00:00.000Z', actor: 'portal' }],
    });
  });

  it.each([1, 2, 3])('reads a version %i report nobody has moved as received by the portal when it was stored', (version) => {
    const { life: _new, ...rest } = storedReport({ requestType: 'question', impact: undefined, receivedAt: '2026-03-01T08:15:00.000Z' });

    const read = storedReportSchema.parse({ ...rest, schemaVersion: version });

    expect(read.schemaVersion).toBe(STORED_REPORT_VERSION);
    expect(read.life).toEqual(newReportLife('HDO-2026-000001', new Date('2026-03-01T08:15:00.000Z')));
    expect(read.life.events[0]).toMatchObject({ state: 'received', at: '2026-03-01T08:15:00.000Z', actor: 'portal' });
  });

  it('reads the life a version 3 report was given when the desk first moved it, and its routing as it was', () => {
    const { life: _new, ...rest } = storedReport({ routing: { status: 'routed', at: '2026-03-05T12:00:05.000Z', to: ['team@hdo.example'] } });
    const moved = {
      state: 'registered' as const,
      events: [
        ...newReportLife('HDO-2026-000001', new Date('2026-03-05T12:00:00.000Z')).events,
        { id: 'topdesk:evt-0001', kind: 'state' as const, state: 'registered' as const, at: '2026-03-05T12:30:00.000Z', actor: 'caseSystem' as const },
      ],
    };

    const read = storedReportSchema.parse({ ...rest, schemaVersion: 3, life: moved });

    expect(read.life).toEqual(moved);
    expect(read.routing).toEqual({ status: 'routed', at: '2026-03-05T12:00:05.000Z', to: ['team@hdo.example'] });
  });

  it('refuses a current report without its life', () => {
    const { life: _missing, ...rest } = storedReport();

    expect(storedReportSchema.safeParse(rest).success).toBe(false);
  });

  it('refuses a version it does not know rather than guess', () => {
    expect(storedReportSchema.safeParse({ ...storedReport(), schemaVersion: STORED_REPORT_VERSION + 1 }).success).toBe(false);
  });
});
