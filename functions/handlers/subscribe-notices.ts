import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readEnv, subscribeEnvSchema } from '../adapters/config.ts';
import { createDynamoMailCaps } from '../adapters/dynamodb-mail-caps.ts';
import { createDynamoRateLimiter } from '../adapters/dynamodb-rate-limiter.ts';
import { createDynamoSubscriptionStore } from '../adapters/dynamodb-subscriptions.ts';
import { logger } from '../adapters/log.ts';
import { loadPageTemplates } from '../adapters/page-templates.ts';
import { createSesMailer } from '../adapters/ses-mailer.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { formatOsloTime } from '../core/oslo-time.ts';
import { SERVICE_IDS } from '../core/service-ids.ts';
import { CONFIRM_SUBSCRIPTION_ROUTE, SCOPE_VALUES, SUBSCRIBE_FIELDS, SUBSCRIBE_ROUTE, TOKEN_PARAMETER, UNSUBSCRIBE_ROUTE } from '../core/subscription-paths.ts';
import { CONFIRMATION_HOURS } from '../core/subscription-tokens.ts';
import {
  askForSubscription,
  checkConfirmation,
  choiceInWords,
  confirmSubscription,
  readSubscriptionInput,
  unsubscribe,
  type FieldProblem,
} from '../core/subscriptions.ts';
import { clientAddress } from '../http/client-address.ts';
import { isCrossSitePost, siteOriginsOf } from '../http/cross-site.ts';
import { cameThroughEdge } from '../http/origin-verify.ts';
import { MAX_BODY_BYTES } from '../http/request-body.ts';
import type { ApiErrors } from '../http/contract/errors.ts';
import type { SubscribeAnswer } from '../http/contract/subscriptions.ts';
import { errorResponse, jsonResponse } from '../http/responses.ts';
import { subscriptionConfirmPage, subscriptionMessagePage } from '../http/subscription-pages.ts';
import { isJsonObject } from '../vocabulary/json-guards.ts';
import { recordOf } from '../vocabulary/records.ts';

/**
 * Notice subscriptions by e-mail, without an account (core/subscriptions.ts):
 * - POST /api/notices/abonnement — the form (a form post, answered with a page; or JSON from its script): sends a
 *   confirmation link and stores nothing. The same answer whether or not the address is subscribed, or capped.
 * - GET /api/notices/abonnement/bekreft?kode=… — the link, opened: a page with «Bekreft abonnement» (mail scanners
 *   open links, so it changes nothing). POST — that button: stores the subscription.
 * - GET /api/notices/abonnement/avslutt?kode=… — a page with «Avslutt abonnementet». POST (the button, or a mail
 *   client's RFC 8058 one-click `List-Unsubscribe=One-Click`) — deletes the subscription and the address's follows.
 */

const env = readEnv(subscribeEnvSchema);
const dynamodb = new DynamoDBClient({});
const catalog = loadCatalog(env.CATALOG_DIR);
const serviceNames = recordOf(SERVICE_IDS, (id) => catalog.services[id].name);
const store = createDynamoSubscriptionStore(dynamodb, env.TABLE_NAME);
const limiter = createDynamoRateLimiter(dynamodb, env.TABLE_NAME, env.SUBSCRIBE_RATE_LIMIT_PER_MINUTE);
const now = () => new Date();
const askDeps = {
  key: env.SUBSCRIPTION_KEY,
  siteUrl: env.SITE_URL,
  confirmPath: CONFIRM_SUBSCRIPTION_ROUTE,
  mailer: createSesMailer(new SESClient({}), {
    from: env.MAIL_FROM,
    deskConfigurationSet: env.MAIL_CONFIGURATION_SET,
    receiptConfigurationSet: env.RECEIPT_CONFIGURATION_SET,
  }),
  caps: createDynamoMailCaps(dynamodb, env.TABLE_NAME, env.SUBSCRIPTION_KEY),
  limits: { confirmationsPerAddressPerDay: env.CONFIRMATIONS_PER_ADDRESS_PER_DAY },
  serviceNames,
  now,
};

const { templates: pages, missing: missingPages } = loadPageTemplates(env.PAGES_DIR);
if (missingPages.length > 0) logger.warn('Pages for browsers without JavaScript are missing; plain pages stand in', { missing: missingPages });

