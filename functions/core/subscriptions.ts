import type { MailCaps, Mailer } from './ports.ts';
import { isServiceId, SERVICE_IDS, type ServiceId } from './service-ids.ts';
import {
  confirmationToken,
  subscriberIdOf,
  verifyConfirmationToken,
  verifyUnsubscribeToken,
  type SubscriptionChoice,
  type SubscriptionRequest,
} from './subscription-tokens.ts';
import { renderConfirmationEmail } from './subscription-email.ts';

/**
 * Subscribing to notices by e-mail without an account, double opt-in: asking sends a signed link to the address and
 * stores nothing; only the owner of the address, confirming with the link's button, stores the subscription (the
 * address, its choice and the time of consent). Unsubscribing with the token in every notice e-mail deletes it,
 * and every follow of the address, at once. No answer says whether an address is subscribed already.
 */

/** The stored subscription's layout: versioned, since it outlives the code that wrote it. */
export const SUBSCRIPTION_FORMAT = 'serviceportal.subscription.v1';

export interface StoredSubscription {
  format: typeof SUBSCRIPTION_FORMAT;
  subscriberId: string;
  address: string;
  /** `*` for every service. */
  services: '*' | ServiceId[];
  /** When the owner of the address confirmed: the consent, kept as long as the subscription. */
  consentedAt: string;
}

/** A follower of one notice: the address and when it said «Vi er også rammet», nothing else. */
export interface NoticeFollower {
  noticeId: string;
  subscriberId: string;
  address: string;
  at: string;
}

/** Where subscriptions and follows are kept (adapters/dynamodb-subscriptions.ts). */
export interface SubscriptionStore {
  /** Stores the subscription, replacing the address's earlier choice. */
  put(subscription: StoredSubscription): Promise<void>;
  get(subscriberId: string): Promise<StoredSubscription | undefined>;
  /** Deletes the address's subscription and every follow; nothing to delete is no error. */
  remove(subscriberId: string): Promise<void>;
  /** Every confirmed subscription. */
  list(): Promise<StoredSubscription[]>;
  /** Records that the address follows one notice (its announcements reach it without a subscription). */
  addFollower(noticeId: string, address: string, at: Date): Promise<void>;
  followers(noticeId: string): Promise<NoticeFollower[]>;
  isFollower(noticeId: string, subscriberId: string): Promise<boolean>;
}

export interface SubscriptionLimits {
  /** Confirmation e-mails to one address per day: beyond it, the request is answered alike and nothing is sent. */
  confirmationsPerAddressPerDay: number;
}

/** What the form sends: an address, and «Alle tjenester» or some services. */
export interface SubscriptionInput {
  address: string;
  choice: SubscriptionChoice;
}

export interface FieldProblem {
  path: 'email' | 'services';
  message: string;
}

const ADDRESS = /^[\x21-\x3f\x41-\x7e]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const MAX_ADDRESS = 254;

/**
 * The form's answer as a request, or what to correct. `scope` is `all` or `chosen`; `services` the chosen ids. The
 * address must be plain ASCII: it goes in a mail header as it is (adapters/mime-message.ts).
 */
export function readSubscriptionInput(fields: {
  email?: unknown;
  scope?: unknown;
  services?: unknown;
}): { ok: true; input: SubscriptionInput } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const address = typeof fields.email === 'string' ? fields.email.trim() : '';
  if (address === '') problems.push({ path: 'email', message: 'Skriv e-postadressen meldingene skal sendes til.' });
  else if (address.length > MAX_ADDRESS || !ADDRESS.test(address))
    problems.push({ path: 'email', message: 'Skriv en hel e-postadresse, for eksempel navn@helse.no.' });

  const services = (Array.isArray(fields.services) ? fields.services : fields.services === undefined ? [] : [fields.services]).filter(
    (id): id is string => typeof id === 'string',
  );
  const all = fields.scope === 'all' || (fields.scope === undefined && services.length === 0);
  const chosen = [...new Set(services)].filter(isServiceId);
  if (!all && chosen.length === 0) problems.push({ path: 'services', message: 'Velg minst én tjeneste, eller «Alle tjenester».' });
  if (!all && chosen.length !== new Set(services).size)
    problems.push({ path: 'services', message: 'En av tjenestene finnes ikke. Last siden på nytt og velg igjen.' });
  if (problems.length > 0) return { ok: false, problems };
  // In the catalog's order, so the same choice always makes the same link.
  const ordered = SERVICE_IDS.filter((id) => chosen.includes(id));
  return { ok: true, input: { address, choice: all ? { all: true } : { all: false, services: ordered } } };
}

