import { z } from 'zod';
import { routeEnvSchema, submitEnvSchema } from '../../functions/adapters/config.ts';
import { isJsonObject } from '../../functions/vocabulary/json-guards.ts';

/** The key in cdk.json's `context` (or `cdk synth -c`) that holds the settings of every environment. */
export const CONFIG_CONTEXT_KEY = 'serviceportal';
/** The context key that picks the environment: `cdk deploy -c environment=prod`. */
export const ENVIRONMENT_CONTEXT_KEY = 'environment';
export const DEFAULT_ENVIRONMENT = 'test';

const hostname = z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
  error: 'må være et domenenavn med små bokstaver, for eksempel hdo.no',
});

/**
 * The limits are the handlers' own (functions/adapters/config.ts), so synth rejects a value the functions
 * would only reject at cold start, after deployment.
 */
const environmentSchema = z
  .strictObject({
    mailFrom: routeEnvSchema.shape.MAIL_FROM,
    /** The SES domain identity; defaults to the domain of mailFrom. */
    mailDomain: hostname.optional(),
    alarmEmail: z.email({ error: (issue) => (issue.input === undefined ? 'mangler' : 'må være en e-postadresse') }),
    referencePrefix: submitEnvSchema.shape.REFERENCE_PREFIX,
    retentionDays: submitEnvSchema.shape.RETENTION_DAYS,
    /** Keeps the table and buckets when the stack is deleted, and turns on deletion protection. */
    production: z.boolean().default(false),
    /**
     * The desk's webhook for case events (an https address): an EventBridge API destination sends every case event
     * there. Absent by default: the events stay on the bus (and its archive) for rules the desk adds.
     */
    caseEventsWebhookUrl: z.url({ protocol: /^https$/, error: 'må være en https-adresse, for eksempel https://saker.hdo.example/serviceportal' }).optional(),
    customDomain: z
      .strictObject({
        domainName: hostname,
        // CloudFront only accepts certificates from us-east-1.
        certificateArn: z.string().regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/, {
          error: 'må være ARN-en til et ACM-sertifikat i us-east-1 (CloudFront krever den regionen)',
        }),
      })
      .optional(),
  })
  .transform((settings) => ({ ...settings, mailDomain: settings.mailDomain ?? domainOf(settings.mailFrom) }))
  .refine((settings) => sendsFrom(settings.mailFrom, settings.mailDomain), {
    error: 'avsenderadressen må høre til mailDomain (eller et underdomene av det)',
    path: ['mailFrom'],
  });

export type PortalConfig = z.output<typeof environmentSchema>;

export function readPortalConfig(raw: unknown, environment: string = DEFAULT_ENVIRONMENT): PortalConfig {
  const environments = fromCommandLine(raw);
  const where = `${CONFIG_CONTEXT_KEY}.${environment}`;
  if (!isJsonObject(environments) || !isJsonObject(environments[environment])) {
    const known = isJsonObject(environments) ? Object.keys(environments).join(', ') : 'ingen';
    throw new Error(`Ugyldig konfigurasjon i cdk.json: fant ikke miljøet «${where}» (miljøer: ${known}). Velg med -c ${ENVIRONMENT_CONTEXT_KEY}=<navn>.`);
  }
  const result = environmentSchema.safeParse(environments[environment], { error: norwegianMessage });
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${[where, ...issue.path].join('.')}: ${issue.message}`);
  throw new Error(`Ugyldig konfigurasjon i cdk.json (context «${where}»):\n${lines.join('\n')}`);
}

/** `cdk synth -c serviceportal='{"test":{…}}'` passes the object as a JSON string. */
function fromCommandLine(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** A verified SES domain also verifies its subdomains. */
function sendsFrom(address: string, domain: string): boolean {
  const from = domainOf(address);
  return from === domain || from.endsWith(`.${domain}`);
}

const TYPE_NAMES: Record<string, string> = {
  object: 'et objekt',
  number: 'et tall',
  int: 'et heltall',
  string: 'en tekst',
  boolean: 'true eller false',
};

/** Messages for the checks that have no message of their own; zod's Norwegian locale reads awkwardly. */
function norwegianMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'too_small':
      return `må være minst ${String(issue.minimum)}`;
    case 'too_big':
      return `må være høyst ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `ukjent innstilling: ${issue.keys.join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? 'mangler' : `må være ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    default:
      return undefined;
  }
}
