import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { handlerClock } from '../adapters/clock.ts';
import { readEnv, submitEnvSchema } from '../adapters/config.ts';
import { createDynamoRateLimiter } from '../adapters/dynamodb-rate-limiter.ts';
import { createDynamoReportStore } from '../adapters/dynamodb-report-store.ts';
import { logger } from '../adapters/log.ts';
import { loadPageTemplates } from '../adapters/page-templates.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { journeysOf } from '../core/build-journey.ts';
import { RECEIPT_COOKIE, serverReceiptPath, statusPath } from '../core/page-paths.ts';
import { deskPhone } from '../core/phone-ladder.ts';
import { isServiceId } from '../core/service-ids.ts';
import { clientTagFor, statusTokenFor } from '../core/status-token.ts';
import { IdempotencyKeyReusedError } from '../core/submission-claim.ts';
import { submitReport, type SubmitDependencies, type SubmitResult } from '../core/submit-report.ts';
import { clientAddress } from '../http/client-address.ts';
import { isCrossSitePost, siteOriginsOf } from '../http/cross-site.ts';
import { problemsInWords, problemsPage, tryAgainPage } from '../http/form-pages.ts';
import type { ApiErrors } from '../http/contract/errors.ts';
import type { Receipt } from '../http/contract/reports.ts';
import { cameThroughEdge } from '../http/origin-verify.ts';
import { readBody, type BodyKind } from '../http/request-body.ts';
import { errorResponse, jsonResponse, redirectResponse } from '../http/responses.ts';
import { isJsonObject } from '../vocabulary/json-guards.ts';

/**
 * POST /api/reports — validates and stores a report, once per Idempotency-Key. Routing follows from the stream.
 * The core's claim on the key is the one idempotency mechanism: a valid report is stored once and every retry gets
 * the same answer; a report that fails validation stores nothing, so the corrected one may reuse the key.
 */

const env = readEnv(submitEnvSchema);
const now = handlerClock(env.CLOCK_FIXED_AT);
const dynamodb = new DynamoDBClient({});
const catalog = loadCatalog(env.CATALOG_DIR);
const deps: SubmitDependencies = {
  journeys: journeysOf(catalog),
  priorityPolicy: catalog.priority,
  store: createDynamoReportStore(dynamodb, env.TABLE_NAME),
  now,
  statusTokenFor: (reference) => statusTokenFor(env.STATUS_TOKEN_KEY, reference),
  referencePrefix: env.REFERENCE_PREFIX,
  retentionDays: env.RETENTION_DAYS,
  idempotencyHours: env.IDEMPOTENCY_HOURS,
};
const limiter = createDynamoRateLimiter(dynamodb, env.TABLE_NAME, env.RATE_LIMIT_PER_MINUTE);

const { templates: pages, missing: missingPages } = loadPageTemplates(env.PAGES_DIR);
if (missingPages.length > 0) logger.warn('Pages for browsers without JavaScript are missing; plain pages stand in', { missing: missingPages });
const urgentNumber = deskPhone(catalog.contact).number;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;
/** The receipt's cookie lives as long as a status link is worth keeping without JavaScript. */
const RECEIPT_COOKIE_SECONDS = 30 * 24 * 3600;

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  // Before any work: only CloudFront (behind its WAF) may call, and only the portal's own pages may post.
  if (!cameThroughEdge(event, env.ORIGIN_VERIFY_SECRET)) return errorResponse(403, 'Forespørselen kom ikke gjennom portalen.');
  if (isCrossSitePost(event, siteOriginsOf(event, env.SITE_URL))) {
    return errorResponse(403, `Meldinger kan bare sendes fra skjemaet i Serviceportalen. Haster det, ring ${urgentNumber}.`);
  }

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
    const address = clientAddress(event);
    if (!(await limiter.allow(address, now()))) {
      return failure(429, 'For mange meldinger på kort tid fra samme sted. Vent et minutt og prøv igjen.', { 'retry-after': '60' });
    }
    const result = await submitReport(body.data, deps, {
      ...(key ? { idempotencyKey: key } : {}),
      clientTag: clientTagFor(env.STATUS_TOKEN_KEY, address),
    });
    return answer(result, body.kind, body.data);
  } catch (error) {
    if (error instanceof IdempotencyKeyReusedError) {
      return errorResponse(422, 'Denne Idempotency-Key er alt brukt for en annen melding. Lag en ny nøkkel for en ny melding.');
    }
    logger.error('Report could not be stored', { requestId: event.requestContext?.requestId, error });
    return failure(500, 'Meldingen ble ikke lagret på grunn av en feil hos oss. Prøv igjen om litt.');
  }
}

function answer(result: SubmitResult, kind: BodyKind, data: unknown): APIGatewayProxyStructuredResultV2 {
  if (!result.ok) {
    if (kind !== 'form') return jsonResponse(400, { errors: result.errors } satisfies ApiErrors);
    const serviceId = isJsonObject(data) ? data.serviceId : undefined;
    return problemsPage(pages, problemsInWords(result.errors, isServiceId(serviceId) ? deps.journeys[serviceId] : undefined));
  }
  logger.info('Report stored', { reference: result.reference, priority: result.priority });
  if (kind === 'form') {
    // Without JavaScript the static receipt page cannot show the reference: the API draws the receipt itself, and
    // the secret that opens it goes in a cookie for that one address, never in the address.
    const path = serverReceiptPath(result.reference);
    return {
      ...redirectResponse(path),
      cookies: [`${RECEIPT_COOKIE}=${result.statusToken}; Path=${path}; Max-Age=${RECEIPT_COOKIE_SECONDS}; HttpOnly; Secure; SameSite=Strict`],
    };
  }
  return jsonResponse(201, {
    reference: result.reference,
    statusUrl: statusPath(result.reference, result.statusToken),
    priority: result.priority,
  } satisfies Receipt);
}
