/**
 * Finds Norwegian national identity numbers (fødselsnummer, D-nummer, H-nummer, synthetic test numbers) in any
 * text a reporter sends, so a report that carries one can be refused before it is stored, logged or mailed.
 *
 * The check digits follow the rule in force from 2032 (Skatteetaten, «Nytt fødselsnummer fra 2032»), which also
 * accepts every number issued under the current one: the first control digit k1 may leave a remainder of 0, 1, 2
 * or 3 (the current rule: only 0) of the weighted sum 3 7 6 1 8 9 4 5 2 1, the second k2 a remainder of 0 of
 * 5 4 3 2 7 6 5 4 3 2 1. Ported from @navikt/fnrvalidator 2.2.1 (MIT, © NAV), whose test cases are in
 * test/unit/national-id.test.ts; a port rather than the package, to keep the wizard's bundle small.
 */

/** Invisible characters (soft hyphen, zero-width, word joiner, direction marks, BOM …): dropped before looking. */
const INVISIBLE = /[\p{Cf}\u034f\u180e\ufe00-\ufe0f]/gu;
/** What people put between groups of digits: spaces of any width, `.`, `/`, hyphens and dashes. */
const SEPARATOR = '[\\p{Zs}\\t./\\-\\u2010-\\u2015\\u2212]+';
const DIGIT_RUNS = new RegExp(`\\d+(?:${SEPARATOR}\\d+)*`, 'gu');
const SEPARATORS = new RegExp(SEPARATOR, 'u');

const FIRST_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
const SECOND_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const remainder = (digits: readonly number[], weights: readonly number[]) =>
  weights.reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0) % 11;

function hasBirthDate(digits: readonly number[]): boolean {
  const [d1 = 0, d2 = 0, m1 = 0, m2 = 0, y1 = 0, y2 = 0] = digits;
  let day = d1 * 10 + d2;
  let month = m1 * 10 + m2;
  if (day > 40) day -= 40; // D-nummer
  if (month > 80) month -= 80; // synthetic test numbers (Tenor)
  else if (month > 40) month -= 40; // H-nummer, and NAV's synthetic numbers
  // Two digits of the year: 29 February is a date in any year divisible by four (and in 2000).
  const days = month === 2 && (y1 * 10 + y2) % 4 !== 0 ? 28 : DAYS_IN_MONTH[month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** Whether 11 digits are a national identity number under the current or the 2032 check-digit rule. */
export function isNationalIdNumber(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const digits = [...value].map(Number);
  return hasBirthDate(digits) && remainder(digits, FIRST_WEIGHTS) <= 3 && remainder(digits, SECOND_WEIGHTS) === 0;
}

/**
 * Whether the text holds a national identity number however it is written: with fullwidth or other compatibility
 * digits (NFKC), with invisible characters among the digits, or split into groups by spaces, dots, slashes or
 * dashes (`010190 12480`, `01.01.90 12480`, `01 01 90 12480`). Every run of consecutive groups that adds up to 11
 * digits is checked; a longer unbroken number (`0101901248012`) is not one.
 */
export function containsNationalIdNumber(text: string): boolean {
  const plain = text.normalize('NFKC').replace(INVISIBLE, '');
  for (const run of plain.matchAll(DIGIT_RUNS)) {
    const groups = run[0].split(SEPARATORS);
    for (let start = 0; start < groups.length; start++) {
      let digits = '';
      for (let end = start; end < groups.length && digits.length < 11; end++) {
        digits += groups[end];
        if (digits.length === 11 && isNationalIdNumber(digits)) return true;
      }
    }
  }
  return false;
}

export const NATIONAL_ID_MESSAGE =
  'Feltet ser ut til å inneholde et fødselsnummer eller D-nummer. Fjern det: meldinger til Servicedesk skal aldri inneholde opplysninger om pasienter eller andre personer.';
