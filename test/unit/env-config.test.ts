import { describe, expect, it } from 'vitest';
import { readEnv, routeEnvSchema, submitEnvSchema, sweepEnvSchema } from '../../functions/adapters/config.ts';

const SECRETS = { ORIGIN_VERIFY_SECRET: 'o'.repeat(32), STATUS_TOKEN_KEY: 'k'.repeat(32), ACTION_LINK_KEY: 'a'.repeat(32) };

const errorFrom = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected readEnv to throw');
};

describe('readEnv: the handlers’ environment at cold start', () => {
  it('fills in the defaults and trims the site address', () => {
    const env = readEnv(sweepEnvSchema, {
      TABLE_NAME: 'reports',
      CATALOG_DIR: '/var/task/content',
      MAIL_FROM: 'portal@hdo.example',
      SITE_URL: 'https://portal.hdo.example//',
      STATUS_TOKEN_KEY: SECRETS.STATUS_TOKEN_KEY,
      ACTION_LINK_KEY: SECRETS.ACTION_LINK_KEY,
    });

    expect(env).toEqual({
      TABLE_NAME: 'reports',
      CATALOG_DIR: '/var/task/content',
      MAIL_FROM: 'portal@hdo.example',
      SITE_URL: 'https://portal.hdo.example',
      STATUS_TOKEN_KEY: SECRETS.STATUS_TOKEN_KEY,
      ACTION_LINK_KEY: SECRETS.ACTION_LINK_KEY,
      SWEEP_MIN_AGE_MINUTES: 15,
      RECEIPTS_PER_ADDRESS_PER_DAY: 10,
      RECEIPTS_PER_DOMAIN_PER_DAY: 300,
      URGENT_COPIES_PER_CLIENT_PER_HOUR: 5,
    });
  });

  it('reads numbers from text', () => {
    const env = readEnv(submitEnvSchema, {
      TABLE_NAME: 'reports',
      CATALOG_DIR: '/var/task/content',
      PAGES_DIR: '/var/task/pages',
      RETENTION_DAYS: '30',
      ...SECRETS,
    });

    expect(env).toMatchObject({ REFERENCE_PREFIX: 'HDO', RETENTION_DAYS: 30, RATE_LIMIT_PER_MINUTE: 60, IDEMPOTENCY_HOURS: 24 });
  });

  it('names every wrong variable with what it expects, in Norwegian (zod/mini has no messages of its own)', () => {
    const message = errorFrom(() =>
      readEnv(submitEnvSchema, {
        CATALOG_DIR: '',
        PAGES_DIR: '/var/task/pages',
        REFERENCE_PREFIX: 'hdo',
        RETENTION_DAYS: 'mange',
        RATE_LIMIT_PER_MINUTE: '1.5',
        IDEMPOTENCY_HOURS: '169',
        ORIGIN_VERIFY_SECRET: 'kort',
      }),
    );

    expect(message).toBe(
      [
        'Ugyldig konfigurasjon i miljøvariablene:',
        '  TABLE_NAME: mangler',
        '  CATALOG_DIR: kan ikke være tom',
        '  REFERENCE_PREFIX: må være 2–8 store bokstaver, for eksempel HDO',
        '  RETENTION_DAYS: må være et tall',
        '  RATE_LIMIT_PER_MINUTE: må være et heltall',
        '  IDEMPOTENCY_HOURS: kan være høyst 168',
        '  ORIGIN_VERIFY_SECRET: må være minst 32 tegn',
        '  STATUS_TOKEN_KEY: mangler',
      ].join('\n'),
    );
  });

  it('refuses a sender that is not an e-mail address and a site that is not a full address', () => {
    const message = errorFrom(() =>
      readEnv(routeEnvSchema, { TABLE_NAME: 'reports', CATALOG_DIR: '/var/task/content', MAIL_FROM: 'servicedesk', SITE_URL: 'portal.hdo.example' }),
    );

    expect(message).toContain('MAIL_FROM: må være en e-postadresse');
    expect(message).toContain('SITE_URL: må være en full adresse, for eksempel https://portal.example.no');
  });
});