const SENT_MESSAGE = `Hvis adressen kan ta imot e-post, kommer det en e-post med en lenke om litt. Åpne den og trykk «Bekreft abonnement»: først da starter abonnementet. Lenken virker i ${CONFIRMATION_HOURS} timer. Kommer det ingen e-post, se i søppelposten.`;
const LINK_REFUSED = {
  malformed: 'Lenken er ufullstendig. Kopier hele lenken fra e-posten.',
  'bad-signature': 'Lenken er ikke gyldig: den er endret etter at den ble sendt. Bruk lenken slik den står i e-posten.',
  expired: `Lenken er utløpt: den virker i ${CONFIRMATION_HOURS} timer. Be om en ny lenke på abonnementssiden.`,
} as const;

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  if (!cameThroughEdge(event, env.ORIGIN_VERIFY_SECRET)) return errorResponse(403, 'Forespørselen kom ikke gjennom portalen.');
  const asJson = (event.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
  try {
    switch (event.routeKey) {
      case `POST ${SUBSCRIBE_ROUTE}`:
        return await subscribe(event, asJson);
      case `GET ${CONFIRM_SUBSCRIPTION_ROUTE}`:
        return confirmPage(event.queryStringParameters?.[TOKEN_PARAMETER] ?? '');
      case `POST ${CONFIRM_SUBSCRIPTION_ROUTE}`:
        return await confirm(event);
      case `GET ${UNSUBSCRIBE_ROUTE}`:
        return unsubscribePage(event.queryStringParameters?.[TOKEN_PARAMETER] ?? '');
      case `POST ${UNSUBSCRIBE_ROUTE}`:
        return await leave(event);
      default:
        return errorResponse(404, 'Fant ikke adressen.');
    }
  } catch (error) {
    logger.error('Subscription request failed', { requestId: event.requestContext?.requestId, route: event.routeKey, error });
    const message = 'Det gikk ikke på grunn av en feil hos oss. Prøv igjen om litt.';
    return asJson ? errorResponse(500, message) : subscriptionMessagePage(pages, 500, 'Det gikk ikke', message, 'warning');
  }
}

/** The body's fields: repeated names (the services' checkboxes) as lists, so a form and JSON read alike. */
function fieldsOf(
  event: APIGatewayProxyEventV2,
): { ok: true; json: boolean; fields: Record<string, unknown> } | { ok: false; status: number; message: string } {
  const type = (event.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) return { ok: false, status: 413, message: 'Skjemaet er for stort.' };
  if (type === 'application/json') {
    try {
      const data: unknown = JSON.parse(raw.toString('utf8'));
      if (!isJsonObject(data)) return { ok: false, status: 400, message: 'Innholdet må være et JSON-objekt.' };
      return { ok: true, json: true, fields: data };
    } catch {
      return { ok: false, status: 400, message: 'Innholdet er ikke gyldig JSON.' };
    }
  }
  // RFC 8058 lets a one-click POST come as multipart/form-data too; its body carries nothing the token does not.
  if (type === 'multipart/form-data') return { ok: true, json: false, fields: {} };
  if (type !== 'application/x-www-form-urlencoded' && type !== '')
    return { ok: false, status: 415, message: 'Skjemaet må sendes som et vanlig skjema eller som JSON.' };
  const params = new URLSearchParams(raw.toString('utf8'));
  const fields: Record<string, unknown> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    fields[name] = values.length === 1 ? values[0] : values;
  }
  return { ok: true, json: false, fields };
}

async function subscribe(event: APIGatewayProxyEventV2, asJson: boolean): Promise<APIGatewayProxyStructuredResultV2> {
  const failed = (status: number, message: string, headers: Record<string, string> = {}) =>
    asJson
      ? errorResponse(status, message, headers)
      : {
          ...subscriptionMessagePage(pages, status, 'Abonnementet er ikke bestilt', message, 'warning'),
          ...(Object.keys(headers).length ? { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers } } : {}),
        };
  if (isCrossSitePost(event, siteOriginsOf(event, env.SITE_URL))) return failed(403, 'Du kan bare abonnere fra skjemaet i Serviceportalen.');
  const body = fieldsOf(event);
  if (!body.ok) return failed(body.status, body.message);
  const f = body.fields;
  // The page's script sends JSON in the API's words; the form without JavaScript in the form's.
  const input = body.json
    ? readSubscriptionInput({ email: f.email, scope: f.scope, services: f.services })
    : readSubscriptionInput({
        email: f[SUBSCRIBE_FIELDS.email],
        scope: f[SUBSCRIBE_FIELDS.scope] === SCOPE_VALUES.chosen ? 'chosen' : f[SUBSCRIBE_FIELDS.scope] === SCOPE_VALUES.all ? 'all' : undefined,
        services: f[SUBSCRIBE_FIELDS.services],
      });
  if (!input.ok) return body.json ? jsonResponse(400, { errors: input.problems } satisfies ApiErrors) : failed(400, problemsInWords(input.problems));
  if (!(await limiter.allow(`subscribe\u0000${clientAddress(event)}`, now()))) {
    return failed(429, 'For mange forespørsler på kort tid fra samme sted. Vent et minutt og prøv igjen.', { 'retry-after': '60' });
  }
  const { sent } = await askForSubscription(input.input, askDeps);
  // Logged without the address; the answer is the same whether it was sent or capped.
  logger.info('Subscription asked', { sent, services: input.input.choice.all ? 'all' : input.input.choice.services.join(',') });
  return asJson
    ? jsonResponse(202, { status: 'sent', message: SENT_MESSAGE } satisfies SubscribeAnswer)
    : subscriptionMessagePage(pages, 202, 'Sjekk e-posten din', SENT_MESSAGE, 'success');
}

