import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secret in a reporter's status link, derived from the report's reference with a key only the submit and
 * routing functions hold: the submit answer and the receipt e-mail can both carry it, and it is never stored.
 * Only its hash is kept, so the status function can check a link without holding the key.
 */
export function statusTokenFor(key: string, reference: string): string {
  return createHmac('sha256', key).update(`status-link\u0000${reference}`, 'utf8').digest('base64url');
}

/**
 * A pseudonym for the client address a report came from, so per-client caps can count without an address at rest.
 * Keyed, because an IPv4 address is easy to guess back from a plain hash.
 */
export function clientTagFor(key: string, address: string): string {
  return createHmac('sha256', key).update(`client\u0000${address}`, 'utf8').digest('base64url').slice(0, 22);
}

/** What a status secret looks like (base64url of 32 bytes, or a test's shorter one): anything else is not looked up. */
export const STATUS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export function hashStatusToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

export function statusTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashStatusToken(token));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
