import { describe, expect, it } from 'vitest';
import { formatReference, REFERENCE_PATTERN, referenceYear } from '../../functions/core/reference.ts';

describe('formatReference', () => {
  it('pads the sequence to six digits and matches the reference pattern', () => {
    const reference = formatReference('HDO', 2026, 123);

    expect(reference).toBe('HDO-2026-000123');
    expect(REFERENCE_PATTERN.test(reference)).toBe(true);
  });

  it('keeps sequences above 999999 whole', () => {
    expect(formatReference('HDO', 2026, 1234567)).toBe('HDO-2026-1234567');
  });
});

describe('referenceYear', () => {
  it.each([
    { at: '2026-12-31T22:59:59Z', year: 2026 },
    { at: '2026-12-31T23:00:00Z', year: 2027 },
    { at: '2027-06-30T22:30:00Z', year: 2027 },
  ])('counts $at as $year, the year on the calendar in Oslo', ({ at, year }) => {
    expect(referenceYear(new Date(at))).toBe(year);
  });

  it('agrees with the Oslo calendar (Intl, Europe/Oslo) an hour either side of every New Year from 2000 to 2100', () => {
    const osloYear = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Oslo' });
    const instants = Array.from({ length: 101 }, (_, index) => Date.UTC(2000 + index, 0, 1, -1)).flatMap((newYear) =>
      [-60, -1, 0, 1, 60].map((minutes) => new Date(newYear + minutes * 60_000)),
    );

    const disagreeing = instants.filter((at) => referenceYear(at) !== Number(osloYear.format(at)));

    expect(disagreeing.map((at) => at.toISOString())).toEqual([]);
  });
});
