import { isString, objectOf, oneOf, optional } from '../vocabulary/json-guards.ts';
import { REFERENCE_PATTERN } from './reference.ts';
import { decodePayload, encodePayload, openToken, signToken } from './signed-token.ts';
import type { Actor, CaseState } from './report-life.ts';

/**
 * The action links in the desk's e-mail: «registrer», «eskaler til <team>», «venter på melder», «løst». Each is a
 * capability like a password-reset link: signed with ACTION_LINK_KEY (HMAC-SHA256), bound to one report and one
 * action (and, for escalation, one team), expiring, and single use (its nonce is consumed when it is used). Opening
 * one only shows what it will do: mail scanners open links, so only the confirmation page's POST acts
 * (handlers/action-link.ts).
 *
 * The token is `<payload>.<signature>`, both base64url; the payload is JSON. Pure: the caller passes the key, the
 * time and the nonce.
 */

/** The moves a desk's e-mail link can make: each is the state the report moves to. */
export const LINK_ACTIONS = ['registered', 'escalated', 'awaitingReporter', 'solved'] as const satisfies readonly CaseState[];
export type LinkAction = (typeof LINK_ACTIONS)[number];

/** How long a link in the desk's e-mail works. */
export const ACTION_LINK_DAYS = 14;

/** The route the links open (GET: the confirmation page) and post to (POST: the move); `lenke` carries the token. */
export const ACTION_LINK_ROUTE = '/api/reports/{reference}/handling';
export const ACTION_LINK_PARAMETER = 'lenke';
/** The confirmation form's optional short message from the desk (core/desk-moves.ts deskMessageSchema). */
export const ACTION_MESSAGE_FIELD = 'melding';

export interface ActionLink {
  reference: string;
  action: LinkAction;
  /** For `escalated`: the key of the product team in content/teams.yaml; nothing else carries one. */
  team?: string;
  /** When the link stops working. */
  expiresAt: Date;
  /** Unique per link: consumed when the link is used, and the id of the event it makes. */
  nonce: string;
  /** Whose e-mail the link is in: the desk's (the default), or a product team's; the event names that actor. */
  holder?: LinkHolder;
}

export const LINK_HOLDERS = ['desk', 'team'] as const satisfies readonly Actor[];
export type LinkHolder = (typeof LINK_HOLDERS)[number];

export type ActionLinkCheck = { ok: true; link: ActionLink } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' | 'other-report' };

const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
/** A team's key in content/teams.yaml (catalog/schema.ts identifier), bounded. */
const TEAM_PATTERN = /^[a-z][a-zA-Z0-9]{0,63}$/;
/** A token longer than this is not one of ours: refused before any work. */
const MAX_TOKEN_LENGTH = 600;

interface Payload {
  v: 1;
  r: string;
  a: LinkAction;
  t?: string;
  e: number;
  n: string;
  /** Present only for a team's link. */
  h?: 'team';
}

const PURPOSE = 'action-link';

/** The token for one link. Throws on a link that could never be verified (a programming error, not input). */
export function actionLinkToken(key: string, link: ActionLink): string {
  if (!REFERENCE_PATTERN.test(link.reference)) throw new Error(`Referansen ${link.reference} har ikke riktig form.`);
  if (!NONCE_PATTERN.test(link.nonce)) throw new Error('En lenkes engangskode må være 16–64 tegn base64url.');
  if ((link.action === 'escalated') !== (link.team !== undefined)) throw new Error('Bare en eskaleringslenke, og den alltid, har et team.');
  if (link.team !== undefined && !TEAM_PATTERN.test(link.team)) throw new Error(`Teamnøkkelen ${link.team} har ikke riktig form.`);
  const payload: Payload = {
    v: 1,
    r: link.reference,
    a: link.action,
    ...(link.team === undefined ? {} : { t: link.team }),
    e: Math.floor(link.expiresAt.getTime() / 1000),
    n: link.nonce,
    ...(link.holder === 'team' ? { h: 'team' as const } : {}),
  };
  return signToken(key, PURPOSE, encodePayload(payload));
}

/** The path of the link, relative to the site: `/api/reports/{reference}/handling?lenke=<token>`. */
export function signActionLink(key: string, link: ActionLink): string {
  return `${actionLinkPath(link.reference)}?${new URLSearchParams({ [ACTION_LINK_PARAMETER]: actionLinkToken(key, link) })}`;
}

export function actionLinkPath(reference: string): string {
  return ACTION_LINK_ROUTE.replace('{reference}', encodeURIComponent(reference));
}

/**
 * What a token allows at `now`: the link, or why not. The signature is checked (in constant time) before anything
 * in the payload is believed; `reference`, when given, is the report the link was opened for (the address's), and
 * a link for another report is refused.
 */
