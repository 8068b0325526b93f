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

const OSLO_YEAR = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Oslo' });

/** The year a reporter in Norway sees on the calendar, so a report filed on New Year's night gets the new year. */
export function referenceYear(at: Date): number {
  return Number(OSLO_YEAR.format(at));
}
