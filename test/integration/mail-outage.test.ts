import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAJOR_INCIDENT_SUBJECT } from '../../functions/core/major-incident-email.ts';
import { ROUTING_FAILED_SUBJECT } from '../../functions/core/routing-failure.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { iccsReport, jsonFixture } from '../support/fixtures.ts';
import { emailsAbout, postReport, sentEmails, storedItem, storedReports, useTestPortal } from '../support/local-portal.ts';

/** SES goes away while 50 reports arrive, then comes back: every report is routed, none twice, none lost. */

const REPORTS = 50;
// The stream retries with backoff from 200 ms (6 s in all before a record is set aside): longer than this outage.
// All 50 receipts go to one address: the daily cap on receipts per address is raised out of the way.
const portal = useTestPortal({ streamRetryDelayMs: 200, environment: { RECEIPTS_PER_ADDRESS_PER_DAY: '1000' } });
const report = iccsReport();

afterEach(() => {
  vi.restoreAllMocks();
  portal.stack.rejectMailTo([]);
});

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

describe('a team address SES refuses for good (issue 14, finding 1)', () => {
  it('marks the report failed at once, tells the desk, counts RoutingFailed, and the stream does not retry it', async () => {
    const metrics: string[] = [];
    const log = console.log.bind(console);
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => (typeof args[0] === 'string' && args[0].includes('"_aws"') ? void metrics.push(args[0]) : log(...args)));
    portal.stack.rejectMailTo(['team-nodnett@hdo.example']);
    const deadLetters = join(portal.dataDir, 'stream-dead-letters.jsonl');
    const deadBefore = existsSync(deadLetters) ? readFileSync(deadLetters, 'utf8') : '';

    const started = performance.now();
    const reference = String((await postReport(portal.url, jsonFixture('submissions/radio-valid.json'))).body.reference);
    await portal.stack.streamIdle();
    const elapsed = performance.now() - started;

    expect(await storedItem(portal.stack, reference)).toMatchObject({ routing: { status: 'failed', reason: expect.stringMatching(/^Team Nødnett og radioterminaler: MessageRejected: .*\[e-postadresse\]$/) } });
    const emails = await emailsAbout(portal.stack, reference);
    expect(emails.map((email) => email.destination.to[0])).toEqual(['ola.nordmann@amb.example', 'servicedesk@hdo.example']);
    expect(emails[1]?.subject).toBe(`${ROUTING_FAILED_SUBJECT} ${reference} (P2): meldingen kom ikke fram til teamet`);
    expect(metrics.map((line) => JSON.parse(line) as Record<string, unknown>).filter((document) => document.RoutingFailed === 1)).toEqual([expect.objectContaining({ reference })]);
    // No retries with backoff (those alone would take 6 s), and nothing set aside as a dead letter.
    expect(elapsed).toBeLessThan(3000);
    expect(existsSync(deadLetters) ? readFileSync(deadLetters, 'utf8') : '').toBe(deadBefore);
  });
});
