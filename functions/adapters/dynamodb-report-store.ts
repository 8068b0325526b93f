import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { CaseEventStore, CaseStore, ReportStore, RoutingStore } from '../core/ports.ts';
import { withEvent } from '../core/report-life.ts';
import { isExpired, storedReportSchema, type StoredReport } from '../core/stored-report.ts';
import { isClaimExpired, SUBMISSION_CLAIM_VERSION, type SubmissionClaim } from '../core/submission-claim.ts';
import { retryWithin } from './retry-within.ts';
import { byServiceKey, clusterKey, counterKey, REPORT_TABLE, reportKey, submissionKey, unroutedKey } from './report-table.ts';

export type AttributeMap = Record<string, AttributeValue>;

/** The routing lease on a report item: `{ holder, until }`, until in epoch milliseconds (ports.ts RoutingLease). */
const LEASE_ATTRIBUTE = 'routingLease';

/**
 * How long recording a sent e-mail keeps pausing between attempts (200 ms doubling to 2 s: 5 s in all, the same
 * pauses the 6 s it was before allowed), beyond the SDK's own retries. With one send's limit (≤ 4 s,
 * route-dependencies.ts) it stays inside the router's 10 s timeout.
 */
export const DELIVERY_RECORD_BUDGET_MS = 5000;

/** Runs a conditional write: true if it was made, false if its condition did not hold. */
async function conditional(send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * The whole store, for the submit and status functions: routing's part (below) and the writes a submission makes.
 * Two factories, so the router's bundle carries only what the router calls.
 */
export function createDynamoReportStore(client: DynamoDBClient, tableName: string): ReportStore {
  const store: ReportStore = {
    ...createDynamoRoutingStore(client, tableName),
    appendEvent: createDynamoCaseStore(client, tableName).appendEvent,

    async nextSequence(scope) {
      const result = await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: marshall(counterKey(scope)),
          UpdateExpression: 'ADD #value :one',
          ExpressionAttributeNames: { '#value': 'value' },
          ExpressionAttributeValues: marshall({ ':one': 1 }),
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const value = result.Attributes ? unmarshall(result.Attributes).value : undefined;
      if (typeof value !== 'number') throw new Error(`Telleren ${scope} ga ingen verdi.`);
      return value;
    },

    async insert(report) {
      const { delivered: _none, ...item } = report;
      // The status secret's hash is unique to this report: finding it means an earlier attempt already stored it.
      const stored = await conditional(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: marshall({ ...reportKey(report.reference), ...byServiceKey(report.serviceId, report.receivedAt), ...unroutedKey(report.receivedAt), ...item }, { removeUndefinedValues: true }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      if (stored) return;
      const existing = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(reportKey(report.reference)), ConsistentRead: true, ProjectionExpression: 'statusTokenHash' }),
      );
      if (existing.Item?.statusTokenHash?.S !== report.statusTokenHash) throw new Error(`Referansen ${report.reference} er allerede brukt av en annen melding.`);
    },

    async findClaim(idempotencyKey, now) {
      const result = await client.send(new GetItemCommand({ TableName: tableName, Key: marshall(submissionKey(idempotencyKey)), ConsistentRead: true }));
      const claim = result.Item ? parseClaimItem(result.Item) : undefined;
      return claim && !isClaimExpired(claim, now) ? claim : undefined;
    },

    async claim(idempotencyKey, claim, now) {
      const { delivered: _none, ...report } = claim.report;
      const claimed = await conditional(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: marshall({ ...submissionKey(idempotencyKey), ...claim, report }, { removeUndefinedValues: true }),
            ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
            ExpressionAttributeValues: marshall({ ':now': Math.floor(now.getTime() / 1000) }),
          }),
        ),
      );
      if (claimed) return claim;
      const holder = await store.findClaim(idempotencyKey, now);
      if (!holder) throw new Error('Kravet på Idempotency-Key forsvant mens det ble lest.');
      return holder;
    },
  };
  return store;
}

