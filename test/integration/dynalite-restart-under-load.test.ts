import { setTimeout as sleep } from 'node:timers/promises';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../../infra/local/dynamodb.ts';
import { temporaryDataDir } from '../support/local-portal.ts';

/**
 * dynalite closed while requests are still being answered: its operations then fail with «Database is closed»,
 * which dynalite throws from a callback. Before infra/local/dynalite-worker.ts caught that, it ended dynalite's
 * thread and the next restart failed: the drill crashed in one run of nine.
 */

const TABLE = 'restart-under-load';
const WRITERS = 20;
const RESTARTS = 5;
const dataDir = temporaryDataDir();
let dynamo: LocalDynamo;

beforeAll(async () => {
  dynamo = await startLocalDynamo({
    host: '127.0.0.1',
    port: 0,
    region: 'eu-north-1',
    dataDir: dataDir.path,
    tableName: TABLE,
    onStreamRecord: () => undefined,
  });
});
afterAll(async () => {
  await dynamo?.stop();
  dataDir.remove();
});

const item = (id: string) => ({ pk: { S: `LOAD#${id}` }, sk: { S: 'item' } });

describe('restarting dynalite while it answers 20 writers', () => {
  it('comes back every time, and answers again afterwards', async () => {
    // Arrange: writers that keep going through the outages, whatever they are answered.
    let running = true;
    let written = 0;
    const writers = Array.from({ length: WRITERS }, async (_, writer) => {
      for (let n = 0; running; n++) {
        await dynamo.client.send(new PutItemCommand({ TableName: TABLE, Item: item(`${writer}-${n}`) })).then(
          () => (written += 1),
          () => undefined,
        );
      }
    });

    // Act
    const restarts: string[] = [];
    for (let restart = 0; restart < RESTARTS; restart++) {
      await sleep(100);
      restarts.push(
        await dynamo.restartDatabase(50).then(
          () => 'ok',
          (error: unknown) => String(error),
        ),
      );
    }
    running = false;
    await Promise.all(writers);
    await dynamo.client.send(new PutItemCommand({ TableName: TABLE, Item: item('after') }));
    const after = await dynamo.client.send(new GetItemCommand({ TableName: TABLE, Key: item('after'), ConsistentRead: true }));

    // Assert
    expect(restarts).toEqual(Array.from({ length: RESTARTS }, () => 'ok'));
    expect(written).toBeGreaterThan(0);
    expect(after.Item).toEqual(item('after'));
  });
});
