import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { NoticeMailJob, NoticeMailQueue } from '../core/notice-announcements.ts';

/** SQS takes at most ten messages per SendMessageBatch. */
const BATCH = 10;

/**
 * The notice e-mails' queue: SQS in AWS, and on this machine the local stack's stand-in, which speaks the same
 * protocol (infra/local/sqs.ts), so this very adapter runs in both. A message SQS refuses in a batch fails the
 * whole call, so the announcer gives its claims back and the publication is announced again.
 */
export function createSqsNoticeMailQueue(client: SQSClient, queueUrl: string): NoticeMailQueue {
  return {
    async enqueue(jobs) {
      for (let start = 0; start < jobs.length; start += BATCH) {
        const batch = jobs.slice(start, start + BATCH);
        const result = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: batch.map((job: NoticeMailJob, index) => ({ Id: String(index), MessageBody: JSON.stringify(job) })),
          }),
        );
        const failed = result.Failed ?? [];
        if (failed.length > 0)
          throw new Error(`SQS took ${batch.length - failed.length} of ${batch.length} notice e-mails: ${failed.map((entry) => entry.Code).join(', ')}`);
      }
    },
  };
}
