import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { moveEnvSchema, readEnv } from '../adapters/config.ts';
import { createDynamoReportStore } from '../adapters/dynamodb-report-store.ts';
import { createDynamoUsedLinks } from '../adapters/dynamodb-used-links.ts';
import { logger } from '../adapters/log.ts';
import { loadPageTemplates } from '../adapters/page-templates.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import {
  ACTION_LINK_PARAMETER,
  ACTION_LINK_ROUTE,
  ACTION_MESSAGE_FIELD,
  actionInWords,
  actionLinkPath,
  LINK_REFUSALS,
  verifyActionLink,
  type ActionLink,
} from '../core/action-links.ts';
import {
  askForEscalation,
  receiveCaseSystemEvent,
  useActionLink,
  type CaseSystemDependencies,
  type EscalationAsk,
  type EscalationDependencies,
  type LinkDependencies,
} from '../core/desk-moves.ts';
import { formatOsloTime } from '../core/oslo-time.ts';
import { MoveContendedError } from '../core/move-report.ts';
import { ESCALATION_ROUTE, RECEIPT_COOKIE, RECEIPT_ESCALATION_ROUTE, serverReceiptPath, STATUS_TOKEN_HEADER } from '../core/page-paths.ts';
import { handlingHours } from '../core/priority.ts';
import { CASE_EVENTS_ROUTE, WEBHOOK_REFUSALS, WEBHOOK_SIGNATURE_HEADER } from '../core/webhook-signature.ts';
import type { EscalationAsked, EscalationRefusedAnswer } from '../http/contract/escalation.ts';
import { isCrossSitePost, siteOriginsOf } from '../http/cross-site.ts';
import { deskActionDonePage, deskActionPage, deskActionRefusedPage, statusProblemPage } from '../http/form-pages.ts';
import { cameThroughEdge } from '../http/origin-verify.ts';
import { MAX_BODY_BYTES, readBody } from '../http/request-body.ts';
import { errorResponse, jsonResponse, redirectResponse } from '../http/responses.ts';
import { isJsonObject } from '../vocabulary/json-guards.ts';

/**
 * How the desk moves a report from outside the portal (core/desk-moves.ts):
 * - GET /api/reports/{reference}/handling?lenke=… — an action link from the desk's e-mail, opened: a page that says
 *   what it will do, with a button. It changes nothing (mail scanners open links).
 * - POST /api/reports/{reference}/handling — that button: the move, once per link, and a page with the result.
 * - POST /api/reports/{reference}/events — the desk's case system, signed (core/webhook-signature.ts): JSON.
 * - POST /api/reports/{reference}/eskalering — the reporter's «Be om eskalering» from the status page (the status
 *   link's secret in x-status-token): JSON. POST /api/reports/{reference}/kvittering/eskalering — the same from the
 *   receipt without JavaScript (the secret in the receipt's cookie): 303 back to the receipt, or a page saying why not.
 */

const env = readEnv(moveEnvSchema);
const dynamodb = new DynamoDBClient({});
const catalog = loadCatalog(env.CATALOG_DIR);
const now = () => new Date();
const move = { store: createDynamoReportStore(dynamodb, env.TABLE_NAME), now };
const linkDeps: LinkDependencies = { key: env.ACTION_LINK_KEY, usedLinks: createDynamoUsedLinks(dynamodb, env.TABLE_NAME), move, now };
const caseSystemDeps: CaseSystemDependencies = { key: env.WEBHOOK_SIGNING_KEY, teams: new Set(Object.keys(catalog.teams)), move, now };
const escalationDeps: EscalationDependencies = { policy: catalog.priority, hours: handlingHours(catalog.contact.channels, catalog.priority), move, now };

const { templates: pages, missing: missingPages } = loadPageTemplates(env.PAGES_DIR);
if (missingPages.length > 0) logger.warn('Pages for browsers without JavaScript are missing; plain pages stand in', { missing: missingPages });

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  if (!cameThroughEdge(event, env.ORIGIN_VERIFY_SECRET)) return errorResponse(403, 'Forespørselen kom ikke gjennom portalen.');
  const reference = event.pathParameters?.reference ?? '';
  try {
    switch (event.routeKey) {
      case `GET ${ACTION_LINK_ROUTE}`:
        return confirm(reference, event.queryStringParameters?.[ACTION_LINK_PARAMETER] ?? '');
      case `POST ${ACTION_LINK_ROUTE}`:
        return await useLink(event, reference);
      case `POST ${CASE_EVENTS_ROUTE}`:
        return await caseSystemEvent(event, reference);
      case `POST ${ESCALATION_ROUTE}`:
      case `POST ${RECEIPT_ESCALATION_ROUTE}`:
        return await escalation(event, reference);
      default:
        return errorResponse(404, 'Fant ikke adressen.');
    }
  } catch (error) {
    if (isEscalation(event)) return escalationFailed(event, error);
    if (error instanceof MoveContendedError) {
      const message = 'Saken ble endret av noen andre i samme øyeblikk. Prøv igjen.';
      return event.routeKey === `POST ${CASE_EVENTS_ROUTE}`
        ? errorResponse(409, message)
        : deskActionRefusedPage(pages, 409, `${message} Lenken virker fortsatt.`);
    }
    logger.error('Report could not be moved', { requestId: event.requestContext?.requestId, reference, error });
    const message = 'Saken ble ikke flyttet på grunn av en feil hos oss. Prøv igjen om litt.';
    return event.routeKey === `POST ${CASE_EVENTS_ROUTE}`
      ? errorResponse(500, message)
      : deskActionRefusedPage(pages, 500, `${message} Lenken virker fortsatt.`);
  }
}

