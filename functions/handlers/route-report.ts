import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { ZodError } from 'zod';
import { readEnv, routeEnvSchema } from '../adapters/config.ts';
import { createDynamoReportStore, isReportItem, referenceOfReportItem, type AttributeMap } from '../adapters/dynamodb-report-store.ts';
import { logger } from '../adapters/log.ts';
import { createSesMailer } from '../adapters/ses-mailer.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { processInOrder } from '../core/process-batch.ts';
import { routeReport, type RouteDependencies } from '../core/route-report.ts';
import { statusPath } from '../core/submit-report.ts';

/** Consumes the reports table's stream: every newly inserted report is e-mailed to its team and its reporter, once. */

const env = readEnv(routeEnvSchema);
const deps: RouteDependencies = {
  catalog: loadCatalog(env.CATALOG_DIR),
  store: createDynamoReportStore(new DynamoDBClient({}), env.TABLE_NAME),
  // The SDK retries throttling and connection failures with backoff before an error reaches us.
  mailer: createSesMailer(new SESClient({ maxAttempts: 4 }), env.MAIL_FROM, env.MAIL_CONFIGURATION_SET),
  now: () => new Date(),
  statusUrlFor: (reference, token) => `${env.SITE_URL}${statusPath(reference, token)}`,
};

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
    // A stored report that cannot be read will never route; everything else (SES, DynamoDB) may pass on retry.
    (error) => error instanceof ZodError,
    (record, error, permanent) =>
      permanent
        ? logger.error('Stored report is unreadable', { reference: referenceOf(record), issues: (error as ZodError).issues.map((issue) => issue.path.join('.')) })
        : logger.error('Report could not be routed', { reference: referenceOf(record), error: error as Error }),
  );
  return { batchItemFailures: failed.map((record) => ({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' })) };
}
