import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The secret in a reporter's status link: 256 random bits, URL-safe. Only its hash is stored. */
export function newStatusToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashStatusToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

export function statusTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashStatusToken(token));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
