import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  affectedSiteKey,
  announcementKey,
  clusterKey,
  counterKey,
  followerKey,
  followsKey,
  mailCapKey,
  rateLimitKey,
  REPORT_TABLE,
  reportKey,
  submissionKey,
  subscriptionKey,
  usedLinkKey,
} from '../../functions/adapters/report-table.ts';
import type { HandlerName } from '../wiring.ts';

/**
 * Which items and indexes of the reports table each handler touches, by the key builders of
 * functions/adapters/report-table.ts: the IAM policy of each function is written from this, so a handler can read
 * and write only the kinds of items its adapters do (dynamodb:LeadingKeys) and query only the indexes they query.
 * Nothing deletes (TTL does) but a subscriber leaving (and an announcement taken back), nothing scans or batches,
 * and only the subscriptions' partitions are queried on the table itself. test/infra checks every key builder is listed here, and that the
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
  subscription: partitionPrefix(subscriptionKey('')),
  follower: partitionPrefix(followerKey('', '')),
  follows: partitionPrefix(followsKey('', '')),
  announcement: partitionPrefix(announcementKey('', '')),
  affectedSite: partitionPrefix(affectedSiteKey('', '')),
} as const;
type KeyPrefix = (typeof KEY_PREFIX)[keyof typeof KEY_PREFIX];
type IndexName = (typeof REPORT_TABLE)['byServiceIndex' | 'unroutedIndex']['indexName'];

export interface TableAccess {
  /** Partition-key prefixes of the items it reads with GetItem. */
  get: readonly KeyPrefix[];
  /** Partition-key prefixes of the items it writes with PutItem or UpdateItem. */
  write: readonly KeyPrefix[];
  /** The secondary indexes it queries. */
  query: readonly IndexName[];
  /** Partition-key prefixes it queries on the table itself (the subscriptions' partitions only). */
  queryTable?: readonly KeyPrefix[];
  /** Partition-key prefixes of the items it deletes with DeleteItem. */
  delete?: readonly KeyPrefix[];
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
  // Asking counts the client's rate and the address's confirmation cap; confirming puts the subscription; leaving
  // deletes it with every follow of the address (found by querying its follows' partition).
  subscribeNotices: {
    get: [KEY_PREFIX.subscription],
    write: [KEY_PREFIX.subscription, KEY_PREFIX.rateLimit, KEY_PREFIX.mailCap],
    query: [],
    queryTable: [KEY_PREFIX.follows],
    delete: [KEY_PREFIX.subscription, KEY_PREFIX.follower, KEY_PREFIX.follows],
  },
  // Records each announced event (a conditional put; taken back if the queue refuses), and reads the subscribers
  // and the notice's followers.
  announceNotices: {
    get: [],
    write: [KEY_PREFIX.announcement],
    query: [],
    queryTable: [KEY_PREFIX.subscription, KEY_PREFIX.follower],
    delete: [KEY_PREFIX.announcement],
  },
  // Reads, at send time, whether the address still subscribes or follows.
  sendNoticeMail: { get: [KEY_PREFIX.subscription, KEY_PREFIX.follower], write: [], query: [] },
  // «Vi er også rammet»: puts the site under the notice (conditional), lists the notice's sites, counts the client's
  // rate, and records the reporter as the notice's follower (both the follower and its index under the address).
  reportAffected: {
    get: [],
    write: [KEY_PREFIX.affectedSite, KEY_PREFIX.rateLimit, KEY_PREFIX.follower, KEY_PREFIX.follows],
    query: [],
    queryTable: [KEY_PREFIX.affectedSite],
  },
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
    ...(access.queryTable && access.queryTable.length > 0
      ? [new PolicyStatement({ actions: ['dynamodb:Query'], resources: [table.tableArn], conditions: onKeys(access.queryTable) })]
      : []),
    ...(access.delete && access.delete.length > 0
      ? [new PolicyStatement({ actions: ['dynamodb:DeleteItem'], resources: [table.tableArn], conditions: onKeys(access.delete) })]
      : []),
  ];
}
