import { z } from 'zod';

/** Environment variables each handler reads once, at cold start. Both wirings (CDK and infra/local) set them. */
const tableName = z.string().min(1);
const catalogDir = z.string().min(1);
const siteUrl = z.url({ error: 'må være en full adresse, for eksempel https://portal.example.no' }).transform((url) => url.replace(/\/+$/, ''));

export const submitEnvSchema = z.object({
  TABLE_NAME: tableName,
  CATALOG_DIR: catalogDir,
  REFERENCE_PREFIX: z.string().regex(/^[A-Z]{2,8}$/, { error: 'må være 2–8 store bokstaver, for eksempel HDO' }).default('HDO'),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(548),
  /** Reports one client (by source address) may send per minute; generous, since a region can share one address. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  /** How long a retry with the same Idempotency-Key gets the first answer back. */
  IDEMPOTENCY_HOURS: z.coerce.number().int().min(1).max(168).default(24),
});

export const routeEnvSchema = z.object({
  TABLE_NAME: tableName,
  CATALOG_DIR: catalogDir,
  MAIL_FROM: z.email({ error: 'må være en e-postadresse' }),
  /** The SES configuration set that suppresses bounces and complaints; absent locally. */
  MAIL_CONFIGURATION_SET: z.string().min(1).optional(),
  SITE_URL: siteUrl,
});

export const sweepEnvSchema = routeEnvSchema.extend({
  /** Reports pending longer than this are routed by the sweeper; the stream normally routes them within seconds. */
  SWEEP_MIN_AGE_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
});

export const statusEnvSchema = z.object({
  TABLE_NAME: tableName,
  CATALOG_DIR: catalogDir,
});

export function readEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Ugyldig konfigurasjon i miljøvariablene:\n${lines.join('\n')}`);
}
