import * as z from 'zod/mini';
import { isRealDate } from './calendar-date.ts';
import { containsNationalIdNumber, NATIONAL_ID_MESSAGE } from './national-id.ts';

// zod/mini, not classic zod: these rules are bundled into the wizard in the browser, within its size budget.

// Control characters other than tab/newline never belong in what a person types; in a single-line value
// (names, subjects) newlines are rejected too, because such values end up in e-mail headers.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAKS = /[\r\n\u2028\u2029]/;
/** C1 controls (NEL U+0085 among them) and the bidi overrides and isolates, which make text read in another order than it was written. */
const HIDDEN_CONTROLS = /[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/;
/** The direction marks too: invisible, and of no use in a name, an address or a subject line. */
const DIRECTION_MARKS = /[\u200e\u200f\u061c]/;
/** Text that shows nothing: only spaces, controls and invisible characters (zero-width, soft hyphen, word joiner, BOM, fillers). */
const NOTHING_VISIBLE = /^[\s\p{Cc}\p{Cf}\p{Zs}\u034f\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\ufe00-\ufe0f\uffa0]+$/u;

export const MALFORMED_TEXT_MESSAGE = 'Teksten inneholder et ødelagt tegn som ikke kan sendes. Skriv teksten på nytt uten å lime den inn.';
export const HIDDEN_CHARACTERS_MESSAGE = 'Teksten inneholder usynlige tegn eller retningstegn som ikke kan sendes. Skriv teksten på nytt uten å lime den inn.';
export const NOTHING_VISIBLE_MESSAGE = 'Feltet ser tomt ut, men inneholder usynlige tegn. Skriv teksten på nytt uten å lime den inn.';

/** No lone surrogate: `isWellFormed` (Node 20, browsers since 2023), or the same test where a browser lacks it. */
const isWellFormed = (text: string): boolean => (typeof text.isWellFormed === 'function' ? text.isWellFormed() : !/\p{Cs}/u.test(text));

export type TextSchema = z.ZodMiniType<string, unknown>;

export interface TextOptions {
  required: boolean;
  missing: string;
  max?: number;
}

/**
 * Every value a reporter types, whatever the field: well-formed Unicode (a lone surrogate cannot be sent on, and
 * the reporter is told, not the mail system), NFC-normalised, trimmed, not made of invisible characters only, then
 * the field's own `checks`, and never a national identity number. No check throws on any string.
 */
export function typedText(options: TextOptions, ...checks: z.core.$ZodCheck<string>[]): TextSchema {
  const base = z.string({ error: options.missing }).check(
    z.refine(isWellFormed, { error: MALFORMED_TEXT_MESSAGE, abort: true }),
    z.normalize('NFC'),
    z.trim(),
    ...(options.max === undefined ? [] : [z.maxLength(options.max, { error: `Teksten kan ikke være lengre enn ${options.max} tegn.` })]),
    z.refine((v) => !NOTHING_VISIBLE.test(v), { error: NOTHING_VISIBLE_MESSAGE }),
    ...checks,
    z.refine((v) => !containsNationalIdNumber(v), { error: NATIONAL_ID_MESSAGE }),
  );
  return options.required ? base.check(z.refine((v) => v.length > 0, { error: options.missing })) : z._default(base, '');
}

/** A value that stays on one line (names, the summary): it may end up in an e-mail header. */
export function singleLineText(options: TextOptions & { max: number }): TextSchema {
  return typedText(
    options,
    z.refine((v) => !LINE_BREAKS.test(v) && !CONTROL_CHARACTERS.test(v), { error: 'Skriv på én linje, uten linjeskift eller spesialtegn.' }),
    z.refine((v) => !HIDDEN_CONTROLS.test(v) && !DIRECTION_MARKS.test(v), { error: HIDDEN_CHARACTERS_MESSAGE }),
  );
}

export function multiLineText(options: TextOptions & { max: number }): TextSchema {
  return typedText(
    options,
    z.refine((v) => !CONTROL_CHARACTERS.test(v), { error: 'Teksten inneholder tegn som ikke er tillatt.' }),
    z.refine((v) => !HIDDEN_CONTROLS.test(v), { error: HIDDEN_CHARACTERS_MESSAGE }),
  );
}

/** A calendar date as `<input type="date">` sends it; an empty field means no answer. */
export function dateText(options: { required: boolean; missing: string }): TextSchema {
  return typedText(
    options,
    z.refine((v) => v === '' || isRealDate(v), { error: 'Skriv datoen som dd.mm.åååå, for eksempel 01.06.2027.' }),
  );
}