const problemsInWords = (problems: readonly FieldProblem[]) => `${problems.map((problem) => problem.message).join(' ')} Gå tilbake og rett det.`;

function tokenOf(event: APIGatewayProxyEventV2, fields: Record<string, unknown>): string {
  const fromBody = fields[TOKEN_PARAMETER];
  return event.queryStringParameters?.[TOKEN_PARAMETER] ?? (typeof fromBody === 'string' ? fromBody : '');
}

/** The confirmation link, opened: what the button will store. Reads and writes nothing. */
function confirmPage(token: string): APIGatewayProxyStructuredResultV2 {
  const check = checkConfirmation(env.SUBSCRIPTION_KEY, token, now());
  if (!check.ok) return subscriptionMessagePage(pages, check.reason === 'expired' ? 410 : 404, 'Lenken kan ikke brukes', LINK_REFUSED[check.reason], 'warning');
  const { address, choice } = check.value;
  return subscriptionConfirmPage(pages, {
    heading: 'Bekreft abonnementet',
    message: `Driftsmeldinger om ${choice.all ? 'alle tjenester' : choiceInWords(choice, serviceNames)} sendes til ${address}. Har du abonnert før, erstatter dette valget det gamle. Du kan avslutte når du vil, med lenken i hver e-post.`,
    button: 'Bekreft abonnement',
    formAction: CONFIRM_SUBSCRIPTION_ROUTE,
    token,
  });
}

async function confirm(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  if (isCrossSitePost(event, siteOriginsOf(event, env.SITE_URL)))
    return subscriptionMessagePage(pages, 403, 'Lenken kan ikke brukes', 'Abonnementet kan bare bekreftes fra siden lenken i e-posten åpner.', 'warning');
  const body = fieldsOf(event);
  if (!body.ok) return subscriptionMessagePage(pages, body.status, 'Lenken kan ikke brukes', body.message, 'warning');
  const confirmed = await confirmSubscription(tokenOf(event, body.fields), { key: env.SUBSCRIPTION_KEY, store, now });
  if (confirmed.status === 'refused')
    return subscriptionMessagePage(pages, confirmed.reason === 'expired' ? 410 : 404, 'Lenken kan ikke brukes', LINK_REFUSED[confirmed.reason], 'warning');
  logger.info('Subscription confirmed', { services: confirmed.subscription.services === '*' ? 'all' : confirmed.subscription.services.join(',') });
  const choice = confirmed.subscription.services === '*' ? { all: true as const } : { all: false as const, services: confirmed.subscription.services };
  return subscriptionMessagePage(
    pages,
    200,
    'Abonnementet er startet',
    `Du får driftsmeldinger om ${choice.all ? 'alle tjenester' : choiceInWords(choice, serviceNames)} på e-post fra nå av (bekreftet ${formatOsloTime(confirmed.subscription.consentedAt)}). Hver e-post har en lenke for å avslutte.`,
    'success',
  );
}

/** The unsubscribe link, opened: a button. Reads and writes nothing, so a mail scanner ends no subscription. */
function unsubscribePage(token: string): APIGatewayProxyStructuredResultV2 {
  return subscriptionConfirmPage(pages, {
    heading: 'Avslutt abonnementet',
    message:
      'Trykk på knappen for å slutte å få driftsmeldinger på e-post. Du slutter også å få oppdateringer om driftsmeldinger du har sagt at dere er rammet av.',
    button: 'Avslutt abonnementet',
    formAction: `${UNSUBSCRIBE_ROUTE}?${new URLSearchParams({ [TOKEN_PARAMETER]: token })}`,
    token,
  });
}

/**
 * The page's button, or a mail client's one-click POST (RFC 8058). No cross-site check: the mail provider's
 * servers post it, and the token itself is the permission, so a forged page cannot end anyone else's subscription.
 * Ending a subscription that is gone already is success too.
 */
async function leave(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const body = fieldsOf(event);
  const token = tokenOf(event, body.ok ? body.fields : {});
  const left = await unsubscribe(token, { key: env.SUBSCRIPTION_KEY, store });
  if (left.status === 'refused') return subscriptionMessagePage(pages, 404, 'Lenken kan ikke brukes', LINK_REFUSED[left.reason], 'warning');
  logger.info('Subscription ended');
  return subscriptionMessagePage(
    pages,
    200,
    'Abonnementet er avsluttet',
    'Du får ikke flere driftsmeldinger på e-post fra oss. Vil du ha dem igjen, kan du abonnere på nytt når du vil.',
    'success',
  );
}