const teamName = (link: ActionLink) => (link.team === undefined ? undefined : (catalog.teams[link.team]?.name ?? link.team));

/** The confirmation: checks the link (signature, report, expiry) and shows what it will do. Reads and writes nothing. */
function confirm(reference: string, token: string): APIGatewayProxyStructuredResultV2 {
  const check = verifyActionLink(env.ACTION_LINK_KEY, token, now(), reference);
  if (!check.ok) return deskActionRefusedPage(pages, check.reason === 'expired' ? 410 : 404, LINK_REFUSALS[check.reason]);
  const words = actionInWords(check.link.action, teamName(check.link));
  return deskActionPage(pages, {
    reference: check.link.reference,
    will: words.will,
    button: words.button,
    formAction: actionLinkPath(check.link.reference),
    token,
    tokenField: ACTION_LINK_PARAMETER,
    messageField: ACTION_MESSAGE_FIELD,
  });
}

async function useLink(event: APIGatewayProxyEventV2, reference: string): Promise<APIGatewayProxyStructuredResultV2> {
  if (isCrossSitePost(event, siteOriginsOf(event, env.SITE_URL)))
    return deskActionRefusedPage(pages, 403, 'Lenken kan bare brukes fra bekreftelsessiden i Serviceportalen.');
  const body = readBody(event);
  if (!body.ok) return deskActionRefusedPage(pages, body.status, body.message);
  const fields = isJsonObject(body.data) ? body.data : {};
  const token = typeof fields[ACTION_LINK_PARAMETER] === 'string' ? fields[ACTION_LINK_PARAMETER] : '';
  const used = await useActionLink(reference, token, fields[ACTION_MESSAGE_FIELD], linkDeps);
  switch (used.status) {
    case 'refused':
      return deskActionRefusedPage(pages, used.reason === 'expired' ? 410 : 404, LINK_REFUSALS[used.reason]);
    case 'bad-message':
      return deskActionRefusedPage(pages, 400, `Meldingen kan ikke sendes: ${used.message} Gå tilbake og rett den; lenken er ikke brukt.`);
    case 'used':
      return deskActionRefusedPage(pages, 409, LINK_REFUSALS.used);
    case 'not-allowed':
      return deskActionRefusedPage(pages, 409, `Saken kan ikke flyttes slik nå: den er ${STATE_WORDS[used.from]}. Gjør endringen i saksbehandlingssystemet.`);
    case 'gone':
      return deskActionRefusedPage(pages, 404, 'Meldingen finnes ikke lenger: den er slettet etter oppbevaringstiden.');
    case 'moved':
      logger.info('Report moved by link', { reference, state: used.link.action, actor: used.link.holder ?? 'desk' });
      return deskActionDonePage(pages, used.link.reference, actionInWords(used.link.action, teamName(used.link)).done);
  }
}

const STATE_WORDS: Record<string, string> = {
  received: 'mottatt',
  registered: 'registrert',
  escalated: 'eskalert',
  awaitingReporter: 'venter på melderen',
  solved: 'løst',
  closed: 'lukket',
};

async function caseSystemEvent(event: APIGatewayProxyEventV2, reference: string): Promise<APIGatewayProxyStructuredResultV2> {
  const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) return errorResponse(413, `Innholdet kan være høyst ${MAX_BODY_BYTES / 1024} KiB.`);
  const outcome = await receiveCaseSystemEvent(reference, event.headers[WEBHOOK_SIGNATURE_HEADER], raw, caseSystemDeps);
  switch (outcome.status) {
    case 'unsigned':
      logger.warn('Case system call refused', { reference: reference.slice(0, 40), reason: outcome.reason });
      return errorResponse(401, WEBHOOK_REFUSALS[outcome.reason]);
    case 'not-found':
    case 'gone':
      return errorResponse(404, `Fant ingen melding med referansen ${reference.slice(0, 40)}.`);
    case 'invalid':
      return jsonResponse(400, { errors: outcome.errors });
    case 'unknown-team':
      return errorResponse(400, `Teamet ${outcome.team} finnes ikke i content/teams.yaml.`);
    case 'not-allowed':
      return errorResponse(409, `Saken kan ikke flyttes dit fra ${outcome.from}.`);
    case 'duplicate':
    case 'moved':
      if (outcome.status === 'moved') logger.info('Report moved by case system', { reference, state: outcome.life.state });
      return jsonResponse(200, { status: outcome.status, state: outcome.life.state });
  }
}

