import { describe, expect, it } from 'vitest';
import { containsNationalIdNumber, isNationalIdNumber } from '../../functions/core/national-id.ts';

// Check digits computed independently of the code under test (mod 11, weights 3 7 6 1 8 9 4 5 2 / 5 4 3 2 7 6 5 4 3 2).
const VALID = [
  { number: '01019012480', kind: 'fødselsnummer' },
  { number: '15038545660', kind: 'fødselsnummer' },
  { number: '31129900183', kind: 'fødselsnummer' },
  { number: '41019012393', kind: 'D-nummer (day + 40)' },
  { number: '55038545654', kind: 'D-nummer (day + 40)' },
];

describe('isNationalIdNumber', () => {
  it.each(VALID)('recognises $number, a valid $kind', ({ number }) => {
    expect(isNationalIdNumber(number)).toBe(true);
  });

  it.each([
    { number: '01019012481', why: 'second check digit wrong' },
    { number: '01019012470', why: 'first check digit wrong' },
    { number: '32019012480', why: 'no such day' },
    { number: '0101901248', why: 'ten digits' },
    { number: '12345678901', why: 'an arbitrary number' },
  ])('rejects $number ($why)', ({ number }) => {
    expect(isNationalIdNumber(number)).toBe(false);
  });
});

describe('containsNationalIdNumber', () => {
  it.each([
    'Pasient 01019012480 ble ikke hørt',
    'fnr: 010190 12480',
    'D-nr 410190-12393.',
    '15038545660',
  ])('finds one in «%s»', (text) => {
    expect(containsNationalIdNumber(text)).toBe(true);
  });

  it.each([
    'Ring 912 34 567 eller 61 18 28 00',
    'ISSI 2040123, serienummer 123456789012',
    'Referanse HDO-2026-000123',
    '0101901248012',
  ])('finds none in «%s»', (text) => {
    expect(containsNationalIdNumber(text)).toBe(false);
  });
});
