import * as z from 'zod/mini';

/**
 * Environment variables each handler reads once, at cold start. Both wirings (CDK and infra/local) set them.
 * zod/mini, like the rest of the Lambda code, so the bundles carry only the validators used; mini has no
 * built-in messages, so every check says in Norwegian what it expects.
 */
const requiredText = z.string({ error: 'mangler' }).check(z.minLength(1, { error: 'kan ikke være tom' }));
const tableName = requiredText;
const catalogDir = requiredText;
/** The built site's pages the API fills in for browsers without JavaScript (core/page-paths.ts, adapters/page-templates.ts). */
const pagesDir = requiredText;
const siteUrl = z.pipe(
  z.url({ error: 'må være en full adresse, for eksempel https://portal.example.no' }),
  z.transform((url) => url.replace(/\/+$/, '')),
);
/** Built once, so a schema that names it (moveEnvSchema) is a pure call a bundle without it leaves out. */
const optionalSiteUrl = z.optional(siteUrl);

/** A whole number from `min` to `max`; environment variables are text, so it is converted first. */
/**
 * A secret of at least 32 characters, set by the wiring (CloudFormation resolves it from Secrets Manager; the local
 * stack generates one per run).
 */
const secret = z.string({ error: 'mangler' }).check(z.minLength(32, { error: 'må være minst 32 tegn' }));

/** What CloudFront sends the API in the origin-verify header: requests without it did not come through the edge. */
const originVerifySecret = secret;
/** Key for the reporter's status link: the link is derived from the reference, so it is never stored (core/status-token.ts). */
const statusTokenKey = secret;
/** Key the desk's action links are signed with (core/action-links.ts): the router signs them, the move function checks them. */
const actionLinkKey = secret;
/** Key a desk's case system signs its webhook calls with (core/webhook-signature.ts); the desk holds a copy. */
const webhookSigningKey = secret;

function wholeNumber(min: number, max: number, fallback: number) {
  return z._default(
    z.pipe(
      z.coerce.number({ error: 'må være et tall' }),
      z.int({ error: 'må være et heltall' }).check(z.minimum(min, { error: `må være minst ${min}` }), z.maximum(max, { error: `kan være høyst ${max}` })),
    ),
    fallback,
  );
}

/**
 * An instant the handler's clock stands still at (adapters/clock.ts), ISO 8601 with a zone. Only the local stack
 * sets it, for a test of a window of time; absent, the system clock runs.
 */
const clockFixedAt = z.optional(
  z.pipe(
    z.iso.datetime({ offset: true, error: 'må være et tidspunkt med tidssone, for eksempel 2026-11-30T10:00:30Z' }),
    z.transform((text) => new Date(text)),
  ),
);

export const submitEnvSchema = z.object({
  TABLE_NAME: tableName,
  CATALOG_DIR: catalogDir,
  PAGES_DIR: pagesDir,
  REFERENCE_PREFIX: z._default(
    z.string({ error: 'må være en tekst' }).check(z.regex(/^[A-Z]{2,8}$/, { error: 'må være 2–8 store bokstaver, for eksempel HDO' })),
    'HDO',
  ),
  RETENTION_DAYS: wholeNumber(1, 3650, 548),
  /** Reports one client (by source address) may send per minute; generous, since a region can share one address. */
  RATE_LIMIT_PER_MINUTE: wholeNumber(1, 100_000, 60),
  /** How long a retry with the same Idempotency-Key gets the first answer back. */
  IDEMPOTENCY_HOURS: wholeNumber(1, 168, 24),
  ORIGIN_VERIFY_SECRET: originVerifySecret,
  STATUS_TOKEN_KEY: statusTokenKey,
  /** Where the site is: a form post whose Origin is another site is refused (http/cross-site.ts). */
  SITE_URL: z.optional(siteUrl),
  CLOCK_FIXED_AT: clockFixedAt,
});

