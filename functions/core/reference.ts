/** Report references the desk and the reporter quote on the phone: `HDO-2026-000123`. */
export const REFERENCE_PATTERN = /^[A-Z]{2,8}-\d{4}-\d{6,}$/;

export function formatReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** References are numbered per year, so the counter is too. */
export function referenceCounterScope(prefix: string, year: number): string {
  return `${prefix}-${year}`;
}
