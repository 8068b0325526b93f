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
import type { ReportStore, RoutingStore } from '../core/ports.ts';
import { storedReportSchema, type StoredReport } from '../core/stored-report.ts';
import { isClaimExpired, SUBMISSION_CLAIM_VERSION, type SubmissionClaim } from '../core/submission-claim.ts';
import { createDynamoCaseStore } from './dynamodb-case-store.ts';
import {
  conditional,
  DELIVERY_RECORD_BUDGET_MS,
  LEASE_ATTRIBUTE,
  newReportItem,
  readReport,
  referenceOfReportItem,
  type AttributeMap,
} from './dynamodb-report-items.ts';
import { retryWithin } from './retry-within.ts';
import { byServiceKey, clusterKey, counterKey, REPORT_TABLE, reportKey, submissionKey, unroutedKey } from './report-table.ts';

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
      // The status secret's hash is unique to this report: finding it means an earlier attempt already stored it.
      const stored = await conditional(() =>
        client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: marshall(newReportItem(report), { removeUndefinedValues: true }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      if (stored) return;
      const existing = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(reportKey(report.reference)), ConsistentRead: true, ProjectionExpression: 'statusTokenHash' }),
      );
      if (existing.Item?.statusTokenHash?.S !== report.statusTokenHash)
        throw new Error(`Referansen ${report.reference} er allerede brukt av en annen melding.`);
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
    get: (reference, now) => readReport(client, tableName, reference, now),

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
            ConditionExpression:
              'attribute_exists(pk) AND #routing.#status = :pending AND (attribute_not_exists(#lease) OR #lease.#until < :now OR #lease.#holder = :holder)',
            ExpressionAttributeNames: { '#lease': LEASE_ATTRIBUTE, '#routing': 'routing', '#status': 'status', '#until': 'until', '#holder': 'holder' },
            ExpressionAttributeValues: marshall({
              ':lease': { holder: lease.holder, until: lease.until },
              ':pending': 'pending',
              ':now': now.getTime(),
              ':holder': lease.holder,
            }),
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

function parseClaimItem(item: AttributeMap): SubmissionClaim {
  const { schemaVersion, submissionHash, report, expiresAt } = unmarshall(item);
  if (schemaVersion !== SUBMISSION_CLAIM_VERSION || typeof submissionHash !== 'string' || typeof expiresAt !== 'number') {
    throw new Error(`Kravet på Idempotency-Key har ukjent form (versjon ${String(schemaVersion)}).`);
  }
  return { schemaVersion, submissionHash, expiresAt, report: storedReportSchema.parse({ ...report, delivered: [] }) };
}
