import { ConditionalCheckFailedException, GetItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue as LambdaAttributeValue, DynamoDBRecord } from 'aws-lambda';
import { isExpired, storedReportSchema, type StoredReport } from '../core/stored-report.ts';
import { byServiceKey, reportKey, unroutedKey } from './report-table.ts';

/** A report item as DynamoDB holds it, and what every store over the reports table shares to read and write it. */

export type AttributeMap = Record<string, AttributeValue>;

/** The routing lease on a report item: `{ holder, until }`, until in epoch milliseconds (ports.ts RoutingLease). */
export const LEASE_ATTRIBUTE = 'routingLease';

/**
 * Beside `life`, the ids of the events appended to it as a string set, for the condition that keeps a retried
 * event from being appended twice (`contains` works on a set, not on the ids inside a list of maps). The portal's
 * own first event (received) is not in it; moving a report reads its life first, and knows that one by id.
 */
export const LIFE_EVENT_IDS_ATTRIBUTE = 'lifeEventIds';

/** Runs a conditional write: true if it was made, false if its condition did not hold. */
export async function conditional(send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * How long recording a sent e-mail keeps pausing between attempts (200 ms doubling to 2 s: 5 s in all, the same
 * pauses the 6 s it was before allowed), beyond the SDK's own retries. With one send's limit (≤ 4 s,
 * route-dependencies.ts) it stays inside the router's 10 s timeout.
 */
export const DELIVERY_RECORD_BUDGET_MS = 5000;

/** The report, or undefined if there is none or it has expired (TTL deletes expired items only eventually, and dynalite never). */
export async function readReport(client: DynamoDBClient, tableName: string, reference: string, now: Date): Promise<StoredReport | undefined> {
  const result = await client.send(new GetItemCommand({ TableName: tableName, Key: marshall(reportKey(reference)), ConsistentRead: true }));
  const report = result.Item ? parseReportItem(result.Item) : undefined;
  return report && !isExpired(report, now) ? report : undefined;
}

/**
 * A new report's item as it is stored: the report with its key and the keys of both indexes (a new report waits to
 * be routed, so the sparse unrouted index holds it). What the desk has been sent is recorded later, per delivery.
 */
export function newReportItem(report: StoredReport): Record<string, unknown> {
  const { delivered: _none, ...item } = report;
  return { ...reportKey(report.reference), ...byServiceKey(report.serviceId, report.receivedAt), ...unroutedKey(report.receivedAt), ...item };
}

/** Reads a report item, from GetItem or from a stream image, dropping the table's own key attributes. */
export function parseReportItem(item: AttributeMap): StoredReport {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _gsi1pk,
    gsi1sk: _gsi1sk,
    unroutedPk: _unroutedPk,
    unroutedSince: _unroutedSince,
    [LEASE_ATTRIBUTE]: _lease,
    [LIFE_EVENT_IDS_ATTRIBUTE]: _lifeEventIds,
    delivered,
    ...report
  } = unmarshall(item);
  return storedReportSchema.parse({ ...report, delivered: delivered instanceof Set ? [...delivered] : [] });
}

/**
 * A stream record's keys or image, as the SDK's types read them. Both are DynamoDB's own attribute JSON; the
 * aws-lambda package types it with every member optional where the SDK has a union of one-member objects.
 */
export function streamAttributes(attributes: Readonly<Record<string, LambdaAttributeValue>> | undefined): AttributeMap | undefined {
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- the same JSON, typed two ways (above)
  return attributes as AttributeMap | undefined;
}

/** The stream record's report reference, if it is a report item's record. */
export function reportReferenceOf(record: DynamoDBRecord): string | undefined {
  const keys = streamAttributes(record.dynamodb?.Keys);
  return keys && isReportItem(keys) ? referenceOfReportItem(keys) : undefined;
}

export function isReportItem(keys: AttributeMap | undefined): boolean {
  const pk = keys?.pk;
  return pk !== undefined && 'S' in pk && typeof pk.S === 'string' && pk.S.startsWith('REPORT#');
}

export function referenceOfReportItem(keys: AttributeMap): string {
  return (keys.pk?.S ?? '').replace(/^REPORT#/, '');
}