/** What routing reads and writes: a report, its deliveries, its lease and its routing state, and the counts behind alerts. */
export function createDynamoRoutingStore(client: DynamoDBClient, tableName: string): RoutingStore {
  const { indexName, partitionKey, sortKey } = REPORT_TABLE.byServiceIndex;
  /**
   * Ends routing (routed or failed) if it was still pending: off the sparse unrouted index, so the sweeper never
   * lists the report again, and its lease gone.
   */
  const settle = (reference: string, state: Exclude<StoredReport['routing'], { status: 'pending' }>) =>
    conditional(() =>
      client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: marshall(reportKey(reference)),
          UpdateExpression: 'SET #routing = :state REMOVE receiptToken, unroutedPk, unroutedSince, #lease',
          ConditionExpression: 'attribute_exists(pk) AND #routing.#status = :pending',
          ExpressionAttributeNames: { '#routing': 'routing', '#status': 'status', '#lease': LEASE_ATTRIBUTE },
          ExpressionAttributeValues: marshall({ ':state': state, ':pending': 'pending' }),
        }),
      ),
    );
  return {
    async get(reference, now) {
      const result = await client.send(new GetItemCommand({ TableName: tableName, Key: marshall(reportKey(reference)), ConsistentRead: true }));
      const report = result.Item ? parseReportItem(result.Item) : undefined;
      // TTL deletes expired items only eventually (and dynalite never): never hand one out.
      return report && !isExpired(report, now) ? report : undefined;
    },

    async markDelivered(reference, deliveryKey) {
      // The e-mail has just gone out; if this record is lost, the retry sends it again. So ride out a short outage.
      await retryWithin(
        DELIVERY_RECORD_BUDGET_MS,
        () =>
          client.send(
            new UpdateItemCommand({
              TableName: tableName,
              Key: marshall(reportKey(reference)),
              UpdateExpression: 'ADD #delivered :key',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeNames: { '#delivered': 'delivered' },
              ExpressionAttributeValues: { ':key': { SS: [deliveryKey] } },
            }),
          ),
        { retryable: (error) => !(error instanceof ConditionalCheckFailedException) },
      );
    },

    claimRouting(reference, lease, now) {
      return conditional(() =>
        client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: marshall(reportKey(reference)),
            UpdateExpression: 'SET #lease = :lease',
            ConditionExpression: 'attribute_exists(pk) AND #routing.#status = :pending AND (attribute_not_exists(#lease) OR #lease.#until < :now OR #lease.#holder = :holder)',
            ExpressionAttributeNames: { '#lease': LEASE_ATTRIBUTE, '#routing': 'routing', '#status': 'status', '#until': 'until', '#holder': 'holder' },
            ExpressionAttributeValues: marshall({ ':lease': { holder: lease.holder, until: lease.until }, ':pending': 'pending', ':now': now.getTime(), ':holder': lease.holder }),
          }),
        ),
      );
    },

    async releaseRouting(reference, holder) {
      await conditional(() =>
        client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: marshall(reportKey(reference)),
            UpdateExpression: 'REMOVE #lease',
            ConditionExpression: '#lease.#holder = :holder',
            ExpressionAttributeNames: { '#lease': LEASE_ATTRIBUTE, '#holder': 'holder' },
            ExpressionAttributeValues: marshall({ ':holder': holder }),
          }),
        ),
      );
    },

    markRouted(reference, to, at) {
      return settle(reference, { status: 'routed', at: at.toISOString(), to: [...to] });
    },

    markFailed(reference, failure) {
      return settle(reference, { status: 'failed', at: failure.at.toISOString(), reason: failure.reason });
    },

    async listUnrouted(receivedBefore, limit) {
      const index = REPORT_TABLE.unroutedIndex;
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: index.indexName,
          KeyConditionExpression: '#pk = :pk AND #since < :before',
          ExpressionAttributeNames: { '#pk': index.partitionKey, '#since': index.sortKey },
          ExpressionAttributeValues: marshall({ ':pk': unroutedKey('').unroutedPk, ':before': receivedBefore.toISOString() }),
          Limit: limit,
        }),
      );
      return (page.Items ?? []).map((item) => ({ reference: referenceOfReportItem(item), receivedAt: item[index.sortKey]?.S ?? '' }));
    },

    async countReceivedSince(serviceId, since, atMost = Number.POSITIVE_INFINITY) {
      let count = 0;
      let startKey: AttributeMap | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: indexName,
            KeyConditionExpression: '#pk = :pk AND #sk >= :since',
            ExpressionAttributeNames: { '#pk': partitionKey, '#sk': sortKey },
            ExpressionAttributeValues: marshall({ ':pk': byServiceKey(serviceId, '').gsi1pk, ':since': since.toISOString() }),
            Select: 'COUNT',
            ExclusiveStartKey: startKey,
            ...(Number.isFinite(atMost) ? { Limit: atMost - count } : {}),
          }),
        );
        count += page.Count ?? 0;
        startKey = page.LastEvaluatedKey;
      } while (startKey && count < atMost);
      return count;
    },

    async openCluster(serviceId, at, windowMinutes) {
      // A cluster stays open while reports keep coming within the window of each other.
      const stillOpenAfter = new Date(at.getTime() - windowMinutes * 60_000).toISOString();
      const opened = await conditional(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: marshall({ ...clusterKey(serviceId), lastReportAt: at.toISOString(), expiresAt: Math.floor(at.getTime() / 1000) + 7 * 24 * 3600 }),
            ConditionExpression: 'attribute_not_exists(pk) OR lastReportAt < :stillOpenAfter',
            ExpressionAttributeValues: marshall({ ':stillOpenAfter': stillOpenAfter }),
          }),
        ),
      );
      if (!opened) {
        await conditional(() =>
          client.send(
            new UpdateItemCommand({
              TableName: tableName,
              Key: marshall(clusterKey(serviceId)),
              UpdateExpression: 'SET lastReportAt = :at',
              ConditionExpression: 'lastReportAt < :at',
              ExpressionAttributeValues: marshall({ ':at': at.toISOString() }),
            }),
          ),
        );
      }
      return opened;
    },
  };
}

/**
 * Beside `life`, the ids of the events appended to it as a string set, for the condition that keeps a retried
 * event from being appended twice (`contains` works on a set, not on the ids inside a list of maps). The portal's
 * own first event (received) is not in it; moving a report reads its life first, and knows that one by id.
 */
