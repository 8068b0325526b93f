import { describe, expect, it } from 'vitest';
import {
  CONFIRMATION_HOURS,
  confirmationToken,
  subscriberIdOf,
  unsubscribeToken,
  verifyConfirmationToken,
  verifyUnsubscribeToken,
} from '../../functions/core/subscription-tokens.ts';

const KEY = 'k'.repeat(40);
const OTHER_KEY = 'o'.repeat(40);
const ISSUED = new Date('2026-11-30T08:00:00Z');
const request = { address: 'vakt@amk.example', choice: { all: false as const, services: ['radio', 'iccs'] as const }, issuedAt: ISSUED };
const hoursLater = (hours: number) => new Date(ISSUED.getTime() + hours * 3600_000);

/** Flips one character of the payload, keeping the signature: what someone editing the link would do. */
function tamper(token: string): string {
  const [payload = '', signature = ''] = token.split('.');
  const decoded = Buffer.from(payload, 'base64url').toString('utf8').replace('vakt@', 'ondt@');
  return `${Buffer.from(decoded, 'utf8').toString('base64url')}.${signature}`;
}

describe('the confirmation link', () => {
  it('carries the address, the choice and the time it was asked for', () => {
    const check = verifyConfirmationToken(KEY, confirmationToken(KEY, request), hoursLater(1));

    expect(check).toEqual({ ok: true, value: { address: 'vakt@amk.example', choice: { all: false, services: ['radio', 'iccs'] }, issuedAt: ISSUED } });
  });

  it('carries «Alle tjenester» as every service', () => {
    const check = verifyConfirmationToken(KEY, confirmationToken(KEY, { ...request, choice: { all: true } }), hoursLater(1));

    expect(check.ok && check.value.choice).toEqual({ all: true });
  });

  it(`works until ${CONFIRMATION_HOURS} hours have passed, then is expired`, () => {
    const token = confirmationToken(KEY, request);

    expect(verifyConfirmationToken(KEY, token, hoursLater(CONFIRMATION_HOURS - 0.01)).ok).toBe(true);
    expect(verifyConfirmationToken(KEY, token, hoursLater(CONFIRMATION_HOURS))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses an edited link: the signature no longer matches', () => {
    expect(verifyConfirmationToken(KEY, tamper(confirmationToken(KEY, request)), hoursLater(1))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a link signed with another key', () => {
    expect(verifyConfirmationToken(KEY, confirmationToken(OTHER_KEY, request), hoursLater(1))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it.each(['', 'abc', 'a.b.c', `${'x'.repeat(2000)}.y`, 'bm90IGpzb24.!!'])('refuses %j as malformed', (token) => {
    expect(verifyConfirmationToken(KEY, token, hoursLater(1))).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('the unsubscribe token', () => {
  it('names the subscriber of the address, for every spelling of it, and never expires', () => {
    const token = unsubscribeToken(KEY, ' Vakt@AMK.example ');

    expect(verifyUnsubscribeToken(KEY, token)).toEqual({ ok: true, value: { subscriberId: subscriberIdOf('vakt@amk.example') } });
    expect(token).not.toContain('vakt');
  });

  it('refuses a token whose subscriber was swapped, and one signed with another key', () => {
    const [, signature] = unsubscribeToken(KEY, 'vakt@amk.example').split('.');

    expect(verifyUnsubscribeToken(KEY, `${subscriberIdOf('other@amk.example')}.${signature}`)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyUnsubscribeToken(KEY, unsubscribeToken(OTHER_KEY, 'vakt@amk.example'))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a malformed token', () => {
    expect(verifyUnsubscribeToken(KEY, 'short.sig')).toEqual({ ok: false, reason: 'malformed' });
  });
});
