import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient, type SESClientConfig } from '@aws-sdk/client-ses';
import { loadCatalog } from '../catalog/load-catalog.ts';
import type { RoutingSignals } from '../core/ports.ts';
import type { RouteDependencies } from '../core/route-report.ts';
import { statusPath } from '../core/page-paths.ts';
import { statusTokenFor } from '../core/status-token.ts';
import { deskActionLinks } from '../core/action-links.ts';
import { randomBytes } from 'node:crypto';
import type { routeEnvSchema } from './config.ts';
import { createDynamoMailCaps } from './dynamodb-mail-caps.ts';
import { DELIVERY_RECORD_BUDGET_MS } from './dynamodb-report-items.ts';
import { createDynamoRoutingStore } from './dynamodb-report-store.ts';
import { logger, type Logger } from './log.ts';
import { METRIC } from './metric-names.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createSesMailer } from './ses-mailer.ts';
import type * as z from 'zod/mini';

/**
 * SES's time limits, against the router's budget: its Lambda timeout is 10 s (infra/aws/portal-function.ts).
 *
 * - One attempt gives up after SES_REQUEST_TIMEOUT_MS, counted from its start, connecting (≤ 1 s) included:
 *   SendRawEmail normally answers in a few hundred milliseconds, and throttling is an answer, not a wait.
 *   `throwOnRequestTimeout` makes the timeout an error; without it the SDK only logs a warning and waits on.
 * - Two attempts, with the SDK's backoff between them (≤ 1 s after throttling, ≤ 0.1 s otherwise):
 *   a send settles, sent or failed, within 2 × 1.5 s + 1 s = 4 s (SES_SEND_LIMIT_MS).
 * - Recording it then pauses at most DELIVERY_RECORD_BUDGET_MS = 5 s between attempts during a DynamoDB outage:
 *   4 s + 5 s = 9 s, so even the slowest e-mail, sent and recorded, ends inside the 10 s.
 * - The router starts another e-mail only while MIN_MS_TO_START_SEND (5 s: one send and a normal record) is
 *   left, so no send is cut off by the timeout mid-batch (and sent again by the retry).
 */
export const SES_CONNECTION_TIMEOUT_MS = 1000;
export const SES_REQUEST_TIMEOUT_MS = 1500;
export const SES_MAX_ATTEMPTS = 2;
const SES_MAX_BACKOFF_MS = 1000;
export const SES_SEND_LIMIT_MS = SES_MAX_ATTEMPTS * SES_REQUEST_TIMEOUT_MS + (SES_MAX_ATTEMPTS - 1) * SES_MAX_BACKOFF_MS;
export const MIN_MS_TO_START_SEND = SES_SEND_LIMIT_MS + 1000;
/** The router's Lambda timeout the figures above are held to (test/unit/ses-client.test.ts checks the sum). */
export const ROUTER_TIMEOUT_MS = 10_000;
export { DELIVERY_RECORD_BUDGET_MS };

/** The reporter's status link, absolute, with its secret derived from the reference (never stored). */
export function statusUrlWith(env: { SITE_URL: string; STATUS_TOKEN_KEY: string }): (reference: string) => string {
  return (reference) => `${env.SITE_URL}${statusPath(reference, statusTokenFor(env.STATUS_TOKEN_KEY, reference))}`;
}

/** The SES client the router sends with: timeouts and attempts as above. `overrides` for tests (endpoint, credentials). */
export function createSesClient(overrides: SESClientConfig = {}): SESClient {
  return new SESClient({
    maxAttempts: SES_MAX_ATTEMPTS,
    requestHandler: { connectionTimeout: SES_CONNECTION_TIMEOUT_MS, requestTimeout: SES_REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
    ...overrides,
  });
}

/** Routing's signals as log lines, and as the metrics the alarms in infra/aws watch (metric-names.ts). */
export function createRoutingSignals(log: Pick<Logger, 'error' | 'warn'> = logger, metrics: Metrics = createMetrics()): RoutingSignals {
  return {
    routingFailed(reference, reason) {
      log.error('Report can never be routed: marked failed, the desk was told', { reference, reason });
      metrics.emit(METRIC.routingFailed, 1, 'Count', { reference });
    },
    capped(reference, mail, scope) {
      log.warn('E-mail not sent: its cap is reached', { reference, mail, scope });
      metrics.emit(mail === 'receipt' ? METRIC.receiptCapped : METRIC.urgentCopyCapped, 1, 'Count', { reference, scope });
    },
    mailRejected(reference, mail, reason) {
      log.error('SES refused an e-mail for good; the report goes on without it', { reference, mail, reason });
    },
    oldestUnrouted(ageSeconds) {
      metrics.emit(METRIC.oldestUnroutedAgeSeconds, ageSeconds, 'Seconds');
    },
  };
}

/** What every handler that sends a report's e-mails needs; built once per module, at cold start. */
export function createRouteDependencies(env: z.output<typeof routeEnvSchema>): RouteDependencies {
  const dynamodb = new DynamoDBClient({});
  return {
    catalog: loadCatalog(env.CATALOG_DIR),
    store: createDynamoRoutingStore(dynamodb, env.TABLE_NAME),
    mailer: createSesMailer(createSesClient(), {
      from: env.MAIL_FROM,
      deskConfigurationSet: env.MAIL_CONFIGURATION_SET,
      receiptConfigurationSet: env.RECEIPT_CONFIGURATION_SET,
    }),
    now: () => new Date(),
    statusUrlFor: statusUrlWith(env),
    deskLinksFor: (reference, escalateTo) =>
      deskActionLinks(env.ACTION_LINK_KEY, {
        siteUrl: env.SITE_URL,
        reference,
        escalateTo,
        now: new Date(),
        nonce: () => randomBytes(16).toString('base64url'),
      }),
    // Keyed with the same secret as the status links (domain-separated inside): counters hold no address.
    caps: createDynamoMailCaps(dynamodb, env.TABLE_NAME, env.STATUS_TOKEN_KEY),
    limits: {
      receiptsPerAddressPerDay: env.RECEIPTS_PER_ADDRESS_PER_DAY,
      receiptsPerDomainPerDay: env.RECEIPTS_PER_DOMAIN_PER_DAY,
      urgentCopiesPerClientPerHour: env.URGENT_COPIES_PER_CLIENT_PER_HOUR,
    },
    signals: createRoutingSignals(),
  };
}
