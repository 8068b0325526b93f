import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a desk's case system signs what it sends to `POST /api/reports/{reference}/events`, the way Stripe signs its
 * webhooks: the header `x-serviceportal-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with
 * WEBHOOK_SIGNING_KEY. The timestamp is signed with the body, and a request outside the replay window is refused, so
 * a recorded request cannot be sent again later; within the window, the same event id changes nothing twice (the
 * event's id makes it idempotent). Several `v1=` are allowed, so a key can be rotated. Pure: the caller passes the
 * time.
 */

export const WEBHOOK_SIGNATURE_HEADER = 'x-serviceportal-signature';

/** How far the signed time may be from ours, either way, in seconds. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export type WebhookCheck = { ok: true; signedAt: Date } | { ok: false; reason: 'missing' | 'malformed' | 'outside-window' | 'bad-signature' };

const HEX_SHA256 = /^[0-9a-f]{64}$/;

function hmacOf(key: string, timestamp: string, body: Buffer | string): Buffer {
  return createHmac('sha256', key).update(`${timestamp}.`, 'utf8').update(body).digest();
}

/** The header value for `body` signed at `now`: what a case system computes (tests and DEPLOY.md's example do the same). */
export function signWebhook(key: string, body: Buffer | string, now: Date): string {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return `t=${timestamp},v1=${hmacOf(key, timestamp, body).toString('hex')}`;
}

/** Whether `header` signs exactly `body` with `key`, within the window around `now`. Constant-time compare. */
export function verifyWebhook(key: string, header: string | undefined, body: Buffer | string, now: Date): WebhookCheck {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing' };
  if (header.length > 1000) return { ok: false, reason: 'malformed' };
  let timestamp: string | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [name, value, ...rest] = part.trim().split('=');
    if (rest.length > 0 || value === undefined) return { ok: false, reason: 'malformed' };
    if (name === 't') {
      if (timestamp !== undefined || !/^\d{1,12}$/.test(value)) return { ok: false, reason: 'malformed' };
      timestamp = value;
    } else if (name === 'v1') {
      if (!HEX_SHA256.test(value)) return { ok: false, reason: 'malformed' };
      signatures.push(Buffer.from(value, 'hex'));
    }
    // Other schemes (v0, a later v2) are ignored, as Stripe does.
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: 'malformed' };
  const signedAt = new Date(Number(timestamp) * 1000);
  if (Math.abs(now.getTime() - signedAt.getTime()) > WEBHOOK_TOLERANCE_SECONDS * 1000) return { ok: false, reason: 'outside-window' };
  const expected = hmacOf(key, timestamp, body);
  // Every candidate is compared, so the time taken says nothing about which one matched.
  let matched = false;
  for (const signature of signatures) matched = timingSafeEqual(signature, expected) || matched;
  return matched ? { ok: true, signedAt } : { ok: false, reason: 'bad-signature' };
}

/** Why a webhook call was refused, in words the case system's owner can act on. */
export const WEBHOOK_REFUSALS: Record<Exclude<WebhookCheck, { ok: true }>['reason'], string> = {
  missing: `Mangler signatur: send ${WEBHOOK_SIGNATURE_HEADER}: t=<unix-sekunder>,v1=<hex HMAC-SHA256 av "t.body"> (se DEPLOY.md).`,
  malformed: `${WEBHOOK_SIGNATURE_HEADER} må ha formen t=<unix-sekunder>,v1=<64 hex-tegn>.`,
  'outside-window': `Signaturens tidspunkt (t) er mer enn ${WEBHOOK_TOLERANCE_SECONDS / 60} minutter fra vår klokke: signer hver forespørsel når den sendes, og sjekk klokken.`,
  'bad-signature': 'Signaturen stemmer ikke med innholdet: signer nøyaktig de bytene som sendes, med WEBHOOK_SIGNING_KEY.',
};

/** The route a case system calls, per report. */
export const CASE_EVENTS_ROUTE = '/api/reports/{reference}/events';
