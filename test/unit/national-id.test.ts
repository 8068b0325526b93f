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
  it.each(['Pasient 01019012480 ble ikke hørt', 'fnr: 010190 12480', 'D-nr 410190-12393.', '15038545660'])('finds one in «%s»', (text) => {
    expect(containsNationalIdNumber(text)).toBe(true);
  });

  it.each(['Ring 912 34 567 eller 61 18 28 00', 'ISSI 2040123, serienummer 123456789012', 'Referanse HDO-2026-000123', '0101901248012'])(
    'finds none in «%s»',
    (text) => {
      expect(containsNationalIdNumber(text)).toBe(false);
    },
  );
});

/** The current rule's check digits, computed here independently of the code under test. */
function currentRuleCheckDigits(nine: string): string | undefined {
  const digits = [...nine].map(Number);
  const k1 = (11 - ([3, 7, 6, 1, 8, 9, 4, 5, 2].reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0) % 11)) % 11;
  const k2 = (11 - ([5, 4, 3, 2, 7, 6, 5, 4, 3, 2].reduce((sum, weight, index) => sum + weight * ([...digits, k1][index] ?? 0), 0) % 11)) % 11;
  return k1 === 10 || k2 === 10 ? undefined : `${nine}${k1}${k2}`;
}

describe('isNationalIdNumber: the test cases of @navikt/fnrvalidator 2.2.1 (its tests/fnr.spec.ts), which this guard ports', () => {
  it.each([
    ['13097248022', 'fnr'],
    ['29029648784', 'fnr, 29 February in a leap year'],
    ['29020075838', 'fnr, 29 February 2000'],
    ['15021951940', 'fnr, a check digit computed as 11 is 0'],
    ['53097248016', 'D-nummer'],
    ['13527248013', 'H-nummer'],
    ['10915596784', 'synthetic test number (month + 80, Tenor)'],
    ['68467038838', 'D-nummer and H-nummer at once'],
    ['50846202355', 'D-nummer and synthetic at once'],
    ['02013299997', 'the 2032 rule, born 02.01.2032'],
    ['30108299920', 'the 2032 rule, remainder 0'],
    ['30108299939', 'the 2032 rule, remainder 1'],
    ['70108299914', 'the 2032 rule, D-nummer'],
  ])('accepts %s (%s)', (number) => {
    expect(isNationalIdNumber(number)).toBe(true);
  });

  it.each([
    ['29020112345', '29 February in a year that is not a leap year'],
    ['1234567890', 'ten digits'],
    ['123456789101', 'twelve digits'],
    ['1234567891A', 'a letter'],
    ['13097248032', 'first check digit wrong'],
    ['13097248023', 'second check digit wrong'],
    ['32127248022', 'no such day'],
    ['13137248022', 'no such month'],
    ['02013299987', 'first check digit wrong under both rules'],
    ['02013299996', 'second check digit wrong under the 2032 rule'],
  ])('rejects %s (%s)', (number) => {
    expect(isNationalIdNumber(number)).toBe(false);
  });
});

describe('isNationalIdNumber: the check-digit rule in force from 2032, besides the current one', () => {
  it('recognises 15063210002, valid only under the 2032 rule (its first check digit leaves remainder 2)', () => {
    expect(currentRuleCheckDigits('150632100')).toBe('15063210096');
    expect(isNationalIdNumber('15063210002')).toBe(true);
  });

  it('recognises every number valid under the current rule, in a sample of 2000 birth dates and individual numbers', () => {
    let checked = 0;
    for (let index = 0; index < 2000; index++) {
      const day = String((index % 28) + 1).padStart(2, '0');
      const month = String((index % 12) + 1).padStart(2, '0');
      const nine = `${day}${month}${String(index % 100).padStart(2, '0')}${String((index * 7) % 1000).padStart(3, '0')}`;
      const number = currentRuleCheckDigits(nine);
      if (!number) continue;
      checked++;
      expect(isNationalIdNumber(number), number).toBe(true);
    }
    expect(checked).toBeGreaterThan(1500);
  });

  it('refuses 29 February of a year not divisible by four, however valid the check digits', () => {
    const number = ['2902011', '2902013', '2902015'].map((start) => currentRuleCheckDigits(`${start}00`)).find(Boolean) as string;

    expect(number).toMatch(/^290201/);
    expect(isNationalIdNumber(number)).toBe(false);
  });
});

describe('containsNationalIdNumber: however it is written (issue 14, finding 4)', () => {
  it.each([
    ['010190 100 46', 'grouped 6 3 2'],
    ['01.01.90 10046', 'a date with dots'],
    ['01 01 90 10046', 'a date with spaces'],
    ['010190  10046', 'two spaces'],
    ['010190\u00a010046', 'a no-break space'],
    ['01\u200901\u200990\u202f10046', 'thin and narrow no-break spaces'],
    ['010190\u200b10046', 'a zero-width space'],
    ['0101\u200d90\u2060100\ufeff46', 'zero-width joiner, word joiner and BOM inside the digits'],
    ['010190\u00ad10046', 'a soft hyphen'],
    ['010190/10046', 'a slash'],
    ['010190\u201310046', 'an en dash'],
    ['010190 \u2014 10046', 'an em dash between spaces'],
    ['010190-10046', 'a hyphen'],
    ['\uff10\uff11\uff10\uff11\uff19\uff10\uff11\uff10\uff10\uff14\uff16', 'fullwidth digits'],
    ['01019010046@example.no', 'an e-mail address'],
    ['kari.01019010046@example.no', 'inside an e-mail address'],
    ['15063210002', 'valid only under the 2032 rule'],
    ['Gjelder pasient 150632 10002, ring meg', 'the 2032 rule, in a sentence'],
    ['4101901\u200e2393', 'a D-nummer with a direction mark'],
  ])('finds one in %j (%s)', (text) => {
    expect(containsNationalIdNumber(text)).toBe(true);
  });

  it.each([
    ['+47 912 34 567', 'a phone number with country code'],
    ['0047 912 34 567', 'a phone number with 0047'],
    ['974 760 673', 'an organisation number'],
    ['HDO-2026-000123', 'a reference'],
    ['01.01.2026 kl. 10.46', 'a date and a time'],
    ['010190:10046', 'a colon is no separator'],
    ['010190\n10046', 'a line break is no separator'],
  ])('finds none in %j (%s)', (text) => {
    expect(containsNationalIdNumber(text)).toBe(false);
  });

  it('never throws, on any string, lone surrogates included', () => {
    for (const text of ['\ud800', '0101901\udc000046', '\udfff01019010046\ud800', '\u0000'.repeat(10), '1 '.repeat(3000)]) {
      expect(() => containsNationalIdNumber(text)).not.toThrow();
    }
    expect(containsNationalIdNumber('\ud80001019010046\udc00')).toBe(true);
  });
});
