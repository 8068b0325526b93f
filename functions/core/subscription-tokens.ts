import { createHash } from 'node:crypto';
import { decodePayload, encodePayload, openToken, signToken } from './signed-token.ts';
import { isServiceId, SERVICE_IDS, type ServiceId } from './service-ids.ts';
import { isString, objectOf } from '../vocabulary/json-guards.ts';

/**
 * The two capabilities of a notice subscription, both signed with SUBSCRIPTION_KEY (HMAC-SHA256) and pure (the
 * caller passes key and time):
 * - the confirmation link (double opt-in): it carries the address, the choices and when it was asked for, so nothing
 *   is stored before the owner of the address confirms; it expires after CONFIRMATION_HOURS.
 * - the unsubscribe token in every notice e-mail (List-Unsubscribe, RFC 8058): the subscriber's id and a keyed HMAC
 *   of it, never expiring, so an old e-mail still unsubscribes. The id is a hash of the normalised address, so the
 *   token names no address in a log line.
 */

/** How long a confirmation link works: long enough for a weekend, short enough that a stray link dies. */
export const CONFIRMATION_HOURS = 48;

/** What a subscriber gets: every notice, or the notices that name one of the chosen services. */
export type SubscriptionChoice = { all: true } | { all: false; services: readonly ServiceId[] };

export interface SubscriptionRequest {
  address: string;
  choice: SubscriptionChoice;
  issuedAt: Date;
}

export type TokenCheck<T> = { ok: true; value: T } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

/** The purposes the tokens are signed for (core/signed-token.ts): one never passes for the other. */
const CONFIRMATION = 'subscription-confirmation';
const UNSUBSCRIBE = 'unsubscribe';
/** A token longer than this is not one of ours: refused before any work. */
const MAX_TOKEN_LENGTH = 1200;
/** RFC 5321's limit on a path; the form's own check is stricter (core/subscriptions.ts). */
const MAX_ADDRESS_LENGTH = 254;

/** The address as one subscriber: case and surrounding space do not make another person. */
export const normaliseAddress = (address: string) => address.trim().toLowerCase();

/** The subscriber's id: the same for every spelling of one address, and no address in clear. */
export function subscriberIdOf(address: string): string {
  return createHash('sha256')
    .update(`subscriber\u0000${normaliseAddress(address)}`, 'utf8')
    .digest('base64url');
}

interface ConfirmationPayload {
  v: 1;
  /** The address, as the person typed it (trimmed). */
  a: string;
  /** `*` for every service, else the chosen services' ids. */
  s: '*' | ServiceId[];
  /** Issued, in epoch seconds. */
  i: number;
}

/** The confirmation link's token: `<payload>.<signature>`, both base64url, the payload JSON. */
export function confirmationToken(key: string, request: SubscriptionRequest): string {
  const payload: ConfirmationPayload = {
    v: 1,
    a: request.address.trim(),
    s: request.choice.all ? '*' : [...request.choice.services],
    i: Math.floor(request.issuedAt.getTime() / 1000),
  };
  return signToken(key, CONFIRMATION, encodePayload(payload));
}

/**
 * What a confirmation token asks for at `now`, or why it cannot be used. The signature is checked (in constant
 * time) before anything in the payload is believed.
 */
export function verifyConfirmationToken(key: string, token: string, now: Date): TokenCheck<SubscriptionRequest> {
  const opened = openToken(key, CONFIRMATION, token, MAX_TOKEN_LENGTH);
  if (!opened.ok) return opened;
  const payload = parseConfirmation(opened.payload);
  if (!payload) return { ok: false, reason: 'malformed' };
  const issuedAt = new Date(payload.i * 1000);
  if (now.getTime() >= issuedAt.getTime() + CONFIRMATION_HOURS * 3600_000) return { ok: false, reason: 'expired' };
  const choice: SubscriptionChoice = payload.s === '*' ? { all: true } : { all: false, services: payload.s };
  return { ok: true, value: { address: payload.a, choice, issuedAt } };
}

const isConfirmationPayload = objectOf<ConfirmationPayload>({
  v: (value): value is 1 => value === 1,
  a: (value): value is string => isString(value) && value.length > 0 && value.length <= MAX_ADDRESS_LENGTH,
  s: (value): value is ConfirmationPayload['s'] => value === '*' || (Array.isArray(value) && value.length > 0 && value.every(isServiceId)),
  i: (value): value is number => Number.isSafeInteger(value),
});

function parseConfirmation(encoded: string): ConfirmationPayload | undefined {
  const value = decodePayload(encoded);
  return isConfirmationPayload(value) ? value : undefined;
}

/** The unsubscribe token for an address: `<subscriberId>.<HMAC of it>`. No expiry: every e-mail's link keeps working. */
export function unsubscribeToken(key: string, address: string): string {
  return signToken(key, UNSUBSCRIBE, subscriberIdOf(address));
}

/** The subscriber an unsubscribe token names, or why it names none. */
export function verifyUnsubscribeToken(key: string, token: string): TokenCheck<{ subscriberId: string }> {
  // A payload that is no subscriber id is malformed, whatever its signature.
  if (!/^[\w-]{43}\./.test(token)) return { ok: false, reason: 'malformed' };
  const opened = openToken(key, UNSUBSCRIBE, token, MAX_TOKEN_LENGTH);
  return opened.ok ? { ok: true, value: { subscriberId: opened.payload } } : opened;
}
