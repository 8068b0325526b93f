import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROUTING_FAILED_SUBJECT } from '../../functions/core/routing-failure.ts';
import { iccsReport } from '../support/fixtures.ts';
import { emailsAbout, postReport, storedItem, storedReports, useTestPortal } from '../support/local-portal.ts';
import { writeReportCopy } from '../support/report-copies.ts';

/** Beyond the stream's retries: a report it gave up on is routed by the scheduled sweeper, not lost. */

const portal = useTestPortal({ streamRetryDelayMs: 10, environment: { SWEEP_MIN_AGE_MINUTES: '0' } });
const report = iccsReport();

/** A report as a newer version of the portal might store it: this router cannot read it, ever. */
const writeUnreadableReport = (template: Record<string, unknown>) =>
  writeReportCopy(portal.stack, template, {
    reference: String(template.reference).replace(/\d+$/, '990001'),
    receivedAt: '2020-01-01T00:00:00.000Z', // the oldest waiting report, so the sweeper meets it first
    changes: { schemaVersion: 99 },
  });

const deadLetters = () =>
  existsSync(join(portal.dataDir, 'stream-dead-letters.jsonl'))
    ? readFileSync(join(portal.dataDir, 'stream-dead-letters.jsonl'), 'utf8').trim().split('\n').filter(Boolean)
    : [];
const pendingReferences = async () =>
  (await storedReports(portal.stack)).filter((item) => (item.routing as { status: string }).status === 'pending').map((item) => String(item.reference));

/** The EMF documents the handlers write (to the console, with POWERTOOLS_DEV set by the test config). */
function captureMetrics(): () => Record<string, unknown>[] {
  const lines: string[] = [];
  const log = console.log.bind(console);
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('"_aws"')) lines.push(args[0]);
    else log(...args);
  });
  return () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

afterEach(() => {
  vi.restoreAllMocks();
  portal.stack.rejectMailTo([]);
});

describe('the sweeper', () => {
  it('routes the reports the stream dead-lettered during a long mail outage, once each', async () => {
    await portal.stack.stopMail();
    const references = [];
    for (let index = 0; index < 3; index++)
      references.push(String((await postReport(portal.url, { ...report, summary: `Lang utkobling ${index}` })).body.reference));
    await portal.stack.streamIdle();
    const pendingAfterOutage = await pendingReferences();
    await portal.stack.restartMail();

    const sweep = await portal.stack.runScheduled('sweepUnrouted');
    const again = await portal.stack.runScheduled('sweepUnrouted');

    expect(pendingAfterOutage).toHaveLength(3);
    expect(deadLetters()).toHaveLength(3);
    expect(sweep).toEqual({ found: 3, routed: references, failed: [], retry: [], skipped: [], oldestUnroutedAgeSeconds: 0 });
    expect(again).toEqual({ found: 0, routed: [], failed: [], retry: [], skipped: [], oldestUnroutedAgeSeconds: 0 });
    for (const reference of references) expect(await emailsAbout(portal.stack, reference)).toHaveLength(2);
  });

  it('is not jammed by a report that can never be routed: one poison and three dead-lettered reports, three sweeps (issue 14, finding 1)', async () => {
    // The scenario. The poison is the oldest report, one no router can read (written by a newer version, say):
    // it can never be sent, and the desk's notice about it waits for SES like everything else. All four are
    // dead-lettered while SES is down. The sweeper used to stop at the poison on every run.
    const metrics = captureMetrics();
    const deadBefore = deadLetters().length;
    const templateReference = String((await postReport(portal.url, report)).body.reference);
    await portal.stack.streamIdle();
    const template = await storedItem(portal.stack, templateReference);
    await portal.stack.stopMail();
    const poison = await writeUnreadableReport(template!);
    const stranded = [];
    for (let index = 0; index < 3; index++) stranded.push(String((await postReport(portal.url, { ...report, summary: `Strandet ${index}` })).body.reference));
    await portal.stack.streamIdle();
    expect(deadLetters().length - deadBefore).toBe(4);
    await portal.stack.restartMail();

    const sweeps = [];
    for (let run = 0; run < 3; run++) sweeps.push(await portal.stack.runScheduled('sweepUnrouted'));

    expect(sweeps).toEqual([
      { found: 4, routed: stranded, failed: [poison], retry: [], skipped: [], oldestUnroutedAgeSeconds: 0 },
      { found: 0, routed: [], failed: [], retry: [], skipped: [], oldestUnroutedAgeSeconds: 0 },
      { found: 0, routed: [], failed: [], retry: [], skipped: [], oldestUnroutedAgeSeconds: 0 },
    ]);
    for (const reference of stranded) expect(await emailsAbout(portal.stack, reference)).toHaveLength(2);
    const failed = await storedItem(portal.stack, poison);
    expect(failed).toMatchObject({ routing: { status: 'failed', reason: expect.stringContaining('Lagret melding kan ikke leses') } });
    expect(failed).not.toHaveProperty('unroutedPk');
    const aboutPoison = await emailsAbout(portal.stack, poison);
    expect(aboutPoison.map((email) => email.destination.to)).toEqual([['servicedesk@hdo.example']]);
    expect(aboutPoison[0]?.subject).toContain(ROUTING_FAILED_SUBJECT);
    expect(metrics().filter((document) => document.RoutingFailed === 1)).toEqual([expect.objectContaining({ reference: poison })]);
    expect(
      metrics()
        .filter((document) => 'OldestUnroutedAgeSeconds' in document)
        .map((document) => document.OldestUnroutedAgeSeconds),
    ).toEqual([0, 0, 0]);
  });

  it('fails its invocation when a report is still not routed, so the Errors alarm fires, and routes it next time', async () => {
    const metrics = captureMetrics();
    await portal.stack.stopMail();
    const reference = String((await postReport(portal.url, { ...report, summary: 'Fortsatt nede' })).body.reference);
    await portal.stack.streamIdle();

    const stillDown = await portal.stack.runScheduled('sweepUnrouted').then(
      () => undefined,
      (error: unknown) => error as Error & { outcome?: unknown },
    );
    await portal.stack.restartMail();
    const back = await portal.stack.runScheduled('sweepUnrouted');

    expect(stillDown).toMatchObject({ name: 'SweepIncomplete', outcome: { found: 1, retry: [reference], routed: [] } });
    expect(back).toMatchObject({ routed: [reference], retry: [] });
    const ages = metrics()
      .filter((document) => 'OldestUnroutedAgeSeconds' in document)
      .map((document) => document.OldestUnroutedAgeSeconds);
    expect(ages).toHaveLength(2);
    expect(ages[1]).toBe(0);
  });
});
