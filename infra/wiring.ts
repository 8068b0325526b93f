import { REPORT_TABLE, reportKey } from '../functions/adapters/report-table.ts';
import { ACTION_LINK_ROUTE } from '../functions/core/action-links.ts';
import { AFFECTED_ROUTE, NOTICES_DOCUMENT_KEY } from '../functions/core/notice-paths.ts';
import { CONFIRM_SUBSCRIPTION_ROUTE, SUBSCRIBE_ROUTE, UNSUBSCRIBE_ROUTE } from '../functions/core/subscription-paths.ts';
import { ESCALATION_ROUTE, RECEIPT_ESCALATION_ROUTE, SERVER_RECEIPT_ROUTE } from '../functions/core/page-paths.ts';
import { CASE_EVENTS_ROUTE } from '../functions/core/webhook-signature.ts';
import { REPORT_STATUS_ROUTE } from '../functions/http/contract/report-status.ts';
import { REPORTS_ROUTE } from '../functions/http/contract/reports.ts';

/**
 * How the handlers are wired, described once for both wirings: `infra/aws` (CDK) and `infra/local` read these,
 * so routes, entry points and the stream settings cannot drift apart.
 */

export const HANDLERS = {
  submitReport: { entry: 'functions/handlers/submit-report.ts', description: 'POST /api/reports: validerer og lagrer en melding' },
  routeReport: { entry: 'functions/handlers/route-report.ts', description: 'Sender nye meldinger fra tabellens strøm til riktig team' },
  reportStatus: { entry: 'functions/handlers/report-status.ts', description: 'GET /api/reports/{reference}: status for den som har lenken' },
  sweepUnrouted: { entry: 'functions/handlers/sweep-unrouted.ts', description: 'Sender meldinger som strømmen ga opp, slik at ingen blir liggende' },
  moveReport: {
    entry: 'functions/handlers/move-report.ts',
    description: 'Servicedesk flytter en sak: lenkene i e-posten og saksbehandlingssystemets signerte kall',
  },
  publishCaseEvents: {
    entry: 'functions/handlers/publish-case-events.ts',
    description: 'Sender sakens hendelser ut til saksbehandlingssystemet, og e-post til melder og eskaleringskontakt',
  },
  subscribeNotices: {
    entry: 'functions/handlers/subscribe-notices.ts',
    description: 'Abonnement på driftsmeldinger: bekreftelseslenke på e-post, bekreftelse og avmelding med ett klikk',
  },
  // Reads no catalog: the notices document names its services by id, checked against core/service-ids.ts.
  announceNotices: {
    entry: 'functions/handlers/announce-notices.ts',
    description: 'Leser nye driftsmeldinger når de publiseres, og legger én e-post per mottaker i køen',
    readsCatalog: false,
  },
  sendNoticeMail: { entry: 'functions/handlers/send-notice-mail.ts', description: 'Sender driftsmeldinger fra køen til abonnentene, i takt med SES-grensen' },
  reportAffected: {
    entry: 'functions/handlers/report-affected.ts',
    description: '«Vi er også rammet»: legger et kontrollrom til en driftsmelding og sier fra til Servicedesk',
  },
} as const;
export type HandlerName = keyof typeof HANDLERS;

export const API_ROUTES = [
  { method: 'POST', path: REPORTS_ROUTE, handler: 'submitReport' },
  { method: 'GET', path: REPORT_STATUS_ROUTE, handler: 'reportStatus' },
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
  // Notice subscriptions: the form; the confirmation link (GET asks, POST stores); the unsubscribe link (GET asks,
  // POST ends it, also as RFC 8058 one-click from a mail client).
  { method: 'POST', path: SUBSCRIBE_ROUTE, handler: 'subscribeNotices' },
  { method: 'GET', path: CONFIRM_SUBSCRIPTION_ROUTE, handler: 'subscribeNotices' },
  { method: 'POST', path: CONFIRM_SUBSCRIPTION_ROUTE, handler: 'subscribeNotices' },
  { method: 'GET', path: UNSUBSCRIBE_ROUTE, handler: 'subscribeNotices' },
  { method: 'POST', path: UNSUBSCRIBE_ROUTE, handler: 'subscribeNotices' },
  // «Vi er også rammet»: a control room adds itself to a live notice (the page's script, or its form without one).
  { method: 'POST', path: AFFECTED_ROUTE, handler: 'reportAffected' },
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

/**
 * Publishing notices announces them: the object whose creation triggers `announceNotices` (an S3 notification on
 * the site bucket in AWS; locally the stack watches the file in the site directory), as a key in the bucket.
 */
export const NOTICES_PUBLICATION = {
  handler: 'announceNotices',
  objectKey: NOTICES_DOCUMENT_KEY,
} as const satisfies { handler: HandlerName; objectKey: string };

/**
 * The notice e-mails' queue and its consumer. The fleet's share of the SES send rate (`sendsPerSecond`) is divided
 * among at most `maxConcurrency` senders, each pacing itself to its part (core/notice-mail.ts), so however long the
 * queue, the sum stays under it: the rest of the portal's mail (receipts, the desk's) keeps the remaining headroom.
 * A message that fails `maxReceiveCount` times goes to the dead-letter queue, which raises an alarm.
 */
export const NOTICE_MAIL_QUEUE = {
  handler: 'sendNoticeMail',
  batchSize: 10,
  maxConcurrency: 2,
  sendsPerSecond: 8,
  maxReceiveCount: 5,
  /** Long enough for a batch at the slowest pace, with room for SES's own retries. */
  timeoutSeconds: 30,
} as const satisfies {
  handler: HandlerName;
  batchSize: number;
  maxConcurrency: number;
  sendsPerSecond: number;
  maxReceiveCount: number;
  timeoutSeconds: number;
};

/** What one sender may send per second, for its NOTICE_MAILS_PER_SECOND. */
export const noticeMailsPerSender = () => Math.max(1, Math.floor(NOTICE_MAIL_QUEUE.sendsPerSecond / NOTICE_MAIL_QUEUE.maxConcurrency));
