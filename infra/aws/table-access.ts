import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { clusterKey, counterKey, mailCapKey, rateLimitKey, REPORT_TABLE, reportKey, submissionKey, usedLinkKey } from '../../functions/adapters/report-table.ts';
import type { HandlerName } from '../wiring.ts';

/**
 * Which items and indexes of the reports table each handler touches, by the key builders of
 * functions/adapters/report-table.ts: the IAM policy of each function is written from this, so a handler can read
 * and write only the kinds of items its adapters do (dynamodb:LeadingKeys) and query only the indexes they query.
 * Nothing deletes (TTL does), scans or batches. test/infra checks every key builder is listed here, and that the
 * shipped bundles stay inside it.
 */

/** What dynamodb:LeadingKeys compares: a key builder's partition key up to and including its first '#'. */
export function partitionPrefix(key: { pk: string }): string {
  const end = key.pk.indexOf('#');
  if (end < 0) throw new Error(`Partisjonsnøkkelen ${key.pk} har ikke noe prefiks som slutter på #.`);
  return key.pk.slice(0, end + 1);
}

export const KEY_PREFIX = {
  report: partitionPrefix(reportKey('')),
  submission: partitionPrefix(submissionKey('')),
  counter: partitionPrefix(counterKey('')),
  rateLimit: partitionPrefix(rateLimitKey('', '')),
  cluster: partitionPrefix(clusterKey('')),
  mailCap: partitionPrefix(mailCapKey('', '', '')),
  usedLink: partitionPrefix(usedLinkKey('')),
} as const;
type KeyPrefix = (typeof KEY_PREFIX)[keyof typeof KEY_PREFIX];
type IndexName = (typeof REPORT_TABLE)['byServiceIndex' | 'unroutedIndex']['indexName'];

export interface TableAccess {
  /** Partition-key prefixes of the items it reads with GetItem. */
  get: readonly KeyPrefix[];
  /** Partition-key prefixes of the items it writes with PutItem or UpdateItem. */
  write: readonly KeyPrefix[];
  /** The secondary indexes it queries. The table itself is never queried. */
  query: readonly IndexName[];
}

/**
 * The stream's router and the sweeper route alike (adapters/route-dependencies.ts): the report (its lease, what was
 * sent, routed or failed), the service's cluster for the major-incident alert, and the mail caps' counters.
 */
const ROUTING: TableAccess = {
  get: [KEY_PREFIX.report],
  write: [KEY_PREFIX.report, KEY_PREFIX.cluster, KEY_PREFIX.mailCap],
  // Counting a service's recent reports for the major-incident alert.
  query: [REPORT_TABLE.byServiceIndex.indexName],
};

export const TABLE_ACCESS: Record<HandlerName, TableAccess> = {
  // The report and the claim on its Idempotency-Key (each read back when a write finds it there), the reference
  // counter and the per-client rate limit.
  submitReport: {
    get: [KEY_PREFIX.report, KEY_PREFIX.submission],
    write: [KEY_PREFIX.report, KEY_PREFIX.submission, KEY_PREFIX.counter, KEY_PREFIX.rateLimit],
    query: [],
  },
  routeReport: ROUTING,
  sweepUnrouted: { ...ROUTING, query: [...ROUTING.query, REPORT_TABLE.unroutedIndex.indexName] },
  // One GetItem on the report its link names.
  reportStatus: { get: [KEY_PREFIX.report], write: [], query: [] },
  // The report it moves (read, then one conditional update), and the used link it marks (one conditional put).
  moveReport: { get: [KEY_PREFIX.report], write: [KEY_PREFIX.report, KEY_PREFIX.usedLink], query: [] },
  // The report whose life it publishes (read as it is now), and what it published or e-mailed (one conditional ADD).
  publishCaseEvents: { get: [KEY_PREFIX.report], write: [KEY_PREFIX.report], query: [] },
};

/** The IAM statements for one handler's access: item calls on the table, limited by key prefix, and index queries. */
export function tableAccessStatements(table: ITableV2, access: TableAccess): PolicyStatement[] {
  const onKeys = (prefixes: readonly string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': prefixes.map((prefix) => `${prefix}*`) } });
  return [
    ...(access.get.length > 0 ? [new PolicyStatement({ actions: ['dynamodb:GetItem'], resources: [table.tableArn], conditions: onKeys(access.get) })] : []),
    ...(access.write.length > 0
      ? [new PolicyStatement({ actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'], resources: [table.tableArn], conditions: onKeys(access.write) })]
      : []),
    ...(access.query.length > 0
      ? [new PolicyStatement({ actions: ['dynamodb:Query'], resources: access.query.map((index) => `${table.tableArn}/index/${index}`) })]
      : []),
  ];
}
