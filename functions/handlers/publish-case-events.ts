import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { createCaseEventDependencies } from '../adapters/case-event-publisher-dependencies.ts';
import { publishEnvSchema, readEnv } from '../adapters/config.ts';
import { parseReportItem, reportReferenceOf, streamAttributes } from '../adapters/dynamodb-report-items.ts';
import { logger } from '../adapters/log.ts';
import { hasPendingDeliveries, publishForReport } from '../core/case-events.ts';
import { processInOrder } from '../core/process-batch.ts';

/**
 * Consumes the reports table's stream (INSERT and MODIFY of reports): every life event on a report is published
 * once as a case event, and the reporter and the escalation contact get their e-mails once (core/case-events.ts).
 * The record's image says whether anything is still to do; if so, the report is read as it is now, since a
 * record's image may predate what an earlier record's run has recorded.
 */

const deps = createCaseEventDependencies(readEnv(publishEnvSchema));

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const records = event.Records.filter((record) => (record.eventName === 'INSERT' || record.eventName === 'MODIFY') && reportReferenceOf(record) !== undefined);
  const referenceOf = (record: DynamoDBRecord) => reportReferenceOf(record) ?? '';

  const { retry, notTried } = await processInOrder(
    records,
    async (record) => {
      const image = streamAttributes(record.dynamodb?.NewImage);
      if (image && !hasPendingDeliveries(parseReportItem(image), deps)) return;
      const reference = referenceOf(record);
      const outcome = await publishForReport(reference, deps);
      if (outcome === 'gone' || outcome.done.length > 0 || outcome.failed.length > 0) {
        logger.info('Case events published', { reference, ...(outcome === 'gone' ? { outcome } : outcome) });
      }
    },
    deps.isPermanent,
    (record, error, isPermanent) =>
      logger.error(
        isPermanent ? 'Case events could not be published, and never will: not retried' : 'Case events could not be published; the stream retries them',
        {
          reference: referenceOf(record),
          error,
        },
      ),
    { onTransient: 'stop' },
  );
  return { batchItemFailures: [...retry, ...notTried].map((record) => ({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' })) };
}
