/** Report references the desk and the reporter quote on the phone: `HDO-2026-000123`. */
/** Bounded, so a malformed reference is refused before it reaches the table (whose keys have a size limit). */
export const REFERENCE_PATTERN = /^[A-Z]{2,8}-\d{4}-\d{6,9}$/;

export function formatReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** References are numbered per year, so the counter is too. */
export function referenceCounterScope(prefix: string, year: number): string {
  return `${prefix}-${year}`;
}

/**
 * Norway keeps standard time, UTC+1, from the last Sunday of October to the last Sunday of March, so every New Year
 * falls at 23:00 UTC: the year in Oslo is the year one hour after the instant in UTC. Plain arithmetic rather than
 * Intl.DateTimeFormat, because a process's first Intl formatter costs about 20 ms (ICU starting up), which every
 * cold start of the submit handler would pay for this one number.
 */
const OSLO_STANDARD_OFFSET_MS = 60 * 60 * 1000;

/** The year a reporter in Norway sees on the calendar, so a report filed on New Year's night gets the new year. */
export function referenceYear(at: Date): number {
  return new Date(at.getTime() + OSLO_STANDARD_OFFSET_MS).getUTCFullYear();
}