/** What every function that e-mails about a report reads: the table, the catalog, the sender and the status link. */
const mailingSettings = {
  TABLE_NAME: tableName,
  CATALOG_DIR: catalogDir,
  MAIL_FROM: z.email({ error: 'må være en e-postadresse' }),
  /** SES configuration set for the desk's and teams' mail: never suppressed by a reporter's bounce; absent locally. */
  MAIL_CONFIGURATION_SET: z.optional(requiredText),
  /** SES configuration set for mail to reporters: suppresses bounces and complaints, records both; absent locally. */
  RECEIPT_CONFIGURATION_SET: z.optional(requiredText),
  SITE_URL: siteUrl,
  STATUS_TOKEN_KEY: statusTokenKey,
};

export const routeEnvSchema = z.object({
  ...mailingSettings,
  /** For the signed action links in the desk's e-mail (core/action-links.ts deskActionLinks). */
  ACTION_LINK_KEY: actionLinkKey,
  /** Receipts to one address per day, and to one domain per day: beyond them the report is routed without a receipt. */
  RECEIPTS_PER_ADDRESS_PER_DAY: wholeNumber(1, 100_000, 10),
  RECEIPTS_PER_DOMAIN_PER_DAY: wholeNumber(1, 100_000, 300),
  /** P1 copies to the incident manager, and storhendelse alerts, caused by one client per hour. */
  URGENT_COPIES_PER_CLIENT_PER_HOUR: wholeNumber(1, 100_000, 5),
});

export const sweepEnvSchema = z.extend(routeEnvSchema, {
  /** Reports pending longer than this are routed by the sweeper; the stream normally routes them within seconds. */
  SWEEP_MIN_AGE_MINUTES: wholeNumber(0, 1440, 15),
});

export const statusEnvSchema = z.object({
  TABLE_NAME: tableName,
  CATALOG_DIR: catalogDir,
  PAGES_DIR: pagesDir,
  ORIGIN_VERIFY_SECRET: originVerifySecret,
});

/** The desk moving a report: its e-mail's action links, and its case system's signed webhook (handlers/move-report.ts). */
export const moveEnvSchema = /* @__PURE__ */ z.object({
  TABLE_NAME: tableName,
  CATALOG_DIR: catalogDir,
  PAGES_DIR: pagesDir,
  ORIGIN_VERIFY_SECRET: originVerifySecret,
  ACTION_LINK_KEY: actionLinkKey,
  WEBHOOK_SIGNING_KEY: webhookSigningKey,
  /** Where the site is: a confirmation posted from another site is refused (http/cross-site.ts). */
  SITE_URL: optionalSiteUrl,
});

/**
 * Publishing a report's life (handlers/publish-case-events.ts): in AWS to the EventBridge bus the stack creates
 * (CASE_EVENTS_BUS_NAME), locally to a JSONL outbox (CASE_EVENTS_OUTBOX) and, if set, a webhook
 * (CASE_EVENTS_WEBHOOK_URL); exactly one of the bus and the outbox. It e-mails the reporter (with the status link)
 * and the escalation contact, as the router does.
 */
export const publishEnvSchema = /* @__PURE__ */ z
  .object({
    ...mailingSettings,
    CASE_EVENTS_BUS_NAME: z.optional(requiredText),
    CASE_EVENTS_OUTBOX: z.optional(requiredText),
    CASE_EVENTS_WEBHOOK_URL: z.optional(z.url({ protocol: /^https?$/, error: 'må være en full http- eller https-adresse' })),
  })
  .check(
    z.refine((env) => (env.CASE_EVENTS_BUS_NAME === undefined) !== (env.CASE_EVENTS_OUTBOX === undefined), {
      error: 'sett enten CASE_EVENTS_BUS_NAME (AWS) eller CASE_EVENTS_OUTBOX (lokalt), ikke begge og ikke ingen',
      path: ['CASE_EVENTS_BUS_NAME'],
    }),
  );

/**
 * «Vi er også rammet» (handlers/report-affected.ts): counts a site against a notice read from the site itself, and
 * e-mails the desk's queue; the reporter follows the notice's updates.
 */
