import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { noticeMailEnvSchema, readEnv } from '../adapters/config.ts';
import { createDynamoSubscriptionStore } from '../adapters/dynamodb-subscriptions.ts';
import { logger } from '../adapters/log.ts';
import { createSesMailer } from '../adapters/ses-mailer.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import type { NoticeMailJob } from '../core/notice-announcements.ts';
import { createPacer, sendNoticeMail, type SendDependencies } from '../core/notice-mail.ts';
import { PERMANENT_ERROR_NAMES } from '../core/routing-failure.ts';
import { UNSUBSCRIBE_ROUTE } from '../core/subscription-paths.ts';

/**
 * Consumes the notice e-mails' queue (SQS; on this machine the local stack's queue): one e-mail per message, paced
 * (core/notice-mail.ts), each checked against the subscription at send time. Reports partial batch failures, so
 * only the messages that failed come back; SES refusing one for good (a bad address) drops it instead.
 */

const env = readEnv(noticeMailEnvSchema);
const catalog = loadCatalog(env.CATALOG_DIR);
const deps: SendDependencies = {
  mailer: createSesMailer(new SESClient({}), {
    from: env.MAIL_FROM,
    deskConfigurationSet: env.MAIL_CONFIGURATION_SET,
    receiptConfigurationSet: env.RECEIPT_CONFIGURATION_SET,
  }),
  // Module scope: the pace holds across the batches a warm instance handles, not only within one.
  pacer: createPacer({ perSecond: env.NOTICE_MAILS_PER_SECOND, now: () => Date.now(), sleep: (ms) => sleep(ms) }),
  subscriptions: createDynamoSubscriptionStore(new DynamoDBClient({}), env.TABLE_NAME),
  key: env.SUBSCRIPTION_KEY,
  siteUrl: env.SITE_URL,
  unsubscribePath: UNSUBSCRIBE_ROUTE,
  serviceNames: Object.fromEntries(Object.entries(catalog.services).map(([id, service]) => [id, service.name])),
};

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const failures: string[] = [];
  for (const record of event.Records) {
    let job: NoticeMailJob;
    try {
      // Our own queue's message, written by announceNotices from a NoticeMailJob and versioned by its `format`, which
      // sendNoticeMail checks before anything else.
      // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- see above
      job = JSON.parse(record.body) as NoticeMailJob;
    } catch {
      logger.error('Notice e-mail message is not JSON: dropped', { messageId: record.messageId });
      continue;
    }
    try {
      const outcome = await sendNoticeMail(job, deps);
      logger.info('Notice e-mail', { messageId: record.messageId, notice: job.content?.noticeId, kind: job.content?.kind, outcome });
    } catch (error) {
      const permanent = error instanceof Error && PERMANENT_ERROR_NAMES.has(error.name);
      logger.error(permanent ? 'Notice e-mail refused for good: dropped' : 'Notice e-mail failed: retried', {
        messageId: record.messageId,
        error,
      });
      if (!permanent) failures.push(record.messageId);
    }
  }
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
}
