import type { AffectedScope, YesNo } from './fixed-questions.ts';
import { isOpen, type OpeningHours } from './opening-hours.ts';
import { oneOf } from '../vocabulary/json-guards.ts';

/**
 * The desk's priority policy (ITIL: priority = impact × urgency), as content/priority.yaml states it. Reporters
 * never pick a priority: they answer plain questions, and the policy suggests one. The desk settles it together
 * with the reporter.
 */

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const isPriority = oneOf(PRIORITIES);

export const URGENCIES = ['immediate', 'soon', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface PriorityLevel {
  name: string;
  meaning: string;
  example: string;
  /** Must be phoned in: the form sends the reporter to the phone first. */
  phone: boolean;
  /** What happens next, true at any hour. */
  response: string;
  /** Added to `response` while written reports are not being handled (outside the hours in content/contact.yaml). */
  outsideHours?: string | undefined;
}

export interface PriorityPolicy {
  /** «Foreslått prioritet». */
  label: string;
  /** That the desk settles the priority with the reporter. */
  settledTogether: string;
  /** «Hva skjer nå», before a level's response. */
  responseLabel: string;
  levels: Record<Priority, PriorityLevel>;
  /** Column headings of the matrix. */
  urgency: Record<Urgency, string>;
  /** Rows: how many are affected; columns: how urgent. */
  matrix: Record<AffectedScope, Record<Urgency, Priority>>;
  /** A written report after an urgent call, when the form did not ask about impact. */
  afterUrgentCall: Priority;
  /** Change requests, questions and orders that are not urgent. */
  otherRequests: Priority;
  /** The channel in content/contact.yaml whose hours say when written reports are handled. */
  handledBy: string;
  /** When a reporter may ask for escalation («Be om eskalering»), per level. Without it, the portal offers none. */
  escalation?: EscalationPolicy | undefined;
}

/**
 * How long after a report was received its reporter may ask for escalation: `hours` on the clock, or, with
 * `openingHours`, only the hours the channel in `handledBy` is open (the promise «innen fire timer i åpningstiden»).
 */
export interface EscalationRule {
  hours: number;
  openingHours: boolean;
}

export interface EscalationPolicy {
  /** What happens when the reporter asks, shown beside the button: who at the desk is told. */
  explanation: string;
  after: Record<Priority, EscalationRule>;
}

export interface ImpactAnswers {
  affected: AffectedScope;
  workaround: YesNo;
}

/** Faults have impact answers (unless phoned in as urgent); other request types do not. */
export interface PriorityAnswers {
  urgent: YesNo;
  impact?: ImpactAnswers | undefined;
}

function urgencyOf(answers: { urgent: YesNo; impact: ImpactAnswers }): Urgency {
  if (answers.urgent === 'yes') return 'immediate';
  return answers.impact.workaround === 'no' ? 'soon' : 'normal';
}

export function priorityOf(policy: PriorityPolicy, answers: PriorityAnswers): Priority {
  if (answers.impact) return policy.matrix[answers.impact.affected][urgencyOf({ urgent: answers.urgent, impact: answers.impact })];
  return answers.urgent === 'yes' ? policy.afterUrgentCall : policy.otherRequests;
}

/** The promise for a priority, honest about the hour: `handledNow` is whether written reports are being handled. */
export function expectedResponse(level: PriorityLevel, handledNow: boolean): string {
  return handledNow || !level.outsideHours ? level.response : `${level.response} ${level.outsideHours}`;
}

/** «P3 middels». */
export function priorityName(policy: PriorityPolicy, priority: Priority): string {
  return `${priority} ${policy.levels[priority].name.toLowerCase()}`;
}

export const mustPhone = (policy: PriorityPolicy, priority: Priority): boolean => policy.levels[priority].phone;

/** The hours written reports are handled in: those of the channel the policy names (`handledBy`). */
export function handlingHours(channels: readonly { id: string; hours: OpeningHours }[], policy: Pick<PriorityPolicy, 'handledBy'>): OpeningHours | undefined {
  return channels.find((channel) => channel.id === policy.handledBy)?.hours;
}

/** Whether written reports are being handled at `now`, which decides the words of the promise (expectedResponse). */
export function writtenReportsHandled(hours: OpeningHours | undefined, now: Date): boolean {
  return hours ? isOpen(hours, now) : true;
}
