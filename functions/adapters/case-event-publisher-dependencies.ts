import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { loadCatalog } from '../catalog/load-catalog.ts';
import type { CaseEventDependencies } from '../core/case-events.ts';
import type { CaseEventSignals } from '../core/ports.ts';
import { failureReason } from '../core/routing-failure.ts';
import type { publishEnvSchema } from './config.ts';
import { createEventBridgePublisher, isPermanentCaseEventError } from './case-event-publisher.ts';
import { createLocalCaseEventPublisher } from './case-event-publisher-local.ts';
import { createDynamoCaseEventStore } from './dynamodb-case-store.ts';
import { logger, type Logger } from './log.ts';
import { METRIC } from './metric-names.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createSesClient, statusUrlWith } from './route-dependencies.ts';
import { createSesMailer } from './ses-mailer.ts';
import type * as z from 'zod/mini';

export function createCaseEventSignals(log: Pick<Logger, 'error'> = logger, metrics: Metrics = createMetrics()): CaseEventSignals {
  return {
    failed(reference, what, error) {
      const reason = failureReason(error);
      log.error('Case event or e-mail can never be done: settled on the report, not retried', { reference, what, reason });
      metrics.emit(METRIC.caseEventFailed, 1, 'Count', { reference, what });
    },
  };
}

/** What the publisher needs; built once per module, at cold start. */
export function createCaseEventDependencies(env: z.output<typeof publishEnvSchema>): CaseEventDependencies {
  const dynamodb = new DynamoDBClient({});
  return {
    catalog: loadCatalog(env.CATALOG_DIR),
    store: createDynamoCaseEventStore(dynamodb, env.TABLE_NAME),
    publisher: env.CASE_EVENTS_BUS_NAME
      ? createEventBridgePublisher(new EventBridgeClient({ maxAttempts: 2 }), env.CASE_EVENTS_BUS_NAME)
      : createLocalCaseEventPublisher({ outboxFile: env.CASE_EVENTS_OUTBOX ?? 'case-events.jsonl', webhookUrl: env.CASE_EVENTS_WEBHOOK_URL }),
    mailer: createSesMailer(createSesClient(), {
      from: env.MAIL_FROM,
      deskConfigurationSet: env.MAIL_CONFIGURATION_SET,
      receiptConfigurationSet: env.RECEIPT_CONFIGURATION_SET,
    }),
    now: () => new Date(),
    statusUrlFor: statusUrlWith(env),
    signals: createCaseEventSignals(),
    isPermanent: isPermanentCaseEventError,
  };
}
