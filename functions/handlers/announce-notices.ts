import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { S3Event } from 'aws-lambda';
import { announceEnvSchema, readEnv } from '../adapters/config.ts';
import { createDynamoAnnouncementMarkers, createDynamoSubscriptionStore } from '../adapters/dynamodb-subscriptions.ts';
import { logger } from '../adapters/log.ts';
import { createDirectoryNoticesSource, createS3NoticesSource } from '../adapters/notices-object.ts';
import { createSqsNoticeMailQueue } from '../adapters/sqs-notice-mail-queue.ts';
import { announceNotices, type AnnounceDependencies } from '../core/notice-announcements.ts';
import { parseNoticesDocument } from '../core/notices-document.ts';

/**
 * A new notices document was published (S3 ObjectCreated on the site bucket's driftsmeldinger/meldinger.json; on
 * this machine the local stack sends the same event when the file is written): reads it, works out what is new
 * (core/notice-announcements.ts), records each event once and queues one e-mail per recipient for sendNoticeMail.
 * A document that is not valid announces nothing, and is not retried: publishing a valid one is the fix.
 */

const env = readEnv(announceEnvSchema);
const dynamodb = new DynamoDBClient({});
const source = env.SITE_BUCKET_DIR ? createDirectoryNoticesSource(env.SITE_BUCKET_DIR) : createS3NoticesSource(process.env.AWS_REGION ?? 'eu-north-1');
const deps: AnnounceDependencies = {
  markers: createDynamoAnnouncementMarkers(dynamodb, env.TABLE_NAME),
  subscriptions: createDynamoSubscriptionStore(dynamodb, env.TABLE_NAME),
  queue: createSqsNoticeMailQueue(new SQSClient({}), env.NOTICE_MAIL_QUEUE_URL),
  now: () => new Date(),
  maxAgeHours: env.ANNOUNCE_MAX_AGE_HOURS,
};

export async function handler(event: S3Event): Promise<{ announced: string[]; queued: number }> {
  const total = { announced: [] as string[], queued: 0 };
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    // S3 sends the key URL-encoded, with spaces as '+'.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    let value: unknown;
    try {
      value = JSON.parse(await source.read(bucket, key));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      value = undefined;
    }
    const parsed = parseNoticesDocument(value);
    if (!parsed.ok) {
      logger.error('Notices document is not valid: nothing announced', { key, problems: parsed.problems });
      continue;
    }
    const outcome = await announceNotices(parsed.document, deps);
    logger.info('Notices announced', { key, announced: outcome.announced, queued: outcome.queued });
    total.announced.push(...outcome.announced);
    total.queued += outcome.queued;
  }
  return total;
}
