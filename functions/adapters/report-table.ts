/**
 * The reports table, described once: the CDK stack and the local runtime create it from this, and the store
 * adapter reads and writes items with these keys.
 */
export const REPORT_TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** DynamoDB deletes items some time after this epoch-seconds attribute has passed. */
  timeToLiveAttribute: 'expiresAt',
} as const;

export const reportKey = (reference: string) => ({ pk: `REPORT#${reference}`, sk: 'REPORT' });
export const counterKey = (scope: string) => ({ pk: `COUNTER#${scope}`, sk: 'COUNTER' });
