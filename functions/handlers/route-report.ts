import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { $ZodError } from 'zod/v4/core';
import { readEnv, routeEnvSchema } from '../adapters/config.ts';
import { isReportItem, referenceOfReportItem, type AttributeMap } from '../adapters/dynamodb-report-store.ts';
import { createRouteDependencies } from '../adapters/route-dependencies.ts';
import { logger } from '../adapters/log.ts';
import { processInOrder } from '../core/process-batch.ts';
import { isPermanentRoutingError, routeReport } from '../core/route-report.ts';

/** Consumes the reports table's stream: every newly inserted report is e-mailed to its team and its reporter, once. */

const deps = createRouteDependencies(readEnv(routeEnvSchema));

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const inserts = event.Records.filter((record) => {
    const keys = record.dynamodb?.Keys as AttributeMap | undefined;
    return record.eventName === 'INSERT' && keys !== undefined && isReportItem(keys);
  });
  const referenceOf = (record: DynamoDBRecord) => referenceOfReportItem(record.dynamodb?.Keys as AttributeMap);

  const { failed } = await processInOrder(
    inserts,
    async (record) => {
      const reference = referenceOf(record);
      const outcome = await routeReport(reference, deps);
      logger.info('Report routed', { reference, outcome: outcome.status, ...('majorIncident' in outcome ? { majorIncident: outcome.majorIncident } : {}) });
    },
    isPermanentRoutingError,
    (record, error, permanent) =>
      permanent
        ? logger.error('Stored report is unreadable', { reference: referenceOf(record), issues: (error as $ZodError).issues.map((issue) => issue.path.join('.')) })
        : logger.error('Report could not be routed', { reference: referenceOf(record), error: error as Error }),
  );
  return { batchItemFailures: failed.map((record) => ({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' })) };
}
