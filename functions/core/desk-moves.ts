import * as z from 'zod/mini';
import { verifyActionLink, type ActionLink, type ActionLinkCheck, type UsedLinks } from './action-links.ts';
import { escalationEventId, mayAskForEscalation, type EscalationCheck } from './escalation-request.ts';
import { moveReport } from './move-report.ts';
import type { OpeningHours } from './opening-hours.ts';
import type { PriorityPolicy } from './priority.ts';
import { REFERENCE_PATTERN } from './reference.ts';
import { CASE_STATES, EVENT_MESSAGE_MAX, reportEventSchema, type MoveOutcome, type ReportEvent } from './report-life.ts';
import { STATUS_TOKEN_PATTERN, statusTokenMatches } from './status-token.ts';
import { multiLineText } from './text-rules.ts';
import { verifyWebhook, type WebhookCheck } from './webhook-signature.ts';

/**
 * The two ways the desk moves a report from outside the portal, each ending in one event for core/move-report.ts:
 * a link from the desk's e-mail, used from its confirmation page (actor `desk`, or `team` for an escalation the
 * team's link makes), and a signed call from the desk's case system (actor `caseSystem`). Both idempotent: the
 * event's id is the link's nonce or the case system's own event id, so a retry changes nothing twice.
 */

export type MoveDependencies = Parameters<typeof moveReport>[2];

/** The desk's optional short message with a move (to the reporter, for «venter på deg» and «løst»): no poison. */
export const deskMessageSchema = multiLineText({ required: false, missing: 'Skriv en kort melding, eller la feltet stå tomt.', max: EVENT_MESSAGE_MAX });

/** The id of the event a link makes: its nonce, so the same link can never make two. */
export const linkEventId = (nonce: string) => `link:${nonce}`;

export type LinkUse =
  | { status: 'refused'; reason: Exclude<ActionLinkCheck, { ok: true }>['reason'] }
  | { status: 'bad-message'; link: ActionLink; message: string }
  | { status: 'used'; link: ActionLink }
  | { status: 'moved'; link: ActionLink }
  | { status: 'not-allowed'; link: ActionLink; from: (typeof CASE_STATES)[number] }
  | { status: 'gone'; link: ActionLink };

export interface LinkDependencies {
  key: string;
  usedLinks: UsedLinks;
  move: MoveDependencies;
  now: () => Date;
}

/**
 * Uses a link (the confirmation page's POST). The nonce is consumed first, so of two posts at once one acts; the
 * event's id is derived from the nonce too, so a post after a failure half-way (nonce consumed, move not made)
 * finishes the move instead of refusing, and a post after the move says the link is used.
 */
export async function useActionLink(reference: string, token: string, message: unknown, deps: LinkDependencies): Promise<LinkUse> {
  const now = deps.now();
  const check = verifyActionLink(deps.key, token, now, reference);
  if (!check.ok) return { status: 'refused', reason: check.reason };
  const { link } = check;
  const text = z.safeParse(deskMessageSchema, message ?? '');
  if (!text.success) return { status: 'bad-message', link, message: text.error.issues[0]?.message ?? 'Meldingen kan ikke sendes.' };

  const fresh = await deps.usedLinks.consume(link.nonce, link.expiresAt);
  const event: ReportEvent = {
    id: linkEventId(link.nonce),
    kind: 'state',
    state: link.action,
    at: now.toISOString(),
    actor: link.holder ?? 'desk',
    ...(link.team === undefined ? {} : { team: link.team }),
    ...(text.data ? { message: text.data } : {}),
  };
  const outcome = await moveReport(link.reference, event, deps.move);
  switch (outcome.status) {
    case 'moved':
      return { status: 'moved', link };
    case 'duplicate':
      return { status: 'used', link };
    case 'not-allowed':
      // A used link whose move was made cannot be here (that is a duplicate); a fresh one the state refuses.
      return fresh ? { status: 'not-allowed', link, from: outcome.from } : { status: 'used', link };
    case 'gone':
      return { status: 'gone', link };
  }
}

/** What a case system may send: one move of the report, its own event id, optionally when and why. */
export const caseSystemEventSchema = z.object({
  id: reportEventSchema.shape.id,
  state: z.enum(CASE_STATES.filter((state) => state !== 'received')),
  at: z.optional(reportEventSchema.shape.at),
  message: z.optional(deskMessageSchema),
  team: z.optional(z.string().check(z.regex(/^[a-z][a-zA-Z0-9]{0,63}$/))),
});

export type CaseSystemCall =
  | { status: 'unsigned'; reason: Exclude<WebhookCheck, { ok: true }>['reason'] }
  | { status: 'not-found' }
  | { status: 'invalid'; errors: { path: string; message: string }[] }
  | { status: 'unknown-team'; team: string }
  | MoveOutcome;