export const affectedEnvSchema = /* @__PURE__ */ z
  .object({
    TABLE_NAME: tableName,
    CATALOG_DIR: catalogDir,
    PAGES_DIR: pagesDir,
    ORIGIN_VERIFY_SECRET: originVerifySecret,
    MAIL_FROM: z.email({ error: 'må være en e-postadresse' }),
    MAIL_CONFIGURATION_SET: z.optional(requiredText),
    /** Unused (its one e-mail goes to the desk), but set by the same grant (infra/aws/portal-function.ts bindMailSender). */
    RECEIPT_CONFIGURATION_SET: z.optional(requiredText),
    SITE_URL: siteUrl,
    /** Where the published notices document is read: the site's bucket in AWS, the local site directory locally. */
    SITE_BUCKET_NAME: z.optional(requiredText),
    SITE_BUCKET_DIR: z.optional(requiredText),
    RETENTION_DAYS: wholeNumber(1, 3650, 548),
    RATE_LIMIT_PER_MINUTE: wholeNumber(1, 100_000, 60),
    CLOCK_FIXED_AT: clockFixedAt,
  })
  .check(
    z.refine((env) => env.SITE_BUCKET_NAME !== undefined || env.SITE_BUCKET_DIR !== undefined, {
      error: 'sett SITE_BUCKET_NAME (AWS) eller SITE_BUCKET_DIR (lokalt; den brukes når begge er satt)',
      path: ['SITE_BUCKET_NAME'],
    }),
  );

/** Key of the notice subscriptions' links (core/subscription-tokens.ts): the confirmation link and the unsubscribe token. */
const subscriptionKey = secret;
/** Where a subscription e-mail comes from, and the SES configuration set for mail to people outside the desk. */
const subscriberMail = {
  MAIL_FROM: z.email({ error: 'må være en e-postadresse' }),
  /** Unused by these senders (all their mail goes to subscribers), but set by the same grant (infra/aws/portal-function.ts bindMailSender). */
  MAIL_CONFIGURATION_SET: z.optional(requiredText),
  RECEIPT_CONFIGURATION_SET: z.optional(requiredText),
};

/** Subscribing to notices and leaving (handlers/subscribe-notices.ts): the form, the confirmation link, one-click unsubscribe. */
export const subscribeEnvSchema = /* @__PURE__ */ z.object({
  TABLE_NAME: tableName,
  CATALOG_DIR: catalogDir,
  PAGES_DIR: pagesDir,
  ORIGIN_VERIFY_SECRET: originVerifySecret,
  SUBSCRIPTION_KEY: subscriptionKey,
  ...subscriberMail,
  /** The confirmation link in the e-mail is a full address, and a post from another site is refused. */
  SITE_URL: siteUrl,
  /** Subscription requests one client may send per minute: each sends an e-mail, so fewer than reports. */
  SUBSCRIBE_RATE_LIMIT_PER_MINUTE: wholeNumber(1, 100_000, 10),
  /** Confirmation e-mails to one address per day: enough to retry, too few to bomb anyone's inbox. */
  CONFIRMATIONS_PER_ADDRESS_PER_DAY: wholeNumber(1, 100_000, 3),
});

/**
 * Announcing a new notices document (handlers/announce-notices.ts): the queue it fills and, on this machine only,
 * the directory that stands in for the site's bucket (SITE_BUCKET_DIR; in AWS the S3 notification names the bucket).
 */
export const announceEnvSchema = /* @__PURE__ */ z.object({
  TABLE_NAME: tableName,
  NOTICE_MAIL_QUEUE_URL: z.url({ error: 'må være køens adresse' }),
  SITE_BUCKET_DIR: z.optional(requiredText),
  /** Events older than this when first published are not announced: an archive published for the first time sends nothing. */
  ANNOUNCE_MAX_AGE_HOURS: wholeNumber(1, 24 * 14, 24),
});

/** Sending the queued notice e-mails (handlers/send-notice-mail.ts), paced to its share of the SES send rate. */
export const noticeMailEnvSchema = /* @__PURE__ */ z.object({
  TABLE_NAME: tableName,
  CATALOG_DIR: catalogDir,
  ...subscriberMail,
  SITE_URL: siteUrl,
  SUBSCRIPTION_KEY: subscriptionKey,
  /** E-mails one sender may send per second: the fleet's rate divided by the queue's maximum concurrency (infra/wiring.ts). */
  NOTICE_MAILS_PER_SECOND: wholeNumber(1, 1000, 1),
});

export function readEnv<S extends z.ZodMiniObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Ugyldig konfigurasjon i miljøvariablene:\n${lines.join('\n')}`);
}
