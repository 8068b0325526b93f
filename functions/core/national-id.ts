/**
 * Finds Norwegian national identity numbers (fødselsnummer, D-nummer, H-nummer) in free text, so a report that
 * carries one can be refused before it is stored, logged or mailed.
 */

const CANDIDATE = /(?<!\d)(\d{6})[ .-]?(\d{5})(?!\d)/g;
const FIRST_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const SECOND_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: readonly number[], weights: readonly number[]): number | undefined {
  const sum = weights.reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? undefined : digit;
}

function hasPlausibleDate(digits: readonly number[]): boolean {
  const [d1 = 0, d2 = 0, m1 = 0, m2 = 0] = digits;
  let day = d1 * 10 + d2;
  let month = m1 * 10 + m2;
  if (day > 40) day -= 40; // D-nummer
  if (month > 80) month -= 80; // synthetic test numbers
  else if (month > 40) month -= 40; // H-nummer
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

export function isNationalIdNumber(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const digits = [...value].map(Number);
  return (
    hasPlausibleDate(digits) &&
    checkDigit(digits, FIRST_WEIGHTS) === digits[9] &&
    checkDigit(digits, SECOND_WEIGHTS) === digits[10]
  );
}

export function containsNationalIdNumber(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    if (isNationalIdNumber(`${match[1]}${match[2]}`)) return true;
  }
  return false;
}

export const NATIONAL_ID_MESSAGE =
  'Feltet ser ut til å inneholde et fødselsnummer eller D-nummer. Fjern det: meldinger til Servicedesk skal aldri inneholde opplysninger om pasienter eller andre personer.';
