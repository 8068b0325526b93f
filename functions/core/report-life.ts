import * as z from 'zod/mini';
import { oneOf } from '../vocabulary/json-guards.ts';

/**
 * A report's life at the desk, after the portal has delivered it: the states, who may move it, and the one event
 * shape every way of moving it uses (the desk's e-mail links, a case system's signed webhook, the reporter's
 * request to escalate) and every way it leaves the system (the outbox, the reporter's e-mails, the status page).
 * The words people read for each state live in content/ (the catalog); these ids never change meaning.
 *
 * zod/mini, like the rest of the Lambda code, so the bundles carry only the validators used.
 */

/** mottatt → registrert → eskalert (til team) → venter på deg → løst → lukket. */
export const CASE_STATES = ['received', 'registered', 'escalated', 'awaitingReporter', 'solved', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const isCaseState = oneOf(CASE_STATES);

/** Who moved the report: the desk, a product team, the desk's case system, the reporter, or the portal itself. */
export const ACTORS = ['desk', 'team', 'caseSystem', 'reporter', 'portal'] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * Where a report may go from each state. A reopened case (solved → registered) is the desk's to decide; `closed`
 * is final. Typed as a total record, so the compiler proves every state has its rule.
 */
export const NEXT_STATES: Readonly<Record<CaseState, readonly CaseState[]>> = {
  received: ['registered', 'escalated', 'awaitingReporter', 'solved', 'closed'],
  registered: ['escalated', 'awaitingReporter', 'solved', 'closed'],
  escalated: ['registered', 'awaitingReporter', 'solved', 'closed'],
  awaitingReporter: ['registered', 'escalated', 'solved', 'closed'],
  solved: ['registered', 'closed'],
  closed: [],
};

export function canMove(from: CaseState, to: CaseState): boolean {
  return NEXT_STATES[from].includes(to);
}

/** The longest message an event may carry: a line or two, never the report itself. */
export const EVENT_MESSAGE_MAX = 500;

/**
 * One move of a report. `id` makes it idempotent: the same event sent again (a retried webhook, a double click)
 * changes nothing. `kind` is `state` for a move to `state`, or `escalationRequested` when the reporter asks for
 * escalation (the state does not change; the escalation contact for the priority is told).
 */
export const reportEventSchema = z.object({
  id: z.string().check(z.regex(/^[\w.:-]{8,100}$/)),
  kind: z.enum(['state', 'escalationRequested']),
  state: z.enum(CASE_STATES),
  at: z.iso.datetime(),
  actor: z.enum(ACTORS),
  /** For `escalated`: the key of the product team in content/teams.yaml. */
  team: z.optional(z.string()),
  message: z.optional(z.string().check(z.maxLength(EVENT_MESSAGE_MAX))),
});
export type ReportEvent = z.infer<typeof reportEventSchema>;

/** The life as kept on the stored report: the current state and every event, oldest first. */
export const reportLifeSchema = z.object({
  state: z.enum(CASE_STATES),
  events: z.array(reportEventSchema),
});
export type ReportLife = z.infer<typeof reportLifeSchema>;

/** A new report's life: received by the portal when it was stored. */
export function newReportLife(reference: string, receivedAt: Date): ReportLife {
  return { state: 'received', events: [{ id: `${reference}:received`, kind: 'state', state: 'received', at: receivedAt.toISOString(), actor: 'portal' }] };
}

/** What moving a report came to (core/move-report.ts). */
export type MoveOutcome =
  | { status: 'moved'; life: ReportLife }
  /** An event with this id is there already: nothing changed (a retried webhook, a double click). */
  | { status: 'duplicate'; life: ReportLife }
  /** The report's state does not allow this move (a closed case, say). */
  | { status: 'not-allowed'; from: CaseState }
  | { status: 'gone' };

/** States in which the reporter may no longer ask for escalation: the case is solved or closed. */
export const ESCALATION_ENDED: readonly CaseState[] = ['solved', 'closed'];

/**
 * Whether `event` may be applied to a report in state `from`: a move to a state the rules allow, or a request to
 * escalate while the case is still open. The same rule for every way a report is moved.
 */
export function canApply(from: CaseState, event: Pick<ReportEvent, 'kind' | 'state'>): boolean {
  return event.kind === 'escalationRequested' ? !ESCALATION_ENDED.includes(from) : canMove(from, event.state);
}

/**
 * The life after `event`: appended, and the state moved when it is a move. A request to escalate is kept in the
 * state the case was in when asked (core/move-report.ts stores it so).
 */
export function withEvent(life: ReportLife, event: ReportEvent): ReportLife {
  return { state: event.kind === 'state' ? event.state : life.state, events: [...life.events, event] };
}

/**
 * The words a reporter reads for the life (content/case-states.yaml, loaded into the catalog): each state's label
 * and a one-line explanation, each actor's word, and what a request to escalate is called. Total records over
 * CASE_STATES and ACTORS, so the compiler and the content check see every one.
 */
export interface CaseWords {
  states: Record<CaseState, { label: string; explanation: string }>;
  actors: Record<Actor, string>;
  escalationRequested: string;
}
