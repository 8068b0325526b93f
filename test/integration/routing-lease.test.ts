import { randomUUID } from 'node:crypto';
import { GetItemCommand, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoMailCaps } from '../../functions/adapters/dynamodb-mail-caps.ts';
import { createDynamoReportStore } from '../../functions/adapters/dynamodb-report-store.ts';
import { REPORT_TABLE, reportKey } from '../../functions/adapters/report-table.ts';
import type { OutgoingEmail } from '../../functions/core/ports.ts';
import { routeReport, type RouteDependencies } from '../../functions/core/route-report.ts';
import { startLocalDynamo, type LocalDynamo } from '../../infra/local/dynamodb.ts';
import { realCatalog, storedReport } from '../unit/builders.ts';
import { fakeDeskLinks, GENEROUS_LIMITS, RecordingMailer, RecordingSignals } from '../unit/fakes.ts';
import { temporaryDataDir } from '../support/local-portal.ts';

/**
 * The routing lease and the mail caps on the DynamoDB store, on a bare dynalite (no router listening to its
 * stream, so only the routers of the test route).
 */

const TABLE = 'routing-lease-test';
const KEY = 'a-test-key-of-at-least-thirty-two-characters';
const NOW = new Date('2026-03-05T13:00:00.000Z');
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

const store = () => createDynamoReportStore(dynamo.client, TABLE);
const newReference = () => `HDO-2026-${randomUUID().slice(0, 8)}`;
const item = async (reference: string) => {
  const result = await dynamo.client.send(new GetItemCommand({ TableName: TABLE, Key: marshall(reportKey(reference)), ConsistentRead: true }));
  return result.Item ? unmarshall(result.Item) : undefined;
};

/** A mailer that takes a while with each e-mail, as SES does: long enough for a second router to come along. */
class SlowMailer extends RecordingMailer {
  override async send(email: OutgoingEmail): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await super.send(email);
  }
}

function routerDeps(mailer: RecordingMailer): RouteDependencies {
  return {
    catalog: realCatalog(),
    store: store(),
    mailer,
    now: () => NOW,
    statusUrlFor: (reference) => `https://portal.example.no/meld-feil/status/#referanse=${reference}`,
    deskLinksFor: fakeDeskLinks,
    caps: createDynamoMailCaps(dynamo.client, TABLE, KEY),
    limits: GENEROUS_LIMITS,
    signals: new RecordingSignals(),
  };
}

