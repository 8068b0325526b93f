import * as z from 'zod/mini';
import { containsNationalIdNumber, NATIONAL_ID_MESSAGE } from './national-id.ts';

// zod/mini, not classic zod: these rules are bundled into the wizard in the browser, within its size budget.

// Control characters other than tab/newline never belong in what a person types; in a single-line value
// (names, subjects) newlines are rejected too, because such values end up in e-mail headers.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAKS = /[\r\n\u2028\u2029]/;

export type TextSchema = z.ZodMiniType<string, unknown>;

function text(options: { required: boolean; max: number; missing: string }, ...checks: z.core.$ZodCheck<string>[]): TextSchema {
  const base = z.string({ error: options.missing }).check(
    z.trim(),
    z.maxLength(options.max, { error: `Teksten kan ikke være lengre enn ${options.max} tegn.` }),
    ...checks,
    z.refine((v) => !containsNationalIdNumber(v), { error: NATIONAL_ID_MESSAGE }),
  );
  return options.required ? base.check(z.refine((v) => v.length > 0, { error: options.missing })) : z._default(base, '');
}

export function singleLineText(options: { required: boolean; max: number; missing: string }): TextSchema {
  return text(options, z.refine((v) => !LINE_BREAKS.test(v) && !CONTROL_CHARACTERS.test(v), { error: 'Skriv på én linje, uten linjeskift eller spesialtegn.' }));
}

export function multiLineText(options: { required: boolean; max: number; missing: string }): TextSchema {
  return text(options, z.refine((v) => !CONTROL_CHARACTERS.test(v), { error: 'Teksten inneholder tegn som ikke er tillatt.' }));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return ISO_DATE.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date as `<input type="date">` sends it; an empty field means no answer. */
export function dateText(options: { required: boolean; missing: string }): TextSchema {
  const base = z.string({ error: options.missing }).check(
    z.trim(),
    z.refine((v) => v === '' || isRealDate(v), { error: 'Skriv datoen som dd.mm.åååå, for eksempel 01.06.2027.' }),
  );
  return options.required ? base.check(z.refine((v) => v.length > 0, { error: options.missing })) : z._default(base, '');
}
