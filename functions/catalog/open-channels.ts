import type { Channel, Contact, OpeningHours, Weekday } from './contact-schema.ts';

// A type-only import: the contact page's script runs this in the browser, and the schema module would bring zod along.
const WEEKDAY_OF: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

const OSLO = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock date, weekday and time in Norway at `now`, whatever the time zone of the machine. */
export function osloClock(now: Date): { date: string; weekday: Weekday; time: string } {
  const parts = Object.fromEntries(OSLO.formatToParts(now).map((part) => [part.type, part.value]));
  const weekday = WEEKDAY_OF[parts.weekday ?? ''] ?? 'mon';
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, time: `${parts.hour}:${parts.minute}` };
}

export function isOpen(hours: OpeningHours, now: Date): boolean {
  if (hours.alwaysOpen) return true;
  const { date, weekday, time } = osloClock(now);
  const within = (period: { from: string; to: string }) => period.from <= time && time < period.to;
  const exception = hours.exceptions.find((candidate) => candidate.date === date);
  if (exception) return exception.periods.some(within);
  return hours.periods.some((period) => period.days.includes(weekday) && within(period));
}

/** The channels, of the desk and of the other desks, that are staffed at `now` (Norwegian time). */
export function openChannels(contact: Pick<Contact, 'channels' | 'otherDesks'>, now: Date): Channel[] {
  return [...contact.channels, ...contact.otherDesks].filter((channel) => isOpen(channel.hours, now));
}

/** Whether written reports are being handled at `now`: the hours of the channel content/priority.yaml names. */
export function writtenReportsHandled(catalog: { contact: Pick<Contact, 'channels'>; priority: { handledBy: string } }, now: Date): boolean {
  const channel = catalog.contact.channels.find((candidate) => candidate.id === catalog.priority.handledBy);
  return channel ? isOpen(channel.hours, now) : true;
}
