import { createHash } from 'node:crypto';

/**
 * The reports table, described once: the CDK stack and the local runtime create it from this, and the store
 * adapter reads and writes items with these keys.
 */
export const REPORT_TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** DynamoDB deletes items some time after this epoch-seconds attribute has passed. */
  timeToLiveAttribute: 'expiresAt',
  /** Lists reports by service and time: partition `SERVICE#<id>`, sort key the ISO time received. */
  byServiceIndex: { indexName: 'byService', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'KEYS_ONLY' },
  /** Sparse: only reports not yet routed carry these keys, so the sweeper finds stragglers without a scan. */
  unroutedIndex: { indexName: 'unrouted', partitionKey: 'unroutedPk', sortKey: 'unroutedSince', projection: 'KEYS_ONLY' },
} as const;

/** Every secondary index, for the code that creates the table (CDK and infra/local alike). */
export const REPORT_TABLE_INDEXES = [REPORT_TABLE.byServiceIndex, REPORT_TABLE.unroutedIndex] as const;

/** Idempotency-Keys are chosen by clients: hashed, so any key fits the table's key rules and none is stored in clear. */
export const submissionKey = (idempotencyKey: string) => ({
  pk: `SUBMISSION#${createHash('sha256').update(idempotencyKey, 'utf8').digest('base64url')}`,
  sk: 'SUBMISSION',
});
export const reportKey = (reference: string) => ({ pk: `REPORT#${reference}`, sk: 'REPORT' });
export const counterKey = (scope: string) => ({ pk: `COUNTER#${scope}`, sk: 'COUNTER' });
export const clusterKey = (serviceId: string) => ({ pk: `CLUSTER#${serviceId}`, sk: 'CLUSTER' });
export const rateLimitKey = (client: string, window: string) => ({ pk: `RATE#${client}`, sk: window });
/** A mail cap's counter: `subjectHash` is a keyed hash of the address, domain or client tag, never the thing itself. */
export const mailCapKey = (scope: string, subjectHash: string, window: string) => ({ pk: `CAP#${scope}#${subjectHash}`, sk: window });
export const byServiceKey = (serviceId: string, receivedAt: string) => ({ gsi1pk: `SERVICE#${serviceId}`, gsi1sk: receivedAt });
export const unroutedKey = (receivedAt: string) => ({ unroutedPk: 'UNROUTED', unroutedSince: receivedAt });
/** A used action link (core/action-links.ts), by its nonce: kept until the link would have expired, so it is used once. */
export const usedLinkKey = (nonce: string) => ({ pk: `USED#${nonce}`, sk: 'USED' });
/** A site hit by a notice («Vi er også rammet», core/affected-sites.ts), by a hash of its organisation's name. */
export const AFFECTED_SITE_PREFIX = 'SITE#';
export const affectedSiteKey = (noticeId: string, siteHash: string) => ({ pk: `NOTICE#${noticeId}`, sk: `${AFFECTED_SITE_PREFIX}${siteHash}` });

/**
 * Notice subscriptions (adapters/dynamodb-subscriptions.ts) share the reports table: a few thousand small items at
 * most, none of which a report query or the stream's filter (REPORT# keys) ever sees, so a table of their own would
 * add a second set of grants, alarms and backups for nothing. `subscriberId` is a hash of the normalised address
 * (core/subscription-tokens.ts), so one address has one subscription and one follow per notice.
 *
 * Every confirmed subscription sits in one partition: the announcer reads them all with one paged Query for each
 * publication, and subscribing is rare enough that one partition never runs hot.
 */
export const subscriptionKey = (subscriberId: string) => ({ pk: 'SUBSCRIBERS#', sk: subscriberId });
/** A follower of one notice («Vi er også rammet»): queried by notice when its announcements go out. */
export const followerKey = (noticeId: string, subscriberId: string) => ({ pk: `FOLLOWERS#${noticeId}`, sk: subscriberId });
/** The notices one address follows (no address kept here), so unsubscribing finds and removes every follow. */
export const followsKey = (subscriberId: string, noticeId: string) => ({ pk: `FOLLOWS#${subscriberId}`, sk: noticeId });
/** One announced event of a notice (`new`, `update#<at>`, `resolved`): put once, so a republication announces nothing twice. */
export const announcementKey = (noticeId: string, eventKey: string) => ({ pk: `ANNOUNCED#${noticeId}`, sk: eventKey });
