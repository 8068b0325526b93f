import { MAJOR_INCIDENT_SUBJECT } from '../../functions/core/major-incident-email.ts';
import { describe, expect, it } from 'vitest';
import { iccsReport } from '../support/fixtures.ts';
import { postReport, sentEmails, storedReports, useTestPortal } from '../support/local-portal.ts';

/** SES goes away while 50 reports arrive, then comes back: every report is routed, none twice, none lost. */

const REPORTS = 50;
// The stream retries with backoff from 200 ms (6 s in all before a record is set aside): longer than this outage.
const portal = useTestPortal({ streamRetryDelayMs: 200 });
const report = iccsReport();

describe('a mail outage during a burst of reports', () => {
  it('routes all 50 once SES is back: 50 team e-mails, 50 receipts and one major-incident alert', async () => {
    await portal.stack.stopMail();
    const responses = await Promise.all(Array.from({ length: REPORTS }, (_, index) => postReport(portal.url, { ...report, summary: `Utfall ${index}` })));
    await portal.stack.restartMail();
    await portal.stack.streamIdle();

    const accepted = responses.filter((response) => response.status === 201).map((response) => String(response.body.reference));
    const stored = await storedReports(portal.stack);
    const emails = await sentEmails(portal.stack);
    const countFor = (reference: string) => emails.filter((email) => email.subject.includes(reference)).length;

    expect(accepted).toHaveLength(REPORTS);
    expect(stored).toHaveLength(REPORTS);
    expect(stored.every((item) => (item.routing as { status: string }).status === 'routed')).toBe(true);
    expect(accepted.map(countFor)).toEqual(accepted.map(() => 2));
    expect(emails.filter((email) => email.subject.startsWith(MAJOR_INCIDENT_SUBJECT))).toHaveLength(1);
    expect(emails).toHaveLength(REPORTS * 2 + 1);
  });
});