export interface AskDependencies {
  key: string;
  siteUrl: string;
  /** The path of the confirmation route, with the token appended as `?kode=`. */
  confirmPath: string;
  mailer: Mailer;
  caps: MailCaps;
  limits: SubscriptionLimits;
  serviceNames: Readonly<Record<ServiceId, string>>;
  now: () => Date;
}

/**
 * Sends the confirmation link, unless the address has had its day's share of them. The answer is the same either
 * way, so asking tells nobody anything about an address. Stores nothing but the cap's counter (a keyed hash).
 */
export async function askForSubscription(input: SubscriptionInput, deps: AskDependencies): Promise<{ sent: boolean }> {
  const now = deps.now();
  // The receipt's per-address cap, under a subject of its own: the same counters and the same TTL, a separate count.
  if (!(await deps.caps.take('receipt-address', `subscription\u0000${input.address.toLowerCase()}`, deps.limits.confirmationsPerAddressPerDay, now)))
    return { sent: false };
  const request: SubscriptionRequest = { address: input.address, choice: input.choice, issuedAt: now };
  const link = `${deps.siteUrl}${deps.confirmPath}?${new URLSearchParams({ kode: confirmationToken(deps.key, request) })}`;
  await deps.mailer.send(renderConfirmationEmail({ to: input.address, choice: input.choice, link, issuedAt: now, serviceNames: deps.serviceNames }));
  return { sent: true };
}

export type ConfirmOutcome =
  | { status: 'confirmed'; subscription: StoredSubscription }
  | { status: 'refused'; reason: 'malformed' | 'bad-signature' | 'expired' };

/** What the confirmation page shows before the button is pressed: the link's request, or why it cannot be used. Reads nothing. */
export function checkConfirmation(key: string, token: string, now: Date) {
  return verifyConfirmationToken(key, token, now);
}

/** The button on the confirmation page: stores the subscription (replacing an earlier choice). Pressing it twice stores the same again. */
export async function confirmSubscription(token: string, deps: { key: string; store: SubscriptionStore; now: () => Date }): Promise<ConfirmOutcome> {
  const now = deps.now();
  const check = verifyConfirmationToken(deps.key, token, now);
  if (!check.ok) return { status: 'refused', reason: check.reason };
  const { address, choice } = check.value;
  const subscription: StoredSubscription = {
    format: SUBSCRIPTION_FORMAT,
    subscriberId: subscriberIdOf(address),
    address,
    services: choice.all ? '*' : [...choice.services],
    consentedAt: now.toISOString(),
  };
  await deps.store.put(subscription);
  return { status: 'confirmed', subscription };
}

/** One-click unsubscribe: deletes the subscription and every follow. Idempotent: an address already gone is fine. */
export async function unsubscribe(
  token: string,
  deps: { key: string; store: SubscriptionStore },
): Promise<{ status: 'removed' } | { status: 'refused'; reason: 'malformed' | 'bad-signature' | 'expired' }> {
  const check = verifyUnsubscribeToken(deps.key, token);
  if (!check.ok) return { status: 'refused', reason: check.reason };
  await deps.store.remove(check.value.subscriberId);
  return { status: 'removed' };
}

/** Whether a subscription's choice covers a notice about `services`. */
export function subscriptionCovers(subscription: Pick<StoredSubscription, 'services'>, services: readonly string[]): boolean {
  return subscription.services === '*' || subscription.services.some((id) => services.includes(id));
}

/** The choice in words: «alle tjenester» or the services' names, as the e-mails and pages say it. */
export function choiceInWords(choice: SubscriptionChoice, names: Readonly<Record<ServiceId, string>>): string {
  return choice.all ? 'Alle tjenester' : choice.services.map((id) => names[id] ?? id).join(', ');
}
