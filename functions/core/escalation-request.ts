import { osloClock, type OpeningHours, type Period, type Weekday } from './opening-hours.ts';
import type { EscalationRule, PriorityPolicy, Priority } from './priority.ts';
import type { CaseState } from './report-life.ts';

/**
 * «Be om eskalering»: when the reporter may ask the desk to escalate a report, by its priority's rule in
 * content/priority.yaml (`escalation.after`), counted from when the report was received, in opening hours when the
 * rule says so. Pure and without dependencies: the status page's script runs it in the browser to show the button,
 * and the API decides with it (core/desk-moves.ts askForEscalation), each with its own `now`.
 */

/** What the rule needs to know of a report: a stored report and the status view both have it. */
export interface EscalationSubject {
  priority: Priority;
  receivedAt: string;
  life: { state: CaseState; events: readonly { kind: string; at: string }[] };
}

export type EscalationCheck =
  | { allowed: true }
  /** Not yet: the promised time has not passed. `from` is when it does. */
  | { allowed: false; reason: 'tooEarly'; from: Date }
  /** Asked already, at `at`: once per report is enough. */
  | { allowed: false; reason: 'alreadyAsked'; at: string }
  /** The case is solved or closed. */
  | { allowed: false; reason: 'ended'; state: CaseState }
  /** content/priority.yaml has no escalation rules: the portal offers none. */
  | { allowed: false; reason: 'notOffered' };

/**
 * States in which the reporter may no longer ask: the same list as ESCALATION_ENDED in core/report-life.ts (a test
 * holds them equal), written here so the browser's bundle does not carry that module's validators.
 */
const ENDED: readonly CaseState[] = ['solved', 'closed'];

/** The id of a reporter's request to escalate: one per report, so a second request is a duplicate. */
export const escalationEventId = (reference: string) => `escalation:${reference}`;

export function mayAskForEscalation(
  report: EscalationSubject,
  policy: Pick<PriorityPolicy, 'escalation'>,
  hours: OpeningHours | undefined,
  now: Date,
): EscalationCheck {
  const asked = report.life.events.find((event) => event.kind === 'escalationRequested');
  if (asked) return { allowed: false, reason: 'alreadyAsked', at: asked.at };
  if (ENDED.includes(report.life.state)) return { allowed: false, reason: 'ended', state: report.life.state };
  const rule = policy.escalation?.after[report.priority];
  if (!rule) return { allowed: false, reason: 'notOffered' };
  const from = escalationAllowedFrom(rule, hours, new Date(report.receivedAt));
  return now.getTime() < from.getTime() ? { allowed: false, reason: 'tooEarly', from } : { allowed: true };
}

/** When a report received at `receivedAt` may be escalated under `rule`. */
export function escalationAllowedFrom(rule: EscalationRule, hours: OpeningHours | undefined, receivedAt: Date): Date {
  return rule.openingHours ? addOpeningHours(hours, receivedAt, rule.hours) : new Date(receivedAt.getTime() + rule.hours * HOUR);
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Far enough for any rule (at most 720 hours) over a year of mostly closed days; past it, the clock hours count. */
const MAX_DAYS = 400;
const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * `start` plus `amount` hours that the channel is open, in Norwegian time: a report received on Friday at 15:00 with
 * four hours to go is due on Monday at 11:00 under hours of 08–16 on weekdays. Exceptions (a holiday, a short day)
 * count as their own periods. Without hours, or always open, it is the clock.
 */
export function addOpeningHours(hours: OpeningHours | undefined, start: Date, amount: number): Date {
  if (!hours || hours.alwaysOpen) return new Date(start.getTime() + amount * HOUR);
  let remaining = Math.round(amount * 60) * MINUTE;
  if (remaining <= 0) return start;
  let date = osloClock(start).date;
  for (let day = 0; day < MAX_DAYS; day++, date = nextDate(date)) {
    for (const period of periodsOn(hours, date)) {
      const opens = Math.max(osloInstant(date, period.from), start.getTime());
      const closes = osloInstant(date, period.to);
      if (closes <= opens) continue;
      if (closes - opens >= remaining) return new Date(opens + remaining);
      remaining -= closes - opens;
    }
  }
  return new Date(start.getTime() + amount * HOUR);
}

/** The periods the channel is open on a date in Norway, earliest first. */
function periodsOn(hours: OpeningHours, date: string): Period[] {
  const exception = hours.exceptions.find((candidate) => candidate.date === date);
  const weekday = WEEKDAY_BY_UTC_DAY[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? 'mon';
  const periods = exception ? exception.periods : hours.periods.filter((period) => period.days.includes(weekday));
  return [...periods].sort((a, b) => a.from.localeCompare(b.from));
}

function nextDate(date: string): string {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The moment the clocks in Norway show `time` on `date` (summer time or not). */
function osloInstant(date: string, time: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall - offsetAt(wall);
  const corrected = wall - offsetAt(instant);
  if (corrected !== instant) instant = corrected;
  return instant;
}

/** How far Norwegian wall-clock time is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number): number {
  const { date, time } = osloClock(new Date(instant));
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return Date.UTC(year, month - 1, day, hour, minute) - Math.floor(instant / MINUTE) * MINUTE;
}
