import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The portal's signed tokens (the desk's action links, the subscription links): `<payload>.<signature>`, both
 * base64url, the signature an HMAC-SHA256 with the caller's key over `<purpose>\0<payload>`, so a token made for
 * one purpose never passes for another. Pure: the caller passes key and payload, and checks what the payload says.
 */

const BASE64URL = /^[\w-]+$/;

function signatureOf(key: string, purpose: string, payload: string): Buffer {
  return createHmac('sha256', key).update(`${purpose}\u0000${payload}`, 'utf8').digest();
}

/** `payload` (already base64url) with its signature. */
export function signToken(key: string, purpose: string, payload: string): string {
  return `${payload}.${signatureOf(key, purpose, payload).toString('base64url')}`;
}

/** A value as a token's payload: JSON, base64url. */
export const encodePayload = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** A JSON payload read back, or undefined when it is not JSON. */
export function decodePayload(payload: string): unknown {
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export type OpenedToken = { ok: true; payload: string } | { ok: false; reason: 'malformed' | 'bad-signature' };

/**
 * The payload of a token signed for `purpose` with `key`, or why not. The shape and length are checked first, then
 * the signature in constant time, before anything in the payload is believed.
 */
export function openToken(key: string, purpose: string, token: string, maxLength: number): OpenedToken {
  if (token.length > maxLength) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  const [payload, signature] = parts;
  if (parts.length !== 2 || !payload || !signature || !BASE64URL.test(payload) || !BASE64URL.test(signature)) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(signature, 'base64url');
  const expected = signatureOf(key, purpose, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  return { ok: true, payload };
}
