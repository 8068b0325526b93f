import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAJOR_INCIDENT_SUBJECT } from '../../functions/core/major-incident-email.ts';
import { ROUTING_FAILED_SUBJECT } from '../../functions/core/routing-failure.ts';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { contentWith } from '../support/content-copy.ts';
import { iccsReport, jsonFixture } from '../support/fixtures.ts';
import { emailsAbout, postReport, sentEmails, storedItem, storedReports, useTestPortal } from '../support/local-portal.ts';

/** SES goes away while 50 reports arrive, then comes back: every report is routed, none twice, none lost. */

const REPORTS = 50;
// The stream retries with backoff from 200 ms (6 s in all before a record is set aside): longer than this outage.
// All 50 receipts go to one address: the daily cap on receipts per address is raised out of the way.
// Radio reports are copied to Team Nødnett (a rule in the fixture's content/routing.yaml), whose address SES refuses below.
const content = contentWith('copy-radio-to-nodnett');
const portal = useTestPortal({ streamRetryDelayMs: 200, environment: { RECEIPTS_PER_ADDRESS_PER_DAY: '1000', CATALOG_DIR: content.dir } });
const report = iccsReport();

afterAll(() => content.remove());
afterEach(() => {
  vi.restoreAllMocks();
  portal.stack.rejectMailTo([]);
});

describe('a mail outage during a burst of reports', () => {
  it('routes all 50 once SES is back: 50 e-mails to the desk, 50 receipts and one major-incident alert', async () => {
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

describe("the desk's address SES refuses for good (issue 14, finding 1)", () => {
  it('marks the report failed at once, counts RoutingFailed, still sends the receipt, and the stream does not retry it', async () => {
    const metrics: string[] = [];
    const log = console.log.bind(console);
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) =>
      typeof args[0] === 'string' && args[0].includes('"_aws"') ? void metrics.push(args[0]) : log(...args),
    );
    portal.stack.rejectMailTo(['servicedesk@hdo.example']);
    const deadLetters = join(portal.dataDir, 'stream-dead-letters.jsonl');
    const deadBefore = existsSync(deadLetters) ? readFileSync(deadLetters, 'utf8') : '';

    try {
      const reference = String((await postReport(portal.url, jsonFixture('submissions/radio-valid.json'))).body.reference);
      await portal.stack.streamIdle();

      expect(await storedItem(portal.stack, reference)).toMatchObject({
        routing: { status: 'failed', reason: expect.stringMatching(/^Servicedesk: MessageRejected: .*\[e-postadresse\]$/) },
      });
      // The copy rule's team and the reporter still get theirs; the desk's notice goes to the refused address too, so
      // the RoutingFailed alarm is what tells the desk.
      const emails = await emailsAbout(portal.stack, reference);
      expect(emails.map((email) => email.destination.to[0])).toEqual(['team-nodnett@hdo.example', 'ola.nordmann@amb.example']);
      expect(metrics.map((line) => JSON.parse(line) as Record<string, unknown>).filter((document) => document.RoutingFailed === 1)).toEqual([
        expect.objectContaining({ reference }),
      ]);
      // Not retried until given up on: nothing set aside as a dead letter.
      expect(existsSync(deadLetters) ? readFileSync(deadLetters, 'utf8') : '').toBe(deadBefore);
    } finally {
      portal.stack.rejectMailTo([]);
    }
  });

  it("routes a report whose product team's copy SES refuses: the desk has it", async () => {
    portal.stack.rejectMailTo(['team-nodnett@hdo.example']);
    try {
      const reference = String((await postReport(portal.url, jsonFixture('submissions/radio-valid.json'))).body.reference);
      await portal.stack.streamIdle();

      expect(await storedItem(portal.stack, reference)).toMatchObject({ routing: { status: 'routed', to: ['servicedesk@hdo.example'] } });
      expect((await emailsAbout(portal.stack, reference)).map((email) => email.destination.to[0])).toEqual([
        'servicedesk@hdo.example',
        'ola.nordmann@amb.example',
      ]);
    } finally {
      portal.stack.rejectMailTo([]);
    }
  });
});
