import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AnnouncementMarkers } from '../core/notice-announcements.ts';
import { SUBSCRIPTION_FORMAT, type NoticeFollower, type StoredSubscription, type SubscriptionStore } from '../core/subscriptions.ts';
import { subscriberIdOf } from '../core/subscription-tokens.ts';
import { isServiceId } from '../core/service-ids.ts';
import { announcementKey, followerKey, followsKey, REPORT_TABLE, subscriptionKey } from './report-table.ts';

/**
 * Notice subscriptions, follows and announcement markers in the reports table (keys in report-table.ts). A
 * subscription keeps the address, its choice and the consent time; a follow the notice, the address and the time;
 * a marker only which event of which notice was announced, and when.
 */

/** A follow is worth keeping while its notice can still change; after that TTL removes it. */
const FOLLOW_DAYS = 90;
/** A marker must outlive any republication of its notice's events: the announcer skips events a day old, so a year is ample. */
const MARKER_DAYS = 365;
const epochSeconds = (at: Date, days: number) => Math.floor(at.getTime() / 1000) + days * 24 * 3600;

export function createDynamoSubscriptionStore(client: DynamoDBClient, tableName: string): SubscriptionStore {
  async function queryAll(pk: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': REPORT_TABLE.partitionKey },
          ExpressionAttributeValues: marshall({ ':pk': pk }),
          ExclusiveStartKey: startKey,
          ConsistentRead: true,
        }),
      );
      items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  const asSubscription = (item: Record<string, unknown>): StoredSubscription | undefined =>
    item.format === SUBSCRIPTION_FORMAT && typeof item.address === 'string'
      ? {
          format: SUBSCRIPTION_FORMAT,
          subscriberId: String(item.sk),
          address: item.address,
          services: item.services === '*' ? '*' : Array.isArray(item.services) ? item.services.filter(isServiceId) : [],
          consentedAt: String(item.consentedAt),
        }
      : undefined;

  return {
    async put(subscription) {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: marshall({
            ...subscriptionKey(subscription.subscriberId),
            format: subscription.format,
            address: subscription.address,
            services: subscription.services,
            consentedAt: subscription.consentedAt,
          }),
        }),
      );
    },

    async get(subscriberId) {
      const result = await client.send(new GetItemCommand({ TableName: tableName, Key: marshall(subscriptionKey(subscriberId)), ConsistentRead: true }));
      return result.Item ? asSubscription(unmarshall(result.Item)) : undefined;
    },

    async remove(subscriberId) {
      // Follows first, the subscription last: a failure half-way leaves the subscription, so the one-click retry
      // (or the next click) finds the rest to remove.
      for (const follow of await queryAll(followsKey(subscriberId, '').pk)) {
        const noticeId = String(follow.sk);
        await client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall(followerKey(noticeId, subscriberId)) }));
        await client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall(followsKey(subscriberId, noticeId)) }));
      }
      await client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall(subscriptionKey(subscriberId)) }));
    },

    async list() {
      return (await queryAll(subscriptionKey('').pk)).flatMap((item) => asSubscription(item) ?? []);
    },

    async addFollower(noticeId, address, at) {
      const subscriberId = subscriberIdOf(address);
      const expiresAt = epochSeconds(at, FOLLOW_DAYS);
      // The index entry first: a follow the unsubscribe cannot find must never exist.
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: marshall({ ...followsKey(subscriberId, noticeId), noticeId, at: at.toISOString(), [REPORT_TABLE.timeToLiveAttribute]: expiresAt }),
        }),
      );
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: marshall({
            ...followerKey(noticeId, subscriberId),
            noticeId,
            address: address.trim(),
            at: at.toISOString(),
            [REPORT_TABLE.timeToLiveAttribute]: expiresAt,
          }),
        }),
      );
    },

    async followers(noticeId) {
      const now = Math.floor(Date.now() / 1000);
      return (await queryAll(followerKey(noticeId, '').pk))
        .filter((item) => typeof item.address === 'string' && !(typeof item.expiresAt === 'number' && item.expiresAt < now))
        .map((item): NoticeFollower => ({ noticeId, subscriberId: String(item.sk), address: String(item.address), at: String(item.at) }));
    },

    async isFollower(noticeId, subscriberId) {
      const result = await client.send(new GetItemCommand({ TableName: tableName, Key: marshall(followerKey(noticeId, subscriberId)), ConsistentRead: true }));
      return result.Item !== undefined;
    },
  };
}

/** Announcement markers: one conditional put per event, so of two announcers at once exactly one announces it. */
export function createDynamoAnnouncementMarkers(client: DynamoDBClient, tableName: string): AnnouncementMarkers {
  return {
    async claim(event, now) {
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: marshall({
              ...announcementKey(event.noticeId, event.key),
              kind: event.kind,
              eventAt: event.at,
              announcedAt: now.toISOString(),
              [REPORT_TABLE.timeToLiveAttribute]: epochSeconds(now, MARKER_DAYS),
            }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    async release(event) {
      await client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall(announcementKey(event.noticeId, event.key)) }));
    },
  };
}
