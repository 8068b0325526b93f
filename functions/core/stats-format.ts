import { escapeHtml } from './html.ts';

/** Formatting for the statistics file (core/stats-html.ts): escaping, numbers, dates and durations in bokmål. */

export const esc = (value: string | number) => escapeHtml(String(value));

/** A count as bokmål writes it: «1 234». */
export const nb = (value: number) => value.toLocaleString('nb-NO');

const SHORT_DATE_TIME = new Intl.DateTimeFormat('nb-NO', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Oslo',
});
const TIME = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' });
const DAY = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo' });
const MONTH = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-11` as «november 2026». */
export function monthLabel(month: string): string {
  return MONTH.format(new Date(`${month}-15T12:00:00Z`));
}

/** A duration as the desk says it: «under 1 min», «45 min», «2 t 15 min», «3 d 4 t» (t = timer, d = døgn). */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} t` : `${hours} t ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} t`;
}

/** A time window in Oslo: «12. nov. 2026, 08:00–09:40» (one time when both are in one minute), or both ends in full across midnight. */
export function formatWindow(from: string, to: string): string {
  if (DAY.format(new Date(from)) === DAY.format(new Date(to))) {
    const [start, end] = [SHORT_DATE_TIME.format(new Date(from)), TIME.format(new Date(to))];
    return start.endsWith(end) ? start : `${start}–${end}`;
  }
  return `${SHORT_DATE_TIME.format(new Date(from))} – ${SHORT_DATE_TIME.format(new Date(to))}`;
}
