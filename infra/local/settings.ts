import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../repository.ts';

export const LOCAL_HOST = '127.0.0.1';

/** Ports and folders for `npm start` and `npm run dev`; every port can be moved with an environment variable. */
export function readLocalSettings(env: NodeJS.ProcessEnv = process.env) {
  const sitePort = port(env, 'PORT', 4321);
  return {
    host: LOCAL_HOST,
    sitePort,
    siteUrl: `http://localhost:${sitePort}`,
    dynamodbPort: port(env, 'DYNAMODB_PORT', 8000),
    sesPort: port(env, 'SES_PORT', 8005),
    dataDir: env.DATA_DIR ?? join(REPOSITORY_ROOT, '.data'),
    siteDir: join(REPOSITORY_ROOT, 'site', 'dist'),
  };
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name}=${raw} er ikke et gyldig portnummer (0–65535).`);
  }
  return value;
}

/**
 * Limits for tests, benchmarks and drills, which send many reports from one client (127.0.0.1) to a few reporters'
 * addresses; the limits and caps themselves have their own tests.
 */
export const GENEROUS_LIMITS = {
  RATE_LIMIT_PER_MINUTE: '100000',
  RECEIPTS_PER_ADDRESS_PER_DAY: '100000',
  RECEIPTS_PER_DOMAIN_PER_DAY: '100000',
  URGENT_COPIES_PER_CLIENT_PER_HOUR: '100000',
} as const;
