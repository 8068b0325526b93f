/**
 * Opening hours in Norwegian time, as content/contact.yaml gives them, and whether a channel is open at a moment.
 * No dependencies: the contact page's and the wizard's scripts run this in the browser.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Period {
  from: string;
  to: string;
}

export interface OpeningHours {
  alwaysOpen: boolean;
  periods: (Period & { days: Weekday[] })[];
  exceptions: { date: string; note: string; periods: Period[] }[];
  description: string;
}

const WEEKDAY_OF: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

/**
 * Made on first use, not when the module loads: a process's first Intl formatter costs about 20 ms (ICU starting up),
 * and a handler whose channels are all open around the clock never asks the time in Oslo.
 */
let oslo: Intl.DateTimeFormat | undefined;
const osloFormat = () =>
  (oslo ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }));

/** The wall-clock date, weekday and time in Norway at `now`, whatever the time zone of the machine. */
export function osloClock(now: Date): { date: string; weekday: Weekday; time: string } {
  const parts = Object.fromEntries(
    osloFormat()
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const weekday = WEEKDAY_OF[parts.weekday ?? ''] ?? 'mon';
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, time: `${parts.hour}:${parts.minute}` };
}

export function isOpen(hours: OpeningHours, now: Date): boolean {
  if (hours.alwaysOpen) return true;
  const { date, weekday, time } = osloClock(now);
  const within = (period: Period) => period.from <= time && time < period.to;
  const exception = hours.exceptions.find((candidate) => candidate.date === date);
  if (exception) return exception.periods.some(within);
  return hours.periods.some((period) => period.days.includes(weekday) && within(period));
}
