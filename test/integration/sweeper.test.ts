import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iccsReport } from '../support/fixtures.ts';
import { emailsAbout, postReport, storedReports, useTestPortal } from '../support/local-portal.ts';

/** Beyond the stream's retries: a report it gave up on is routed by the scheduled sweeper, not lost. */

const portal = useTestPortal({ streamRetryDelayMs: 10, environment: { SWEEP_MIN_AGE_MINUTES: '0' } });
const report = iccsReport();

describe('the sweeper', () => {
  it('routes the reports the stream dead-lettered during a long mail outage, once each', async () => {
    await portal.stack.stopMail();
    const references = [];
    for (let index = 0; index < 3; index++) references.push(String((await postReport(portal.url, { ...report, summary: `Lang utkobling ${index}` })).body.reference));
    await portal.stack.streamIdle();
    const pendingAfterOutage = (await storedReports(portal.stack)).filter((item) => (item.routing as { status: string }).status === 'pending');
    await portal.stack.restartMail();

    const sweep = await portal.stack.runScheduled('sweepUnrouted');
    const again = await portal.stack.runScheduled('sweepUnrouted');

    expect(pendingAfterOutage).toHaveLength(3);
    expect(readFileSync(join(portal.dataDir, 'stream-dead-letters.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(sweep).toEqual({ found: 3, routed: references, failed: [] });
    expect(again).toEqual({ found: 0, routed: [], failed: [] });
    for (const reference of references) expect(await emailsAbout(portal.stack, reference)).toHaveLength(2);
  });
});