const LIFE_EVENT_IDS_ATTRIBUTE = 'lifeEventIds';

/** What moving a report reads and writes (ports.ts CaseStore): for the handlers that move it, without routing's part. */
export function createDynamoCaseStore(client: DynamoDBClient, tableName: string): CaseStore {
  const { get } = createDynamoRoutingStore(client, tableName);
  const names = { '#life': 'life', '#events': 'events', '#state': 'state', '#ids': LIFE_EVENT_IDS_ATTRIBUTE };
  return {
    get,

    async appendEvent(reference, event, expectedState) {
      const moves = event.kind === 'state';
      const appended = await conditional(() =>
        client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: marshall(reportKey(reference)),
            UpdateExpression: `SET #life.#events = list_append(#life.#events, :events)${moves ? ', #life.#state = :state' : ''} ADD #ids :ids`,
            ConditionExpression: 'attribute_exists(pk) AND #life.#state = :expected AND NOT contains(#ids, :id)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: {
              ...marshall({ ':events': [event], ':expected': expectedState, ':id': event.id, ...(moves ? { ':state': event.state } : {}) }, { removeUndefinedValues: true }),
              ':ids': { SS: [event.id] },
            },
          }),
        ),
      );
      if (appended) return true;
      // A report stored before version 4 that nobody has moved yet has no life in the item: its first event writes
      // the life it is read with (stored-report.ts), once, whatever its version; the rest of the item stays as it was.
      const existing = await client.send(new GetItemCommand({ TableName: tableName, Key: marshall(reportKey(reference)), ConsistentRead: true }));
      if (!existing.Item || existing.Item.life) return false;
      const { life } = parseReportItem(existing.Item);
      if (life.state !== expectedState || life.events.some((known) => known.id === event.id)) return false;
      return conditional(() =>
        client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: marshall(reportKey(reference)),
            UpdateExpression: 'SET #life = :life ADD #ids :ids',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#life)',
            ExpressionAttributeNames: { '#life': names['#life'], '#ids': names['#ids'] },
            ExpressionAttributeValues: { ...marshall({ ':life': withEvent(life, event) }, { removeUndefinedValues: true }), ':ids': { SS: [event.id] } },
          }),
        ),
      );
    },
  };
}

/**
 * What publishing a report's life reads and records (ports.ts CaseEventStore): the report, and `markPublished`,
 * one conditional ADD to the report's set of delivery keys (the router's `delivered`), true only for the call that
 * added the key. Like markDelivered it rides out a short outage: what was published is recorded, or published again.
 */
export function createDynamoCaseEventStore(client: DynamoDBClient, tableName: string): CaseEventStore {
  const { get } = createDynamoRoutingStore(client, tableName);
  return {
    get,
    markPublished(reference, key) {
      return retryWithin(
        DELIVERY_RECORD_BUDGET_MS,
        () =>
          conditional(() =>
            client.send(
              new UpdateItemCommand({
                TableName: tableName,
                Key: marshall(reportKey(reference)),
                UpdateExpression: 'ADD #delivered :key',
                ConditionExpression: 'attribute_exists(pk) AND NOT contains(#delivered, :one)',
                ExpressionAttributeNames: { '#delivered': 'delivered' },
                ExpressionAttributeValues: { ':key': { SS: [key] }, ':one': { S: key } },
              }),
            ),
          ),
        { retryable: (error) => !(error instanceof ConditionalCheckFailedException) },
      );
    },
  };
}

/** Reads a report item, from GetItem or from a stream image, dropping the table's own key attributes. */
export function parseReportItem(item: AttributeMap): StoredReport {
  const { pk: _pk, sk: _sk, gsi1pk: _gsi1pk, gsi1sk: _gsi1sk, unroutedPk: _unroutedPk, unroutedSince: _unroutedSince, [LEASE_ATTRIBUTE]: _lease, [LIFE_EVENT_IDS_ATTRIBUTE]: _lifeEventIds, delivered, ...report } = unmarshall(item);
  return storedReportSchema.parse({ ...report, delivered: delivered instanceof Set ? [...delivered] : [] });
}

function parseClaimItem(item: AttributeMap): SubmissionClaim {
  const { schemaVersion, submissionHash, report, expiresAt } = unmarshall(item);
  if (schemaVersion !== SUBMISSION_CLAIM_VERSION || typeof submissionHash !== 'string' || typeof expiresAt !== 'number') {
    throw new Error(`Kravet på Idempotency-Key har ukjent form (versjon ${String(schemaVersion)}).`);
  }
  return { schemaVersion, submissionHash, expiresAt, report: storedReportSchema.parse({ ...report, delivered: [] }) };
}

export function isReportItem(keys: AttributeMap | undefined): boolean {
  const pk = keys?.pk;
  return pk !== undefined && 'S' in pk && typeof pk.S === 'string' && pk.S.startsWith('REPORT#');
}

export function referenceOfReportItem(keys: AttributeMap): string {
  return (keys.pk?.S ?? '').replace(/^REPORT#/, '');
}