export function verifyActionLink(key: string, token: string, now: Date, reference?: string): ActionLinkCheck {
  const opened = openToken(key, PURPOSE, token, MAX_TOKEN_LENGTH);
  if (!opened.ok) return opened;

  const payload = parsePayload(opened.payload);
  if (!payload) return { ok: false, reason: 'malformed' };
  if (reference !== undefined && payload.r !== reference) return { ok: false, reason: 'other-report' };
  if (now.getTime() >= payload.e * 1000) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    link: {
      reference: payload.r,
      action: payload.a,
      ...(payload.t === undefined ? {} : { team: payload.t }),
      expiresAt: new Date(payload.e * 1000),
      nonce: payload.n,
      holder: payload.h ?? 'desk',
    },
  };
}

const isPayload = objectOf<Payload>({
  v: (value): value is 1 => value === 1,
  r: (value): value is string => isString(value) && REFERENCE_PATTERN.test(value),
  a: oneOf(LINK_ACTIONS),
  t: optional((value): value is string => isString(value) && TEAM_PATTERN.test(value)),
  e: (value): value is number => Number.isSafeInteger(value),
  n: (value): value is string => isString(value) && NONCE_PATTERN.test(value),
  h: optional(oneOf(['team'])),
});

function parsePayload(encoded: string): Payload | undefined {
  const value = decodePayload(encoded);
  // A team is named exactly when the action is «escalated»: to whom it went.
  return isPayload(value) && (value.a === 'escalated') === (value.t !== undefined) ? value : undefined;
}

/** Why a link cannot be used, in words for the desk: what happened, and what to do instead. */
export const LINK_REFUSALS: Record<Exclude<ActionLinkCheck, { ok: true }>['reason'] | 'used', string> = {
  malformed: 'Lenken er ufullstendig. Kopier hele lenken fra e-posten, eller gjør endringen i saksbehandlingssystemet.',
  'bad-signature': 'Lenken er ikke gyldig: den er endret etter at den ble sendt. Bruk lenken slik den står i e-posten.',
  expired: `Lenken er utløpt: lenkene i e-posten virker i ${ACTION_LINK_DAYS} dager. Gjør endringen i saksbehandlingssystemet.`,
  'other-report': 'Lenken hører til en annen melding. Bruk lenken i e-posten om denne meldingen.',
  used: 'Lenken er alt brukt: hver lenke virker én gang. Saken er flyttet som lenken sa; gjør videre endringer i saksbehandlingssystemet.',
};

/** What each action does, in the desk's words: the button and the sentence on the confirmation and result pages. */
export function actionInWords(action: LinkAction, teamName?: string): { button: string; will: string; done: string } {
  switch (action) {
    case 'registered':
      return { button: 'Registrer', will: 'Meldingen blir markert som registrert hos Servicedesk.', done: 'Meldingen er registrert.' };
    case 'escalated':
      return {
        button: `Eskaler til ${teamName ?? 'teamet'}`,
        will: `Meldingen blir markert som eskalert til ${teamName ?? 'teamet'}.`,
        done: `Meldingen er eskalert til ${teamName ?? 'teamet'}.`,
      };
    case 'awaitingReporter':
      return {
        button: 'Venter på melder',
        will: 'Meldingen blir markert som «venter på deg», og melderen får beskjed på e-post.',
        done: 'Meldingen venter nå på melderen.',
      };
    case 'solved':
      return { button: 'Løst', will: 'Meldingen blir markert som løst, og melderen får beskjed på e-post.', done: 'Meldingen er markert som løst.' };
  }
}

export interface DeskLinkRequest {
  /** The site's address (SITE_URL), which the links start with. */
  siteUrl: string;
  reference: string;
  /** The product team the report's service escalates to (its key and name in content/teams.yaml), if any. */
  escalateTo?: readonly { key: string; name: string }[];
  now: Date;
  /** A fresh random nonce per call (`() => randomBytes(16).toString('base64url')`): injected, so this stays pure. */
  nonce: () => string;
}

export interface DeskLink {
  action: LinkAction;
  team?: string;
  /** The link's text in the e-mail. */
  label: string;
  url: string;
}

/**
 * The action links for the desk's e-mail about one report, in the order the desk uses them: registrer, eskaler til
 * each team, venter på melder, løst. Each is a full address, valid for ACTION_LINK_DAYS.
 */
export function deskActionLinks(key: string, request: DeskLinkRequest): DeskLink[] {
  const expiresAt = new Date(request.now.getTime() + ACTION_LINK_DAYS * 24 * 3600 * 1000);
  const base = request.siteUrl.replace(/\/+$/, '');
  const link = (action: LinkAction, team?: { key: string; name: string }): DeskLink => ({
    action,
    ...(team ? { team: team.key } : {}),
    label: actionInWords(action, team?.name).button,
    url: `${base}${signActionLink(key, { reference: request.reference, action, ...(team ? { team: team.key } : {}), expiresAt, nonce: request.nonce() })}`,
  });
  return [link('registered'), ...(request.escalateTo ?? []).map((team) => link('escalated', team)), link('awaitingReporter'), link('solved')];
}

/** Where used links are remembered (adapters/dynamodb-used-links.ts): a link's nonce, kept until the link expires. */
export interface UsedLinks {
  /** Marks the nonce used, kept until `expiresAt`. True only for the call that did; false if it was used already. */
  consume(nonce: string, expiresAt: Date): Promise<boolean>;
}
