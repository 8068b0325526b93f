import { REPORT_TABLE, reportKey } from '../functions/adapters/report-table.ts';
import { SERVER_RECEIPT_ROUTE } from '../functions/core/page-paths.ts';

/**
 * How the handlers are wired, described once for both wirings: `infra/aws` (CDK) and `infra/local` read these,
 * so routes, entry points and the stream settings cannot drift apart.
 */

export const HANDLERS = {
  submitReport: { entry: 'functions/handlers/submit-report.ts', description: 'POST /api/reports: validerer og lagrer en melding' },
  routeReport: { entry: 'functions/handlers/route-report.ts', description: 'Sender nye meldinger fra tabellens strøm til riktig team' },
  reportStatus: { entry: 'functions/handlers/report-status.ts', description: 'GET /api/reports/{reference}: status for den som har lenken' },
  sweepUnrouted: { entry: 'functions/handlers/sweep-unrouted.ts', description: 'Sender meldinger som strømmen ga opp, slik at ingen blir liggende' },
} as const;
export type HandlerName = keyof typeof HANDLERS;

export const API_ROUTES = [
  { method: 'POST', path: '/api/reports', handler: 'submitReport' },
  { method: 'GET', path: '/api/reports/{reference}', handler: 'reportStatus' },
  // The receipt the API draws for a browser without JavaScript.
  { method: 'GET', path: SERVER_RECEIPT_ROUTE, handler: 'reportStatus' },
] as const satisfies readonly {
  method: 'GET' | 'POST';
  path: `/api/${string}`;
  handler: HandlerName;
}[];

/**
 * The router's event source: only inserted reports reach it (counters, idempotency records and rate-limit
 * counters share the table and are filtered out); a record that keeps failing goes to the dead-letter queue.
 */
export const REPORT_STREAM_SOURCE = {
  handler: 'routeReport',
  eventNames: ['INSERT'],
  keyPrefix: { attribute: REPORT_TABLE.partitionKey, prefix: reportKey('').pk },
  batchSize: 10,
  retryAttempts: 5,
} as const satisfies {
  handler: HandlerName;
  eventNames: readonly ('INSERT' | 'MODIFY' | 'REMOVE')[];
  keyPrefix: { attribute: string; prefix: string };
  batchSize: number;
  retryAttempts: number;
};

/**
 * Where the handlers find the catalog at run time: `content/` itself in the repository (the local wiring reads the
 * YAML live), and in a deployed bundle the folder of that name that holds its prebuilt catalog.json.
 */
export const CATALOG_DIR_NAME = 'content';

/** API Gateway's stage throttling, which the local API emulation applies too: beyond it, 429 without calling a handler. */
export const API_THROTTLING = { rateLimit: 50, burstLimit: 100 } as const;

/** Handlers run on a schedule (EventBridge in AWS, a timer locally). */
export const SCHEDULES = [{ handler: 'sweepUnrouted', everyMinutes: 5 }] as const satisfies readonly { handler: HandlerName; everyMinutes: number }[];
