import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook, WEBHOOK_TOLERANCE_SECONDS } from '../../functions/core/webhook-signature.ts';

const KEY = 'w'.repeat(32);
const NOW = new Date('2026-03-05T12:00:00Z');
const BODY = '{"id":"topdesk:evt-0001","state":"solved"}';
const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

describe('verifyWebhook: a case system’s signed call (Stripe’s scheme)', () => {
  it('accepts t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">, computed as a case system would', () => {
    const v1 = createHmac('sha256', KEY)
      .update(`${seconds(NOW)}.${BODY}`)
      .digest('hex');

    expect(signWebhook(KEY, BODY, NOW)).toBe(`t=${seconds(NOW)},v1=${v1}`);
    expect(verifyWebhook(KEY, `t=${seconds(NOW)},v1=${v1}`, Buffer.from(BODY), NOW)).toEqual({ ok: true, signedAt: NOW });
  });

  it('accepts any of several v1 signatures, so a key can be rotated, and ignores other schemes', () => {
    const good = signWebhook(KEY, BODY, NOW).split(',')[1];
    const header = `t=${seconds(NOW)},v0=abc,v1=${'0'.repeat(64)},${good}`;

    expect(verifyWebhook(KEY, header, BODY, NOW).ok).toBe(true);
  });

  it.each([
    ['a changed body', (header: string) => ({ header, body: BODY.replace('solved', 'closed') })],
    ['another key', () => ({ header: signWebhook('x'.repeat(32), BODY, NOW), body: BODY })],
    ['a changed timestamp', (header: string) => ({ header: header.replace(`t=${seconds(NOW)}`, `t=${seconds(NOW) - 1}`), body: BODY })],
  ])('refuses %s as a bad signature', (_case, change) => {
    const { header, body } = change(signWebhook(KEY, BODY, NOW));

    expect(verifyWebhook(KEY, header, body, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it(`refuses a call signed more than ${WEBHOOK_TOLERANCE_SECONDS / 60} minutes from now, either way, and accepts one at the edge`, () => {
    const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);

    expect(verifyWebhook(KEY, signWebhook(KEY, BODY, at(-WEBHOOK_TOLERANCE_SECONDS)), BODY, NOW).ok).toBe(true);
    expect(verifyWebhook(KEY, signWebhook(KEY, BODY, at(-WEBHOOK_TOLERANCE_SECONDS - 1)), BODY, NOW)).toEqual({ ok: false, reason: 'outside-window' });
    expect(verifyWebhook(KEY, signWebhook(KEY, BODY, at(WEBHOOK_TOLERANCE_SECONDS + 1)), BODY, NOW)).toEqual({ ok: false, reason: 'outside-window' });
  });

  it('refuses a recorded call replayed after the window, though its signature is genuine', () => {
    const recorded = signWebhook(KEY, BODY, NOW);

    expect(verifyWebhook(KEY, recorded, BODY, new Date(NOW.getTime() + 6 * 60_000))).toEqual({ ok: false, reason: 'outside-window' });
  });

  it.each([undefined, '', '  '])('calls a missing header (%j) missing', (header) => {
    expect(verifyWebhook(KEY, header, BODY, NOW)).toEqual({ ok: false, reason: 'missing' });
  });

  it.each([
    ['no timestamp', `v1=${'a'.repeat(64)}`],
    ['no v1', `t=${seconds(NOW)}`],
    ['two timestamps', `t=1,t=2,v1=${'a'.repeat(64)}`],
    ['a short v1', `t=${seconds(NOW)},v1=abc`],
    ['upper-case hex', `t=${seconds(NOW)},v1=${'A'.repeat(64)}`],
    ['a timestamp that is not a number', `t=nå,v1=${'a'.repeat(64)}`],
    ['a part without =', `t=${seconds(NOW)},v1`],
  ])('calls a header with %s malformed', (_case, header) => {
    expect(verifyWebhook(KEY, header, BODY, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });
});
