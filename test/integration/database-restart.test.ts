import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { reportKey } from '../../functions/adapters/report-table.ts';
import { iccsReport } from '../support/fixtures.ts';
import { emailsAbout, postReport, storedItem, useTestPortal } from '../support/local-portal.ts';

/** The drill's fault hook `restartDatabase`: dynalite closed and opened again on the same port and data. */

const portal = useTestPortal();
const report = iccsReport();

async function submit(): Promise<string> {
  const response = await postReport(portal.url, report);
  expect(response.status).toBe(201);
  return String(response.body.reference);
}

const sequenceOf = (reference: string) => Number(reference.split('-').at(-1));

function deadLetters(): string {
  const file = join(portal.dataDir, 'stream-dead-letters.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

describe('restarting the database under the running stack', () => {
  it('is really down during the outage, and a report stored before it is still there, routed once, afterwards', async () => {
    // Arrange
    const before = await submit();
    await portal.stack.streamIdle();

    // Act
    const restarted = portal.stack.restartDatabase(1500);
    await sleep(100);
    const readDuringOutage = await portal.stack.dynamodb
      .send(new GetItemCommand({ TableName: portal.stack.tableName, Key: marshall(reportKey(before)), ConsistentRead: true }))
      .then(
        () => 'answered',
        () => 'failed',
      );
    await restarted;

    // Assert
    expect(readDuringOutage).toBe('failed');
    expect(await storedItem(portal.stack, before)).toMatchObject({ reference: before, summary: report.summary, routing: { status: 'routed' } });
    expect(await emailsAbout(portal.stack, before)).toHaveLength(2);
  });

  it('stores and routes a report submitted after the restart, continuing the reference sequence', async () => {
    // Arrange
    const before = await submit();
    await portal.stack.streamIdle();

    // Act
    await portal.stack.restartDatabase(200);
    const after = await submit();
    await portal.stack.streamIdle();

    // Assert
    expect(sequenceOf(after)).toBe(sequenceOf(before) + 1);
    expect(await storedItem(portal.stack, after)).toMatchObject({ reference: after, routing: { status: 'routed', to: ['servicedesk@hdo.example'] } });
    expect(await emailsAbout(portal.stack, after)).toHaveLength(2);
  });

  it('keeps the stream delivering: each of 10 concurrent reports after a restart is routed once, none dead-lettered', async () => {
    // Arrange
    await portal.stack.restartDatabase(200);

    // Act
    const references = await Promise.all(Array.from({ length: 10 }, () => submit()));
    await portal.stack.streamIdle();

    // Assert
    expect(new Set(references).size).toBe(10);
    for (const reference of references) {
      expect(await storedItem(portal.stack, reference)).toMatchObject({ routing: { status: 'routed' } });
      expect(await emailsAbout(portal.stack, reference)).toHaveLength(2);
      expect(deadLetters()).not.toContain(`REPORT#${reference}`);
    }
  });
});
