import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, PutItemCommand, QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { siteKeyOf, type AffectedSite, type AffectedSites } from '../core/affected-sites.ts';
import { REPORT_TABLE, affectedSiteKey, AFFECTED_SITE_PREFIX } from './report-table.ts';

/** Version of the stored item: it leaves the code (it outlives a deploy), so it says what shape it has. */
export const AFFECTED_SITE_FORMAT = 'serviceportal.affected-site.v1';

/**
 * The sites hit by a notice, in the reports table under the notice: one item per organisation, put only if it is
 * not there, so two colleagues from one control room count once. They hold contact details, so they expire with
 * the reports' retention, counted from when the site told us.
 */
export function createDynamoAffectedSites(client: DynamoDBClient, tableName: string, retentionDays: number): AffectedSites {
  return {
    async add(noticeId, site) {
      const siteHash = createHash('sha256').update(siteKeyOf(site.organisation), 'utf8').digest('base64url');
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: marshall({
              ...affectedSiteKey(noticeId, siteHash),
              format: AFFECTED_SITE_FORMAT,
              ...site,
              [REPORT_TABLE.timeToLiveAttribute]: Math.floor(Date.parse(site.at) / 1000) + retentionDays * 24 * 3600,
            }),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return { added: true };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return { added: false };
        throw error;
      }
    },
    async list(noticeId) {
      const sites: AffectedSite[] = [];
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :site)',
            ExpressionAttributeValues: marshall({ ':pk': affectedSiteKey(noticeId, '').pk, ':site': AFFECTED_SITE_PREFIX }),
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const raw of page.Items ?? []) {
          const item = unmarshall(raw);
          sites.push({
            organisation: String(item.organisation),
            name: String(item.name),
            phone: String(item.phone),
            email: String(item.email),
            at: String(item.at),
          });
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return sites.sort((a, b) => a.at.localeCompare(b.at));
    },
  };
}
