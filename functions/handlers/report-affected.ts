import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { handlerClock } from '../adapters/clock.ts';
import { affectedEnvSchema, readEnv } from '../adapters/config.ts';
import { createDynamoAffectedSites } from '../adapters/dynamodb-affected-sites.ts';
import { createDynamoRateLimiter } from '../adapters/dynamodb-rate-limiter.ts';
import { logger } from '../adapters/log.ts';
import { loadPageTemplates } from '../adapters/page-templates.ts';
import { createDynamoSubscriptionStore } from '../adapters/dynamodb-subscriptions.ts';
import { createDirectoryNoticesSource, createS3NoticesSource } from '../adapters/notices-object.ts';
import { createPublishedNotices } from '../adapters/published-notices.ts';
import { createSesClient } from '../adapters/route-dependencies.ts';
import { createSesMailer } from '../adapters/ses-mailer.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { recordAffected, type AffectedDependencies, type AffectedOutcome } from '../core/affected-sites.ts';
import { journeysOf } from '../core/build-journey.ts';
import { AFFECTED_DONE_PATH, NOTICES_DOCUMENT_KEY } from '../core/notice-paths.ts';
import { deskPhone } from '../core/phone-ladder.ts';
import { clientAddress } from '../http/client-address.ts';
import { isCrossSitePost, siteOriginsOf } from '../http/cross-site.ts';
import { problemsInWords, problemsPage, tryAgainPage } from '../http/form-pages.ts';
import type { AffectedAnswer } from '../http/contract/affected.ts';
import type { ApiErrors } from '../http/contract/errors.ts';
import { cameThroughEdge } from '../http/origin-verify.ts';
import { readBody, type BodyKind } from '../http/request-body.ts';
import { errorResponse, jsonResponse, redirectResponse } from '../http/responses.ts';
import { isJsonObject } from '../vocabulary/json-guards.ts';

/**
 * POST /api/notices/affected — «Vi er også rammet»: a control room hit by a known notice adds itself to the
 * notice's count instead of sending a full report (core/affected-sites.ts). JSON from the page's script; a form
 * post without JavaScript is answered with a page.
 */

const env = readEnv(affectedEnvSchema);
const now = handlerClock(env.CLOCK_FIXED_AT);
const dynamodb = new DynamoDBClient({});
const catalog = loadCatalog(env.CATALOG_DIR);
const deskTeam = catalog.teams[catalog.routing.desk]!;
const noticesSource = env.SITE_BUCKET_DIR ? createDirectoryNoticesSource(env.SITE_BUCKET_DIR) : createS3NoticesSource(process.env.AWS_REGION ?? 'eu-north-1');
const deps: AffectedDependencies = {
  notices: createPublishedNotices(noticesSource, env.SITE_BUCKET_NAME ?? '', NOTICES_DOCUMENT_KEY),
  sites: createDynamoAffectedSites(dynamodb, env.TABLE_NAME, env.RETENTION_DAYS),
  // The reporter follows the notice: its announcements reach them without a subscription (core/notice-announcements.ts).
  followers: createDynamoSubscriptionStore(dynamodb, env.TABLE_NAME),
  mailer: createSesMailer(createSesClient(), { from: env.MAIL_FROM, deskConfigurationSet: env.MAIL_CONFIGURATION_SET }),
  journeys: journeysOf(catalog),
  desk: {
    address: deskTeam.address,
    name: deskTeam.name,
    serviceNames: Object.fromEntries(Object.values(catalog.services).map((service) => [service.id, service.name])),
    siteUrl: env.SITE_URL,
  },
  now,
};
const limiter = createDynamoRateLimiter(dynamodb, env.TABLE_NAME, env.RATE_LIMIT_PER_MINUTE);
const { templates: pages, missing: missingPages } = loadPageTemplates(env.PAGES_DIR);
if (missingPages.length > 0) logger.warn('Pages for browsers without JavaScript are missing; plain pages stand in', { missing: missingPages });
const urgentNumber = deskPhone(catalog.contact).number;

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  if (!cameThroughEdge(event, env.ORIGIN_VERIFY_SECRET)) return errorResponse(403, 'Forespørselen kom ikke gjennom portalen.');
  if (isCrossSitePost(event, siteOriginsOf(event, env.SITE_URL))) return errorResponse(403, 'Dette kan bare sendes fra Serviceportalen.');
  const body = readBody(event);
  if (!body.ok) return errorResponse(body.status, body.message);
  const failure = (status: number, message: string, headers: Record<string, string> = {}) =>
    body.kind === 'form' ? tryAgainPage(pages, status, message, headers) : errorResponse(status, `${message} Haster det, ring ${urgentNumber}.`, headers);
  try {
    if (!(await limiter.allow(clientAddress(event), now()))) {
      return failure(429, 'For mange meldinger på kort tid fra samme sted. Vent et minutt og prøv igjen.', { 'retry-after': '60' });
    }
    const fields = isJsonObject(body.data) ? body.data : {};
    const outcome = await recordAffected(fields, deps);
    return answer(outcome, body.kind);
  } catch (error) {
    logger.error('Affected site could not be counted', { requestId: event.requestContext?.requestId, error });
    return failure(503, 'Vi fikk ikke registrert dere akkurat nå. Prøv igjen om litt, eller send en vanlig melding.');
  }
}

function answer(outcome: AffectedOutcome, kind: BodyKind): APIGatewayProxyStructuredResultV2 {
  switch (outcome.status) {
    case 'invalid':
      return kind === 'form'
        ? problemsPage(pages, problemsInWords(outcome.errors, Object.values(deps.journeys)[0]))
        : jsonResponse(400, { errors: outcome.errors } satisfies ApiErrors);
    case 'not-a-fault': {
      const message = 'Driftsmeldingen gjelder ikke en feil (den er planlagt arbeid eller til informasjon). Merker dere en feil, meld den som vanlig.';
      return kind === 'form' ? tryAgainPage(pages, 409, message) : errorResponse(409, message);
    }
    case 'unknown-notice':
    case 'over': {
      const message = 'Driftsmeldingen finnes ikke, eller den er over. Meld feilen som vanlig, så ser Servicedesk på den.';
      return kind === 'form'
        ? tryAgainPage(pages, outcome.status === 'over' ? 410 : 404, message)
        : errorResponse(outcome.status === 'over' ? 410 : 404, message);
    }
    case 'counted':
      if (outcome.added) logger.info('Site counted against a notice', { notice: outcome.notice.id, count: outcome.count });
      return kind === 'form'
        ? redirectResponse(`${AFFECTED_DONE_PATH}?${new URLSearchParams({ melding: outcome.notice.id })}`)
        : jsonResponse(200, {
            notice: { id: outcome.notice.id, title: outcome.notice.title },
            count: outcome.count,
            added: outcome.added,
          } satisfies AffectedAnswer);
  }
}
