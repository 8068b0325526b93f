import { z } from 'zod';
import { containsNationalIdNumber, NATIONAL_ID_MESSAGE } from './national-id.ts';

// Control characters other than tab/newline never belong in what a person types; in a single-line value
// (names, subjects) newlines are rejected too, because such values end up in e-mail headers.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAKS = /[\r\n\u2028\u2029]/;

export function singleLineText(options: { required: boolean; max: number; missing: string }) {
  const base = z
    .string({ error: options.missing })
    .trim()
    .max(options.max, { error: `Teksten kan ikke være lengre enn ${options.max} tegn.` })
    .refine((v) => !LINE_BREAKS.test(v) && !CONTROL_CHARACTERS.test(v), {
      error: 'Skriv på én linje, uten linjeskift eller spesialtegn.',
    })
    .refine((v) => !containsNationalIdNumber(v), { error: NATIONAL_ID_MESSAGE });
  return options.required ? base.refine((v) => v.length > 0, { error: options.missing }) : base.default('');
}

export function multiLineText(options: { required: boolean; max: number; missing: string }) {
  const base = z
    .string({ error: options.missing })
    .trim()
    .max(options.max, { error: `Teksten kan ikke være lengre enn ${options.max} tegn.` })
    .refine((v) => !CONTROL_CHARACTERS.test(v), { error: 'Teksten inneholder tegn som ikke er tillatt.' })
    .refine((v) => !containsNationalIdNumber(v), { error: NATIONAL_ID_MESSAGE });
  return options.required ? base.refine((v) => v.length > 0, { error: options.missing }) : base.default('');
}
