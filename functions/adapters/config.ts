import { z } from 'zod';

/** Environment variables each handler reads once, at cold start. Both wirings (CDK and infra/local) set them. */
const tableName = z.string().min(1);
const catalogDir = z.string().min(1);

export const submitEnvSchema = z.object({
  TABLE_NAME: tableName,
  CATALOG_DIR: catalogDir,
  REFERENCE_PREFIX: z.string().regex(/^[A-Z]{2,8}$/, { error: 'må være 2–8 store bokstaver, for eksempel HDO' }).default('HDO'),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(548),
});

export const routeEnvSchema = z.object({
  TABLE_NAME: tableName,
  CATALOG_DIR: catalogDir,
  MAIL_FROM: z.email({ error: 'må være en e-postadresse' }),
});

export function readEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Ugyldig konfigurasjon i miljøvariablene:\n${lines.join('\n')}`);
}
