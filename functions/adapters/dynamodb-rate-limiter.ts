import { createHash } from 'node:crypto';
import { UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { rateLimitKey } from './report-table.ts';

export interface RateLimiter {
  /** Counts one request from `client` and says whether it is within the limit for the current minute. */
  allow(client: string, now: Date): Promise<boolean>;
}

/** A fixed one-minute window per client, counted atomically in the reports table; the counters expire by TTL. */
export function createDynamoRateLimiter(client: DynamoDBClient, tableName: string, perMinute: number): RateLimiter {
  return {
    async allow(source, now) {
      // Only a hash of the address is stored: the limit needs to tell clients apart, not know who they are.
      const clientHash = createHash('sha256').update(source).digest('base64url').slice(0, 22);
      const minute = now.toISOString().slice(0, 16);
      const result = await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: marshall(rateLimitKey(clientHash, minute)),
          UpdateExpression: 'ADD #count :one SET expiresAt = :expiresAt',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: marshall({ ':one': 1, ':expiresAt': Math.floor(now.getTime() / 1000) + 120 }),
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const count = result.Attributes ? Number(unmarshall(result.Attributes).count) : 0;
      return count <= perMinute;
    },
  };
}