export interface CaseSystemDependencies {
  key: string;
  /** The team keys in content/teams.yaml: an escalation names one of them. */
  teams: ReadonlySet<string>;
  move: MoveDependencies;
  now: () => Date;
}

/**
 * One call of `POST /api/reports/{reference}/events`: the signature over time and raw body first (nothing is read
 * before it holds), then the reference, then the body; the move, idempotent by the case system's event id.
 */
export async function receiveCaseSystemEvent(
  reference: string,
  signature: string | undefined,
  rawBody: Buffer,
  deps: CaseSystemDependencies,
): Promise<CaseSystemCall> {
  const now = deps.now();
  const check = verifyWebhook(deps.key, signature, rawBody, now);
  if (!check.ok) return { status: 'unsigned', reason: check.reason };
  if (!REFERENCE_PATTERN.test(reference)) return { status: 'not-found' };

  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { status: 'invalid', errors: [{ path: '', message: 'Innholdet er ikke gyldig JSON.' }] };
  }
  const parsed = z.safeParse(caseSystemEventSchema, body);
  if (!parsed.success) {
    return {
      status: 'invalid',
      errors: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issueMessage(issue.path.join('.'), issue.message) })),
    };
  }
  const { id, state, at, message, team } = parsed.data;
  if (state === 'escalated' && team === undefined)
    return { status: 'invalid', errors: [{ path: 'team', message: 'En eskalering må si hvilket team (nøkkelen i content/teams.yaml).' }] };
  if (team !== undefined && state !== 'escalated')
    return { status: 'invalid', errors: [{ path: 'team', message: 'Bare en eskalering (state: escalated) har et team.' }] };
  if (team !== undefined && !deps.teams.has(team)) return { status: 'unknown-team', team };

  const event: ReportEvent = {
    id,
    kind: 'state',
    state,
    at: at ?? now.toISOString(),
    actor: 'caseSystem',
    ...(team === undefined ? {} : { team }),
    ...(message ? { message } : {}),
  };
  return moveReport(reference, event, deps.move);
}

/** zod/mini has no messages of its own: say what each field expects, for the case system's owner. */
function issueMessage(path: string, message: string): string {
  switch (path) {
    case 'id':
      return 'id må være 8–100 tegn: bokstaver, tall, _ . : -. Bruk saksbehandlingssystemets egen id for hendelsen.';
    case 'state':
      return `state må være en av ${CASE_STATES.filter((state) => state !== 'received').join(', ')}.`;
    case 'at':
      return 'at må være et tidspunkt i ISO 8601 med Z, for eksempel 2026-03-01T12:00:00Z.';
    case 'team':
      return 'team må være nøkkelen til et team i content/teams.yaml.';
    default:
      return message && message !== 'Invalid input' ? message : 'Ugyldig verdi.';
  }
}

export type EscalationAsk =
  /** An unknown reference, a wrong secret and an expired report alike, as for the status (core/report-status.ts). */
  { status: 'not-found' } | { status: 'refused'; check: Exclude<EscalationCheck, { allowed: true }> } | { status: 'asked'; at: string };

export interface EscalationDependencies {
  policy: Pick<PriorityPolicy, 'escalation'>;
  /** The hours written reports are handled in (priority.ts handlingHours): a rule in opening hours counts those. */
  hours: OpeningHours | undefined;
  move: MoveDependencies;
  now: () => Date;
}

/**
 * The reporter's «Be om eskalering» (`POST /api/reports/{reference}/eskalering`): the status link's secret checked
 * as for the status, the priority's rule (core/escalation-request.ts), then one `escalationRequested` event by the
 * reporter, kept in the state the case is in. Its id is one per report, so two requests at once record one.
 */
export async function askForEscalation(reference: string, token: string, deps: EscalationDependencies): Promise<EscalationAsk> {
  if (!REFERENCE_PATTERN.test(reference) || !STATUS_TOKEN_PATTERN.test(token)) return { status: 'not-found' };
  const now = deps.now();
  const report = await deps.move.store.get(reference, now);
  if (!report || !statusTokenMatches(token, report.statusTokenHash)) return { status: 'not-found' };
  const check = mayAskForEscalation(report, deps.policy, deps.hours, now);
  if (!check.allowed) return { status: 'refused', check };

  const at = now.toISOString();
  const event: ReportEvent = { id: escalationEventId(reference), kind: 'escalationRequested', state: report.life.state, at, actor: 'reporter' };
  const outcome = await moveReport(reference, event, deps.move);
  switch (outcome.status) {
    case 'moved':
      return { status: 'asked', at };
    case 'duplicate': {
      // Another request for this report got there first.
      const asked = outcome.life.events.find((known) => known.id === event.id);
      return { status: 'refused', check: { allowed: false, reason: 'alreadyAsked', at: asked?.at ?? at } };
    }
    case 'not-allowed':
      return { status: 'refused', check: { allowed: false, reason: 'ended', state: outcome.from } };
    case 'gone':
      return { status: 'not-found' };
  }
}
