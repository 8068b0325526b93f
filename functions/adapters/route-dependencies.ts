import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { loadCatalog } from '../catalog/load-catalog.ts';
import type { RouteDependencies } from '../core/route-report.ts';
import { statusPath } from '../core/page-paths.ts';
import type { routeEnvSchema } from './config.ts';
import { createDynamoReportStore } from './dynamodb-report-store.ts';
import { createSesMailer } from './ses-mailer.ts';
import type * as z from 'zod/mini';

/** What every handler that sends a report's e-mails needs; built once per module, at cold start. */
export function createRouteDependencies(env: z.output<typeof routeEnvSchema>): RouteDependencies {
  return {
    catalog: loadCatalog(env.CATALOG_DIR),
    store: createDynamoReportStore(new DynamoDBClient({}), env.TABLE_NAME),
    // The SDK retries throttling and connection failures with backoff before an error reaches us.
    mailer: createSesMailer(new SESClient({ maxAttempts: 4 }), env.MAIL_FROM, env.MAIL_CONFIGURATION_SET),
    now: () => new Date(),
    statusUrlFor: (reference, token) => `${env.SITE_URL}${statusPath(reference, token)}`,
  };
}