describe('the routing lease on DynamoDB (finding 5)', () => {
  it('lets two routers that start at once (the stream and the sweeper) send each e-mail once', async () => {
    const reference = newReference();
    await store().insert(storedReport({ reference }));
    const mailer = new SlowMailer();
    const deps = routerDeps(mailer);

    const outcomes = await Promise.all([routeReport(reference, deps, { holder: 'stream' }), routeReport(reference, deps, { holder: 'sweeper' })]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['busy', 'sent']);
    expect(mailer.sent.map((email) => email.to)).toEqual(['servicedesk@hdo.example', 'kari.nordmann@amk.example']);
    expect(await item(reference)).toMatchObject({ routing: { status: 'routed' }, delivered: new Set(['team:servicedesk@hdo.example', 'receipt']) });
    expect((await item(reference))?.routingLease).toBeUndefined();
  });

  it('refuses a second claim while the lease lives, allows it once it has run out or been given back', async () => {
    const reference = newReference();
    await store().insert(storedReport({ reference }));
    const until = NOW.getTime() + 60_000;

    expect(await store().claimRouting(reference, { holder: 'a', until }, NOW)).toBe(true);
    expect(await store().claimRouting(reference, { holder: 'b', until: until + 1 }, new Date(until - 1))).toBe(false);
    expect(await store().claimRouting(reference, { holder: 'b', until: until + 60_000 }, new Date(until + 1))).toBe(true);
    await store().releaseRouting(reference, 'a');
    expect((await item(reference))?.routingLease).toEqual({ holder: 'b', until: until + 60_000 });
    await store().releaseRouting(reference, 'b');
    expect(await store().claimRouting(reference, { holder: 'c', until }, NOW)).toBe(true);
    expect(await store().claimRouting(newReference(), { holder: 'c', until }, NOW)).toBe(false);
  });

  it('lets a holder take back its own live lease (a retry after a release the database did not take), never another holder', async () => {
    const reference = newReference();
    await store().insert(storedReport({ reference }));
    const until = NOW.getTime() + 60_000;
    expect(await store().claimRouting(reference, { holder: 'stream', until }, NOW)).toBe(true);

    const sweeper = await store().claimRouting(reference, { holder: 'sweeper', until: until + 1 }, new Date(NOW.getTime() + 1000));
    const streamAgain = await store().claimRouting(reference, { holder: 'stream', until: until + 1000 }, new Date(NOW.getTime() + 1000));

    expect([sweeper, streamAgain]).toEqual([false, true]);
    expect((await item(reference))?.routingLease).toEqual({ holder: 'stream', until: until + 1000 });
  });

  it('takes a failed report off the unrouted index, never to be claimed again, and reads its reason back', async () => {
    const reference = newReference();
    const receivedAt = '2001-01-01T00:00:00.000Z';
    await store().insert(storedReport({ reference, receivedAt, expiresAt: Math.floor(NOW.getTime() / 1000) + 3600 }));
    const listed = async () => (await store().listUnrouted(new Date('2001-01-02T00:00:00.000Z'), 100)).map((unrouted) => unrouted.reference);
    expect(await listed()).toContain(reference);

    expect(await store().markFailed(reference, { at: NOW, reason: 'Team video: MessageRejected: [e-postadresse]' })).toBe(true);
    expect(await store().markFailed(reference, { at: NOW, reason: 'again' })).toBe(false);

    expect(await listed()).not.toContain(reference);
    const index = await dynamo.client.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: REPORT_TABLE.unroutedIndex.indexName,
        KeyConditionExpression: 'unroutedPk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'UNROUTED' } },
      }),
    );
    expect((index.Items ?? []).map((entry) => entry.pk?.S)).not.toContain(`REPORT#${reference}`);
    expect(await store().claimRouting(reference, { holder: 'x', until: NOW.getTime() + 1000 }, NOW)).toBe(false);
    expect((await store().get(reference, NOW))?.routing).toEqual({
      status: 'failed',
      at: NOW.toISOString(),
      reason: 'Team video: MessageRejected: [e-postadresse]',
    });
  });

  it('lists unrouted reports with the time they were received, oldest first', async () => {
    const references = [newReference(), newReference()];
    await store().insert(
      storedReport({ reference: references[1]!, receivedAt: '2000-06-01T00:00:01.000Z', expiresAt: Math.floor(NOW.getTime() / 1000) + 3600 }),
    );
    await store().insert(
      storedReport({ reference: references[0]!, receivedAt: '2000-06-01T00:00:00.000Z', expiresAt: Math.floor(NOW.getTime() / 1000) + 3600 }),
    );

    const listed = await store().listUnrouted(new Date('2000-06-02T00:00:00.000Z'), 2);

    expect(listed).toEqual([
      { reference: references[0], receivedAt: '2000-06-01T00:00:00.000Z' },
      { reference: references[1], receivedAt: '2000-06-01T00:00:01.000Z' },
    ]);
  });
});

describe('the mail caps on DynamoDB', () => {
  const caps = () => createDynamoMailCaps(dynamo.client, TABLE, KEY);

  it('counts up to the cap and refuses beyond it, per subject and per window', async () => {
    const subject = `${randomUUID()}@sykehus.example`;
    const taken = [];
    for (let index = 0; index < 4; index++) taken.push(await caps().take('receipt-address', subject, 3, NOW));

    expect(taken).toEqual([true, true, true, false]);
    expect(await caps().take('receipt-address', `other-${subject}`, 3, NOW)).toBe(true);
    expect(await caps().take('receipt-address', subject, 3, new Date(NOW.getTime() + 24 * 3600_000))).toBe(true);
    expect(await caps().take('receipt-domain', subject, 3, NOW)).toBe(true);
  });

  it('counts urgent copies per hour', async () => {
    const client = randomUUID();
    expect(await caps().take('urgent-client', client, 1, NOW)).toBe(true);
    expect(await caps().take('urgent-client', client, 1, new Date(NOW.getTime() + 59 * 60_000))).toBe(false);
    expect(await caps().take('urgent-client', client, 1, new Date(NOW.getTime() + 60 * 60_000))).toBe(true);
  });

  it('keeps concurrent takes within the cap', async () => {
    const subject = randomUUID();
    const taken = await Promise.all(Array.from({ length: 20 }, () => caps().take('urgent-client', subject, 5, NOW)));

    expect(taken.filter(Boolean)).toHaveLength(5);
  });

  it('stores no address: the counter is keyed by a keyed hash, and expires after the next window', async () => {
    const subject = `kari.${randomUUID()}@amk.example`;
    await caps().take('receipt-address', subject, 10, NOW);

    const scan = await dynamo.client.send(new ScanCommand({ TableName: TABLE, ConsistentRead: true }));
    const counters = (scan.Items ?? []).map((entry) => unmarshall(entry)).filter((entry) => String(entry.pk).startsWith('CAP#receipt-address#'));
    expect(counters.length).toBeGreaterThan(0);
    expect(JSON.stringify(counters)).not.toContain('amk.example');
    const counter = counters.find((entry) => entry.sk === '2026-03-05' && entry.count === 1);
    expect(counter?.expiresAt).toBe(Math.floor(NOW.getTime() / 1000) + 2 * 24 * 3600);
  });
});
