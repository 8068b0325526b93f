import { z } from 'zod';
import { isRealDate } from '../core/calendar-date.ts';

/**
 * Front matter is parsed by two YAML parsers: Astro's turns `2026-11-22` into a Date, ours keeps it as text.
 * Both must give the same result and the same message, so a Date is turned back into text before checking.
 */
const asText = (value: unknown) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value);

export const dateOnly = z.preprocess(
  (value) => (value instanceof Date ? asText(value)?.toString().slice(0, 10) : value),
  z
    .string({ error: 'må være en dato på formen 2026-11-22' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'må være en dato på formen 2026-11-22' })
    .refine((text) => isRealDate(text), { error: 'må være en dato som finnes, på formen 2026-11-22' })
    .transform((text) => new Date(`${text}T00:00:00Z`)),
);

/** A point in time with its UTC offset, as Norwegian editors write it: `2026-11-22T08:00+01:00`. */
export const dateTime = z.preprocess(
  asText,
  z
    .string({ error: 'må være et tidspunkt på formen 2026-11-22T08:00+01:00' })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
      error: 'må være et tidspunkt på formen 2026-11-22T08:00+01:00 (med tidssone)',
    })
    .refine((text) => isRealDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text)), {
      error: 'må være et tidspunkt som finnes, på formen 2026-11-22T08:00+01:00',
    })
    .transform((text) => new Date(text)),
);
