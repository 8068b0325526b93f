import { createHmac } from 'node:crypto';
import { ConditionalCheckFailedException, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { CapScope, MailCaps } from '../core/ports.ts';
import { mailCapKey } from './report-table.ts';

const HOUR_SECONDS = 3600;
const DAY_SECONDS = 24 * HOUR_SECONDS;

/** Receipts count per day (UTC), P1 copies and storhendelse alerts per hour. */
const WINDOWS: Record<CapScope, { seconds: number; of: (now: Date) => string }> = {
  'receipt-address': { seconds: DAY_SECONDS, of: (now) => now.toISOString().slice(0, 10) },
  'receipt-domain': { seconds: DAY_SECONDS, of: (now) => now.toISOString().slice(0, 10) },
  'urgent-client': { seconds: HOUR_SECONDS, of: (now) => now.toISOString().slice(0, 13) },
};

/**
 * The mail caps as counters in the reports table, one item per subject and window, counted with a conditional
 * update so a counter never passes its cap (a refused e-mail is not counted), and deleted by TTL after the window.
 * The subject is stored as an HMAC with the function's key: an e-mail address or a domain is easy to guess back
 * from a plain hash.
 */
export function createDynamoMailCaps(client: DynamoDBClient, tableName: string, key: string): MailCaps {
  return {
    async take(scope, subject, limit, now) {
      const window = WINDOWS[scope];
      const subjectHash = createHmac('sha256', key).update(`mail-cap\u0000${scope}\u0000${subject}`, 'utf8').digest('base64url').slice(0, 22);
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: marshall(mailCapKey(scope, subjectHash, window.of(now))),
            UpdateExpression: 'ADD #count :one SET expiresAt = :expiresAt',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
            ExpressionAttributeNames: { '#count': 'count' },
            // Kept one window past its own, then deleted by TTL.
            ExpressionAttributeValues: marshall({ ':one': 1, ':limit': limit, ':expiresAt': Math.floor(now.getTime() / 1000) + 2 * window.seconds }),
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
