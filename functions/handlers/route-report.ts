import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createDynamoReportStore, isReportItem, parseReportItem, type AttributeMap } from '../adapters/dynamodb-report-store.ts';
import { readEnv, routeEnvSchema } from '../adapters/config.ts';
import { logError, logInfo } from '../adapters/log.ts';
import { createSesMailer } from '../adapters/ses-mailer.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { routeReport, type RouteDependencies } from '../core/route-report.ts';

/** Consumes the reports table's stream: every newly inserted report is e-mailed to its team, once. */

const env = readEnv(routeEnvSchema);
const deps: RouteDependencies = {
  catalog: loadCatalog(env.CATALOG_DIR),
  store: createDynamoReportStore(new DynamoDBClient({}), env.TABLE_NAME),
  mailer: createSesMailer(new SESClient({}), env.MAIL_FROM),
  now: () => new Date(),
};

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records) {
    const change = record.dynamodb;
    const keys = change?.Keys as AttributeMap | undefined;
    if (record.eventName !== 'INSERT' || !isReportItem(keys) || !change?.NewImage) continue;
    try {
      const report = parseReportItem(change.NewImage as AttributeMap);
      const outcome = await routeReport(report, deps);
      logInfo('Report routed', { reference: report.reference, outcome: outcome.status });
    } catch (error) {
      logError('Report could not be routed', error, { sequenceNumber: change.SequenceNumber });
      // The stream retries from the first failed record, so the rest of the batch is retried anyway.
      return { batchItemFailures: [{ itemIdentifier: change.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}
