import { ConditionalCheckFailedException, GetItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { CaseEventStore, CaseStore } from '../core/ports.ts';
import { withEvent } from '../core/report-life.ts';
import { conditional, DELIVERY_RECORD_BUDGET_MS, LIFE_EVENT_IDS_ATTRIBUTE, parseReportItem, readReport } from './dynamodb-report-items.ts';
import { retryWithin } from './retry-within.ts';
import { reportKey } from './report-table.ts';

/** What moving a report reads and writes (ports.ts CaseStore): for the handlers that move it, without routing's part. */
export function createDynamoCaseStore(client: DynamoDBClient, tableName: string): CaseStore {
  const names = { '#life': 'life', '#events': 'events', '#state': 'state', '#ids': LIFE_EVENT_IDS_ATTRIBUTE };
  return {
    get: (reference, now) => readReport(client, tableName, reference, now),

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
              ...marshall(
                { ':events': [event], ':expected': expectedState, ':id': event.id, ...(moves ? { ':state': event.state } : {}) },
                { removeUndefinedValues: true },
              ),
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
  return {
    get: (reference, now) => readReport(client, tableName, reference, now),
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