const STATUS_NOT_FOUND = 'Fant ingen melding med denne referansen og lenken. Bruk lenken i kvitteringen du fikk på e-post.';

const isEscalation = (event: APIGatewayProxyEventV2) => event.routeKey === `POST ${ESCALATION_ROUTE}` || event.routeKey === `POST ${RECEIPT_ESCALATION_ROUTE}`;
const fromReceipt = (event: APIGatewayProxyEventV2) => event.routeKey === `POST ${RECEIPT_ESCALATION_ROUTE}`;

/** «Be om eskalering»: the script's JSON, or the receipt's form (303 back to the receipt, which shows it asked). */
async function escalation(event: APIGatewayProxyEventV2, reference: string): Promise<APIGatewayProxyStructuredResultV2> {
  const asPage = fromReceipt(event);
  if (isCrossSitePost(event, siteOriginsOf(event, env.SITE_URL))) {
    const message = 'Du kan bare be om eskalering fra statussiden eller kvitteringen i Serviceportalen.';
    return asPage ? statusProblemPage(pages, 403, message) : errorResponse(403, message);
  }
  const token =
    (asPage ? cookieValue(event.cookies, RECEIPT_COOKIE) : (event.headers[STATUS_TOKEN_HEADER] ?? cookieValue(event.cookies, RECEIPT_COOKIE))) ?? '';
  const asked = await askForEscalation(reference, token, escalationDeps);
  if (asked.status === 'asked') logger.info('Reporter asked for escalation', { reference });
  if (asPage) {
    switch (asked.status) {
      case 'asked':
        return redirectResponse(serverReceiptPath(reference));
      case 'not-found':
        return statusProblemPage(pages, 404, STATUS_NOT_FOUND);
      case 'refused':
        return statusProblemPage(pages, 409, `${refusalInWords(asked)} Gå tilbake til kvitteringen for å se hvor saken står.`);
    }
  }
  switch (asked.status) {
    case 'asked':
      return jsonResponse(200, { status: 'asked', at: asked.at } satisfies EscalationAsked);
    case 'not-found':
      return errorResponse(404, STATUS_NOT_FOUND);
    case 'refused': {
      const { check } = asked;
      return jsonResponse(409, {
        reason: check.reason,
        ...(check.reason === 'tooEarly' ? { from: check.from.toISOString() } : {}),
        ...(check.reason === 'alreadyAsked' ? { at: check.at } : {}),
        errors: [{ path: '', message: refusalInWords(asked) }],
      } satisfies EscalationRefusedAnswer);
    }
  }
}

/** Why the reporter cannot ask now, in a sentence with the time where there is one. */
function refusalInWords(asked: Extract<EscalationAsk, { status: 'refused' }>): string {
  const { check } = asked;
  switch (check.reason) {
    case 'tooEarly':
      return `Du kan be om eskalering fra ${formatOsloTime(check.from.toISOString())}, når svartiden for prioriteten er ute.`;
    case 'alreadyAsked':
      return `Du ba om eskalering ${formatOsloTime(check.at)}. Én gang er nok: Servicedesk har fått beskjed.`;
    case 'ended':
      return `Saken er ${STATE_WORDS[check.state] ?? check.state}, så den kan ikke eskaleres. Ring Servicedesk hvis feilen er tilbake.`;
    case 'notOffered':
      return 'Du kan ikke be om eskalering her. Ring Servicedesk hvis saken haster.';
  }
}

function escalationFailed(event: APIGatewayProxyEventV2, error: unknown): APIGatewayProxyStructuredResultV2 {
  const contended = error instanceof MoveContendedError;
  if (!contended) logger.error('Escalation could not be recorded', { requestId: event.requestContext?.requestId, error });
  const message = contended
    ? 'Saken ble endret i samme øyeblikk. Prøv igjen.'
    : 'Vi kunne ikke registrere at du ba om eskalering, på grunn av en feil hos oss. Prøv igjen om litt.';
  return fromReceipt(event) ? statusProblemPage(pages, contended ? 409 : 500, message) : errorResponse(contended ? 409 : 500, message);
}

function cookieValue(cookies: readonly string[] | undefined, name: string): string | undefined {
  for (const cookie of cookies ?? []) {
    const [key, ...value] = cookie.split('=');
    if (key?.trim() === name) return value.join('=').trim();
  }
  return undefined;
}
