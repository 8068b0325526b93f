import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { ReportStore } from '../core/ports.ts';
import { storedReportSchema, type StoredReport } from '../core/stored-report.ts';
import { counterKey, reportKey } from './report-table.ts';

export function createDynamoReportStore(client: DynamoDBClient, tableName: string): ReportStore {
  return {
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
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: marshall({ ...reportKey(report.reference), ...report }, { removeUndefinedValues: true }),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    async get(reference) {
      const result = await client.send(
        new GetItemCommand({ TableName: tableName, Key: marshall(reportKey(reference)), ConsistentRead: true }),
      );
      return result.Item ? parseReportItem(result.Item) : undefined;
    },

    async markRouted(reference, to, at) {
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: marshall(reportKey(reference)),
            UpdateExpression: 'SET #routing = :routed',
            ConditionExpression: 'attribute_exists(pk) AND #routing.#status = :pending',
            ExpressionAttributeNames: { '#routing': 'routing', '#status': 'status' },
            ExpressionAttributeValues: marshall({
              ':routed': { status: 'routed', at: at.toISOString(), to: [...to] },
              ':pending': 'pending',
            }),
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}

export type AttributeMap = Record<string, AttributeValue>;

/** Reads a report item, from GetItem or from a stream image, dropping the table's own key attributes. */
export function parseReportItem(item: AttributeMap): StoredReport {
  const { pk: _pk, sk: _sk, ...report } = unmarshall(item);
  return storedReportSchema.parse(report);
}

export function isReportItem(keys: AttributeMap | undefined): boolean {
  const pk = keys?.pk;
  return pk !== undefined && 'S' in pk && typeof pk.S === 'string' && pk.S.startsWith('REPORT#');
}
