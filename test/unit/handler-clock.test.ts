import { describe, expect, it } from 'vitest';
import { handlerClock } from '../../functions/adapters/clock.ts';
import { readEnv, submitEnvSchema } from '../../functions/adapters/config.ts';

const SUBMIT_ENV = {
  TABLE_NAME: 'reports',
  CATALOG_DIR: '/var/task/content',
  PAGES_DIR: '/var/task/pages',
  ORIGIN_VERIFY_SECRET: 'o'.repeat(32),
  STATUS_TOKEN_KEY: 'k'.repeat(32),
};

describe('the handlers’ clock', () => {
  it('runs on the system clock when CLOCK_FIXED_AT is not set, as in Lambda', () => {
    // Arrange
    const env = readEnv(submitEnvSchema, SUBMIT_ENV);
    const before = Date.now();

    // Act
    const now = handlerClock(env.CLOCK_FIXED_AT)().getTime();

    // Assert: between two readings of the system clock, not a fixed instant.
    expect(env.CLOCK_FIXED_AT).toBeUndefined();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('stands still at CLOCK_FIXED_AT, a new Date each time so no caller can move it', () => {
    const env = readEnv(submitEnvSchema, { ...SUBMIT_ENV, CLOCK_FIXED_AT: '2026-11-30T11:00:30+01:00' });
    const clock = handlerClock(env.CLOCK_FIXED_AT);

    const first = clock();
    first.setFullYear(1999);

    expect(clock().toISOString()).toBe('2026-11-30T10:00:30.000Z');
  });

  it.each(['2026-11-30', '2026-11-30T10:00:30', 'i morgen'])('refuses CLOCK_FIXED_AT=%s with what it expects', (value) => {
    expect(() => readEnv(submitEnvSchema, { ...SUBMIT_ENV, CLOCK_FIXED_AT: value })).toThrow(/CLOCK_FIXED_AT.*tidspunkt med tidssone/s);
  });
});
