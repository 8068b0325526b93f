import { z } from 'zod';
import { routeEnvSchema, submitEnvSchema } from '../../functions/adapters/config.ts';

/** The key in cdk.json's `context` (or `cdk synth -c`) that holds the portal's settings. */
export const CONFIG_CONTEXT_KEY = 'serviceportal';

/**
 * The limits are the handlers' own (functions/adapters/config.ts), so synth rejects a value the functions
 * would only reject at cold start, after deployment.
 */
const portalConfigSchema = z.strictObject({
  mailFrom: routeEnvSchema.shape.MAIL_FROM.default('serviceportal@hdo.example'),
  referencePrefix: submitEnvSchema.shape.REFERENCE_PREFIX,
  retentionDays: submitEnvSchema.shape.RETENTION_DAYS,
});

export type PortalConfig = z.output<typeof portalConfigSchema>;

export function readPortalConfig(raw: unknown): PortalConfig {
  const result = portalConfigSchema.safeParse(fromCommandLine(raw) ?? {}, { error: norwegianMessage });
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${[CONFIG_CONTEXT_KEY, ...issue.path].join('.')}: ${issue.message}`);
  throw new Error(`Ugyldig konfigurasjon i cdk.json (context «${CONFIG_CONTEXT_KEY}»):\n${lines.join('\n')}`);
}

/** `cdk synth -c serviceportal='{"retentionDays":30}'` passes the object as a JSON string. */
function fromCommandLine(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

const TYPE_NAMES: Record<string, string> = { object: 'et objekt', number: 'et tall', int: 'et heltall', string: 'en tekst' };

/** Messages for the checks that have no message of their own; zod's Norwegian locale reads awkwardly. */
function norwegianMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'too_small':
      return `må være minst ${String(issue.minimum)}`;
    case 'too_big':
      return `må være høyst ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `ukjent innstilling: ${issue.keys.join(', ')} (gyldige: ${Object.keys(portalConfigSchema.shape).join(', ')})`;
    case 'invalid_type':
      return `må være ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    default:
      return undefined;
  }
}
