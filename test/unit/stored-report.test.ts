import { describe, expect, it } from 'vitest';
import { STORED_REPORT_VERSION, storedReportSchema } from '../../functions/core/stored-report.ts';
import { storedReport } from './builders.ts';

/** What leaves the system is versioned: a report stored before version 2 is still read, in today's shape. */

describe('storedReportSchema', () => {
  it('reads a version 2 report as it is', () => {
    const report = storedReport();

    expect(storedReportSchema.parse(report)).toEqual(report);
    expect(report.schemaVersion).toBe(STORED_REPORT_VERSION);
  });

  it.each([
    ['affected emergency response', 'yes'],
    ['unaffected emergency response', 'no'],
  ] as const)('upgrades a version 1 fault with %s: urgent comes from impact.emergencyResponse, no call is noted', (_case, emergencyResponse) => {
    const { urgent: _new, calledDesk: _alsoNew, impact, ...rest } = storedReport();
    const version1 = { ...rest, schemaVersion: 1, impact: { ...impact, emergencyResponse } };

    const read = storedReportSchema.parse(version1);

    expect(read).toEqual({ ...rest, schemaVersion: 2, urgent: emergencyResponse, calledDesk: false, impact });
  });

  it('upgrades a version 1 question, which had no impact, as not urgent', () => {
    const { urgent: _new, calledDesk: _alsoNew, impact: _none, ...rest } = storedReport({ requestType: 'question' });

    expect(storedReportSchema.parse({ ...rest, schemaVersion: 1 })).toEqual({ ...rest, schemaVersion: 2, urgent: 'no', calledDesk: false });
  });

  it('refuses a version it does not know rather than guess', () => {
    expect(storedReportSchema.safeParse({ ...storedReport(), schemaVersion: 3 }).success).toBe(false);
  });
});
