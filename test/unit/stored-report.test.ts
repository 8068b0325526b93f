import { describe, expect, it } from 'vitest';
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
    const { urgent: _new, calledDesk: _alsoNew, impact, ...rest } = storedReport();
    const version1 = { ...rest, schemaVersion: 1, impact: { ...impact, emergencyResponse } };

    const read = storedReportSchema.parse(version1);

    expect(read).toEqual({ ...rest, schemaVersion: STORED_REPORT_VERSION, urgent: emergencyResponse, calledDesk: false, impact });
  });

  it('upgrades a version 1 question, which had no impact, as not urgent', () => {
    const { urgent: _new, calledDesk: _alsoNew, impact: _none, ...rest } = storedReport({ requestType: 'question' });

    expect(storedReportSchema.parse({ ...rest, schemaVersion: 1 })).toEqual({ ...rest, schemaVersion: STORED_REPORT_VERSION, urgent: 'no', calledDesk: false });
  });

  it('reads a version 2 report without the status secret it kept until routed: no secret is held at rest', () => {
    const { clientTag: _new, ...rest } = storedReport({ clientTag: 'klient-a' });
    const version2 = { ...rest, schemaVersion: 2, receiptToken: 'status-token-for-tests' };

    const read = storedReportSchema.parse(version2);

    expect(read).toEqual({ ...rest, schemaVersion: STORED_REPORT_VERSION });
    expect(JSON.stringify(read)).not.toContain('status-token-for-tests');
  });

  it('refuses a version it does not know rather than guess', () => {
    expect(storedReportSchema.safeParse({ ...storedReport(), schemaVersion: STORED_REPORT_VERSION + 1 }).success).toBe(false);
  });
});
