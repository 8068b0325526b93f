import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportSubmission } from '../../functions/core/report-submission.ts';
import { jsonFixture } from '../support/fixtures.ts';
import { emailsAbout, startTestPortal, storedItem, temporaryDataDir } from '../support/local-portal.ts';

/** What `npm start` promises across Ctrl+C: reports stay in the table, and none is left unrouted. */

const dataDir = temporaryDataDir();
const report = jsonFixture<ReportSubmission>('requests/iccs-report.json');

afterAll(() => dataDir.remove());

async function submit(url: string): Promise<string> {
  const response = await fetch(`${url}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

describe('restarting the local portal', () => {
  it('keeps stored reports, continues the reference sequence and routes what the mail outage left pending', async () => {
    // Arrange: a report routed normally, and one stored while the SES emulator was away.
    const first = await startTestPortal(dataDir.path);
    const routed = await submit(first.url);
    await first.stack.streamIdle();
    const routedBeforeRestart = await emailsAbout(first.stack, routed);
    await first.stack.stopMail();
    const stranded = await submit(first.url);
    await first.stack.streamIdle();
    const strandedBeforeRestart = await storedItem(first.stack, stranded);
    await first.stop();

    // Act
    const second = await startTestPortal(dataDir.path);
    try {
      await second.stack.streamIdle();
      const next = await submit(second.url);
      await second.stack.streamIdle();

      // Assert
      expect(strandedBeforeRestart).toMatchObject({ routing: { status: 'pending' } });
      expect(readFileSync(join(dataDir.path, 'stream-dead-letters.jsonl'), 'utf8')).toContain(`REPORT#${stranded}`);
      expect(await storedItem(second.stack, routed)).toMatchObject({ reference: routed, routing: { status: 'routed' } });
      expect(await storedItem(second.stack, stranded)).toMatchObject({ routing: { status: 'routed' } });
      // One to the team and one receipt each: nothing lost, nothing twice (the new portal's mailbox starts empty).
      expect(routedBeforeRestart).toHaveLength(2);
      expect(await emailsAbout(second.stack, stranded)).toHaveLength(2);
      expect(await emailsAbout(second.stack, routed)).toHaveLength(0);
      expect(Number(next.split('-').at(-1))).toBe(Number(stranded.split('-').at(-1)) + 1);
    } finally {
      await second.stop();
    }
  });
});
