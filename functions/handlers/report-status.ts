import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readEnv, statusEnvSchema } from '../adapters/config.ts';
import { createDynamoReportStore } from '../adapters/dynamodb-report-store.ts';
import { logger } from '../adapters/log.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { RECEIPT_COOKIE, SERVER_RECEIPT_ROUTE, STATUS_TOKEN_HEADER } from '../core/page-paths.ts';
import { mayAskForEscalation } from '../core/escalation-request.ts';
import { deskPhone } from '../core/phone-ladder.ts';
import { handlingHours } from '../core/priority.ts';
import { reportStatus, type ReportStatusView } from '../core/report-status.ts';
import { loadPageTemplates } from '../adapters/page-templates.ts';
import type { ReportStatusAnswer } from '../http/contract/report-status.ts';
import { receiptPage, statusProblemPage } from '../http/form-pages.ts';
import { cameThroughEdge } from '../http/origin-verify.ts';
import { errorResponse, jsonResponse } from '../http/responses.ts';

/**
 * GET /api/reports/{reference} with the link's secret in the x-status-token header — where a report is, for the
 * holder of its status link, as JSON for the status page's script; and GET /api/reports/{reference}/kvittering with
 * the secret in the receipt's cookie — the same as a page of the site, for a browser without JavaScript (the form's
 * receipt, which the reporter can keep to follow the report). The secret is never in an address, so never logged.
 */

const env = readEnv(statusEnvSchema);
const catalog = loadCatalog(env.CATALOG_DIR);
const deps = {
  catalog,
  store: createDynamoReportStore(new DynamoDBClient({}), env.TABLE_NAME),
  now: () => new Date(),
};
const { templates: pages, missing: missingPages } = loadPageTemplates(env.PAGES_DIR);
if (missingPages.length > 0) logger.warn('Pages for browsers without JavaScript are missing; plain pages stand in', { missing: missingPages });
const urgentNumber = deskPhone(catalog.contact).number;

const NOT_FOUND = 'Fant ingen melding med denne referansen og lenken. Bruk lenken i kvitteringen du fikk på e-post.';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  if (!cameThroughEdge(event, env.ORIGIN_VERIFY_SECRET)) return errorResponse(403, 'Forespørselen kom ikke gjennom portalen.');
  const asPage = event.routeKey === `GET ${SERVER_RECEIPT_ROUTE}`;
  const token = (asPage ? cookieValue(event.cookies, RECEIPT_COOKIE) : event.headers[STATUS_TOKEN_HEADER]) ?? '';
  try {
    const view = await reportStatus(event.pathParameters?.reference ?? '', token, deps);
    if (asPage) return view ? receiptPage(pages, view, receiptEscalation(view)) : statusProblemPage(pages, 404, NOT_FOUND);
    return view ? jsonResponse(200, view satisfies ReportStatusAnswer) : errorResponse(404, NOT_FOUND);
  } catch (error) {
    logger.error('Status could not be read', { requestId: event.requestContext?.requestId, error });
    // The page has the desk's number to call on it; the JSON says it in words.
    const message = 'Vi kunne ikke hente status akkurat nå. Meldingen din er ikke borte: prøv igjen om litt.';
    return asPage ? statusProblemPage(pages, 500, message) : errorResponse(500, `${message} Haster det, ring ${urgentNumber}.`);
  }
}

/** «Be om eskalering» on the receipt (core/escalation-request.ts): the same rule the API's POST decides by. */
function receiptEscalation(view: ReportStatusView) {
  const { escalation } = catalog.priority;
  if (!escalation) return undefined;
  const subject = { priority: view.priority.level, receivedAt: view.receivedAt, life: view.life };
  return {
    check: mayAskForEscalation(subject, catalog.priority, handlingHours(catalog.contact.channels, catalog.priority), deps.now()),
    explanation: escalation.explanation,
  };
}

function cookieValue(cookies: readonly string[] | undefined, name: string): string | undefined {
  for (const cookie of cookies ?? []) {
    const [key, ...value] = cookie.split('=');
    if (key?.trim() === name) return value.join('=').trim();
  }
  return undefined;
}
