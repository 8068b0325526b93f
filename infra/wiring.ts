import { REPORT_TABLE, reportKey } from '../functions/adapters/report-table.ts';
import { ACTION_LINK_ROUTE } from '../functions/core/action-links.ts';
import { ESCALATION_ROUTE, RECEIPT_ESCALATION_ROUTE, SERVER_RECEIPT_ROUTE } from '../functions/core/page-paths.ts';
import { CASE_EVENTS_ROUTE } from '../functions/core/webhook-signature.ts';

/**
 * How the handlers are wired, described once for both wirings: `infra/aws` (CDK) and `infra/local` read these,
 * so routes, entry points and the stream settings cannot drift apart.
 */

export const HANDLERS = {
  submitReport: { entry: 'functions/handlers/submit-report.ts', description: 'POST /api/reports: validerer og lagrer en melding' },
  routeReport: { entry: 'functions/handlers/route-report.ts', description: 'Sender nye meldinger fra tabellens strøm til riktig team' },
  reportStatus: { entry: 'functions/handlers/report-status.ts', description: 'GET /api/reports/{reference}: status for den som har lenken' },
  sweepUnrouted: { entry: 'functions/handlers/sweep-unrouted.ts', description: 'Sender meldinger som strømmen ga opp, slik at ingen blir liggende' },
  moveReport: { entry: 'functions/handlers/move-report.ts', description: 'Servicedesk flytter en sak: lenkene i e-posten og saksbehandlingssystemets signerte kall' },
  publishCaseEvents: { entry: 'functions/handlers/publish-case-events.ts', description: 'Sender sakens hendelser ut til saksbehandlingssystemet, og e-post til melder og eskaleringskontakt' },
} as const;
export type HandlerName = keyof typeof HANDLERS;

export const API_ROUTES = [
  { method: 'POST', path: '/api/reports', handler: 'submitReport' },
  { method: 'GET', path: '/api/reports/{reference}', handler: 'reportStatus' },
  // The receipt the API draws for a browser without JavaScript.
  { method: 'GET', path: SERVER_RECEIPT_ROUTE, handler: 'reportStatus' },
  // An action link from the desk's e-mail: GET shows what it will do and changes nothing; the page's POST does it.
  { method: 'GET', path: ACTION_LINK_ROUTE, handler: 'moveReport' },
  { method: 'POST', path: ACTION_LINK_ROUTE, handler: 'moveReport' },
  // The desk's case system, signed (core/webhook-signature.ts).
  { method: 'POST', path: CASE_EVENTS_ROUTE, handler: 'moveReport' },
  // «Be om eskalering»: the status page's script (secret in a header), and the receipt's form (secret in its cookie).
  { method: 'POST', path: ESCALATION_ROUTE, handler: 'moveReport' },
  { method: 'POST', path: RECEIPT_ESCALATION_ROUTE, handler: 'moveReport' },
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
 * The publisher's event source: every new report and every change to one (the router's records, a move, the
 * publisher's own), since a report's life events are written by updates. The publisher reads the image and does
 * nothing when every event is published; it records what it did on the report, so a replay publishes nothing twice.
 */
export const CASE_EVENT_STREAM_SOURCE = {
  handler: 'publishCaseEvents',
  eventNames: ['INSERT', 'MODIFY'],
  keyPrefix: REPORT_STREAM_SOURCE.keyPrefix,
  batchSize: 10,
  retryAttempts: 5,
} as const satisfies StreamSource;

/** One consumer of the reports table's stream, as both wirings attach it. */
export interface StreamSource {
  handler: HandlerName;
  eventNames: readonly ('INSERT' | 'MODIFY' | 'REMOVE')[];
  keyPrefix: { readonly attribute: string; readonly prefix: string };
  batchSize: number;
  retryAttempts: number;
}

/** Every stream consumer of the reports table, for the wirings that attach them. */
export const STREAM_SOURCES = [REPORT_STREAM_SOURCE, CASE_EVENT_STREAM_SOURCE] as const;

/**
 * Where the handlers find the catalog at run time: `content/` itself in the repository (the local wiring reads the
 * YAML live), and in a deployed bundle the folder of that name that holds its prebuilt catalog.json.
 */
export const CATALOG_DIR_NAME = 'content';

/** API Gateway's stage throttling, which the local API emulation applies too: beyond it, 429 without calling a handler. */
export const API_THROTTLING = { rateLimit: 50, burstLimit: 100 } as const;

/** Handlers run on a schedule (EventBridge in AWS, a timer locally). */
export const SCHEDULES = [{ handler: 'sweepUnrouted', everyMinutes: 5 }] as const satisfies readonly { handler: HandlerName; everyMinutes: number }[];
