import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { readEnv, routeEnvSchema } from '../adapters/config.ts';
import { reportReferenceOf } from '../adapters/dynamodb-report-items.ts';
import { createRouteDependencies, MIN_MS_TO_START_SEND } from '../adapters/route-dependencies.ts';
import { logger } from '../adapters/log.ts';
import { processInOrder } from '../core/process-batch.ts';
import { isPermanentRoutingError, routeReport, ROUTERS, type RouteOptions } from '../core/route-report.ts';

/** Consumes the reports table's stream: every newly inserted report is e-mailed to its team and its reporter, once. */

const deps = createRouteDependencies(readEnv(routeEnvSchema));

export async function handler(event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> {
  const inserts = event.Records.filter((record) => record.eventName === 'INSERT' && reportReferenceOf(record) !== undefined);
  const referenceOf = (record: DynamoDBRecord) => reportReferenceOf(record) ?? '';
  // No e-mail starts that could outlive the invocation; what is left goes back to the stream to retry.
  const hasTimeToSend = () => (context ? context.getRemainingTimeInMillis() > MIN_MS_TO_START_SEND : true);
  const options: RouteOptions = { holder: ROUTERS.stream, canStartSend: hasTimeToSend };

  const { permanent, retry, notTried } = await processInOrder(
    inserts,
    async (record) => {
      const reference = referenceOf(record);
      const outcome = await routeReport(reference, deps, options);
      logger.info('Report routed', { reference, outcome: outcome.status, ...('majorIncident' in outcome ? { majorIncident: outcome.majorIncident } : {}) });
    },
    isPermanentRoutingError,
    (record, error, isPermanent) =>
      logger.error(isPermanent ? 'Report could not be routed, and never will: not retried' : 'Report could not be routed; the stream retries it', {
        reference: referenceOf(record),
        error,
      }),
    { onTransient: 'stop', shouldStart: hasTimeToSend },
  );
  // Routing marks a report it can never send failed and tells the desk; anything permanent that still gets here
  // is logged above and not handed back, so the stream does not retry it. The rest is retried from its first.
  if (permanent.length > 0) logger.warn('Stream records dropped after a permanent failure', { references: permanent.map(referenceOf) });
  return { batchItemFailures: [...retry, ...notTried].map((record) => ({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' })) };
}
