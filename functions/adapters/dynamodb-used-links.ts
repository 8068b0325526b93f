import { ConditionalCheckFailedException, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { UsedLinks } from '../core/action-links.ts';
import { REPORT_TABLE, usedLinkKey } from './report-table.ts';

/**
 * Used action links in the reports table: one conditional put per use, so of two posts of one link at once exactly
 * one gets through. The item expires (TTL) a day after the link would have, when the signature refuses it anyway.
 */
export function createDynamoUsedLinks(client: DynamoDBClient, tableName: string): UsedLinks {
  return {
    async consume(nonce, expiresAt) {
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: marshall({ ...usedLinkKey(nonce), [REPORT_TABLE.timeToLiveAttribute]: Math.floor(expiresAt.getTime() / 1000) + 24 * 3600 }),
            ConditionExpression: 'attribute_not_exists(pk)',
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
