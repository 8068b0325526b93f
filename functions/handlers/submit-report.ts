import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdempotencyAlreadyInProgressError, IdempotencyConfig, IdempotencyValidationError, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { readEnv, submitEnvSchema } from '../adapters/config.ts';
import { createDynamoRateLimiter } from '../adapters/dynamodb-rate-limiter.ts';
import { createDynamoReportStore } from '../adapters/dynamodb-report-store.ts';
import { logger } from '../adapters/log.ts';
import { REPORT_TABLE } from '../adapters/report-table.ts';
import { journeysOf } from '../core/build-journey.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { newStatusToken } from '../core/status-token.ts';
import { IdempotencyKeyReusedError } from '../core/submission-claim.ts';
import { deskPhone } from '../core/phone-ladder.ts';
import { isServiceId } from '../core/service-ids.ts';
import { serverReceiptPath, statusPath } from '../core/page-paths.ts';
import { submitReport, type SubmitDependencies } from '../core/submit-report.ts';
import { clientAddress } from '../http/client-address.ts';
import { loadPageTemplates } from '../adapters/page-templates.ts';
import { problemsInWords, problemsPage, tryAgainPage } from '../http/form-pages.ts';
import { readBody, type BodyKind } from '../http/request-body.ts';
import { errorResponse, jsonResponse, redirectResponse } from '../http/responses.ts';

/** POST /api/reports — validates and stores a report, once per Idempotency-Key. Routing follows from the stream. */

const env = readEnv(submitEnvSchema);
const dynamodb = new DynamoDBClient({});
const catalog = loadCatalog(env.CATALOG_DIR);
const deps: SubmitDependencies = {
  journeys: journeysOf(catalog),
  priorityPolicy: catalog.priority,
  store: createDynamoReportStore(dynamodb, env.TABLE_NAME),
  now: () => new Date(),
  newStatusToken,
  referencePrefix: env.REFERENCE_PREFIX,
  retentionDays: env.RETENTION_DAYS,
  idempotencyHours: env.IDEMPOTENCY_HOURS,
};
const limiter = createDynamoRateLimiter(dynamodb, env.TABLE_NAME, env.RATE_LIMIT_PER_MINUTE);

// Idempotency records share the reports table: their keys never start with REPORT#, so the router ignores them.
// Powertools answers a retry from its record (409 while in progress, 422 for another body). Its record does not
// survive every failure (a handler error deletes it), so the core also claims the key before storing the report.
const idempotencyConfig = new IdempotencyConfig({
  eventKeyJmesPath: 'key',
  payloadValidationJmesPath: 'body',
  expiresAfterSeconds: env.IDEMPOTENCY_HOURS * 3600,
});
const persistenceStore = new DynamoDBPersistenceLayer({
  tableName: env.TABLE_NAME,
  keyAttr: REPORT_TABLE.partitionKey,
  sortKeyAttr: REPORT_TABLE.sortKey,
  expiryAttr: REPORT_TABLE.timeToLiveAttribute,
  awsSdkV3Client: dynamodb,
});

const { templates: pages, missing: missingPages } = loadPageTemplates(env.PAGES_DIR);
if (missingPages.length > 0) logger.warn('Pages for browsers without JavaScript are missing; plain pages stand in', { missing: missingPages });
const urgentNumber = deskPhone(catalog.contact).number;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;

interface Submission {
  key?: string;
  /** The body exactly as sent: the same key with a different body is refused. */
  body: string;
  kind: BodyKind;
  data: unknown;
}

/** Returns the response to cache for this key. Throws on failures that a retry might not meet, so they are not cached. */
async function accept(submission: Submission): Promise<APIGatewayProxyStructuredResultV2> {
  const result = await submitReport(submission.data, deps, submission.key);
  if (!result.ok) {
    if (submission.kind !== 'form') return jsonResponse(400, { errors: result.errors });
    const serviceId = (submission.data as { serviceId?: unknown } | null)?.serviceId;
    return problemsPage(pages, problemsInWords(result.errors, isServiceId(serviceId) ? deps.journeys[serviceId] : undefined));
  }
  logger.info('Report stored', { reference: result.reference, priority: result.priority });
  // Without JavaScript the static receipt page cannot show the reference: the API draws the receipt itself.
  if (submission.kind === 'form') return redirectResponse(serverReceiptPath(result.reference, result.statusToken));
  return jsonResponse(201, { reference: result.reference, statusUrl: statusPath(result.reference, result.statusToken), priority: result.priority });
}

const acceptOnce = makeIdempotent(accept, { persistenceStore, config: idempotencyConfig });

export async function handler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
  idempotencyConfig.registerLambdaContext(context);
  const body = readBody(event);
  if (!body.ok) return errorResponse(body.status, body.message);

  const key = event.headers['idempotency-key'];
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    return errorResponse(400, 'Idempotency-Key må være 8–128 synlige ASCII-tegn, for eksempel en UUID.');
  }

  // A browser without JavaScript gets a page it can read (with the desk's number to call on it); a script gets the
  // JSON error it can act on.
  const failure = (status: number, message: string, headers: Record<string, string> = {}) =>
    body.kind === 'form' ? tryAgainPage(pages, status, message, headers) : errorResponse(status, `${message} Haster det, ring ${urgentNumber}.`, headers);
  try {
    if (!(await limiter.allow(clientAddress(event), new Date()))) {
      return failure(429, 'For mange meldinger på kort tid fra samme sted. Vent et minutt og prøv igjen.', { 'retry-after': '60' });
    }
    const submission: Submission = { body: body.text, kind: body.kind, data: body.data };
    return key ? await acceptOnce({ ...submission, key }) : await accept(submission);
  } catch (error) {
    if (error instanceof IdempotencyValidationError || error instanceof IdempotencyKeyReusedError) {
      return errorResponse(422, 'Denne Idempotency-Key er alt brukt for en annen melding. Lag en ny nøkkel for en ny melding.');
    }
    if (error instanceof IdempotencyAlreadyInProgressError) {
      return errorResponse(409, 'Den samme meldingen blir sendt akkurat nå. Vent litt, og prøv igjen hvis du ikke får svar.');
    }
    logger.error('Report could not be stored', { requestId: event.requestContext?.requestId, error: error as Error });
    return failure(500, 'Meldingen ble ikke lagret på grunn av en feil hos oss. Prøv igjen om litt.');
  }
}
