import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mimeMessage } from '../../functions/adapters/mime-message.ts';
import { journeyOfReport } from '../../functions/core/build-journey.ts';
import { NATIONAL_ID_MESSAGE } from '../../functions/core/national-id.ts';
import { renderReceiptEmail } from '../../functions/core/receipt-email.ts';
import { parseSubmission, type ParseResult, type ReportSubmission } from '../../functions/core/report-submission.ts';
import { renderTeamEmail } from '../../functions/core/team-email.ts';
import { HIDDEN_CHARACTERS_MESSAGE, MALFORMED_TEXT_MESSAGE, NOTHING_VISIBLE_MESSAGE } from '../../functions/core/text-rules.ts';
import { realCatalog, realJourneys, storedReport, submissionFixture } from './builders.ts';

/**
 * What a reporter types reaches the desk's e-mail subject, the receipt and SES: it must be well-formed Unicode,
 * NFC, and free of characters that hide text or turn it around (issue 14, findings 1 and 6), and hold no national
 * identity number in any field, the e-mail address included (finding 4).
 */

const services = realJourneys();
const catalog = realCatalog();

function iccsWith(path: string, value: unknown, input: Record<string, unknown> = submissionFixture('iccs-valid')): Record<string, unknown> {
  const [group, field] = path.split('.') as [string, string | undefined];
  if (field) input[group] = { ...(input[group] as Record<string, unknown>), [field]: value };
  else input[group] = value;
  return input;
}

function errorsOf(result: ParseResult) {
  expect(result.ok, 'expected the submission to be refused').toBe(false);
  return result.ok ? [] : result.errors;
}

const SINGLE_LINE = ['summary', 'answers.controlRoom', 'answers.operatorPosition', 'contact.name', 'contact.organisation', 'contact.issi'];
const MULTI_LINE = ['description'];
const FREE_TEXT = [...SINGLE_LINE, ...MULTI_LINE];
/** Every field a reporter types into, the phone number and the e-mail address included. */
const EVERY_TYPED_FIELD = [...FREE_TEXT, 'contact.phone', 'contact.email'];

describe('well-formed Unicode in every typed field (finding 1: a lone surrogate jammed the router)', () => {
  it.each(
    EVERY_TYPED_FIELD.flatMap((path) => [
      [path, 'a lone high surrogate', 'Ingen lyd \ud800'],
      [path, 'a lone low surrogate', '\udc00Ingen lyd'],
      [path, 'surrogates in the wrong order', 'Ingen \udc00\ud800 lyd'],
    ]),
  )('%s with %s is refused with a message saying so', (path, _kind, value) => {
    expect(errorsOf(parseSubmission(services, iccsWith(path, value)))).toEqual([{ path, message: MALFORMED_TEXT_MESSAGE }]);
  });

  it('is checked in a browser without String.prototype.isWellFormed too (the wizard runs the same rules)', () => {
    const original = Object.getOwnPropertyDescriptor(String.prototype, 'isWellFormed');
    try {
      Reflect.deleteProperty(String.prototype, 'isWellFormed');
      expect(errorsOf(parseSubmission(services, iccsWith('summary', 'Ingen lyd \ud800')))).toEqual([{ path: 'summary', message: MALFORMED_TEXT_MESSAGE }]);
      expect(parseSubmission(services, iccsWith('summary', 'Radio 📻 faller ut')).ok).toBe(true);
    } finally {
      if (original) Object.defineProperty(String.prototype, 'isWellFormed', original);
    }
  });

  it('keeps characters outside the Basic Multilingual Plane (a pair of surrogates), such as an emoji', () => {
    const result = parseSubmission(services, iccsWith('summary', 'Radio 📻 faller ut'));

    expect(result.ok && result.submission.summary).toBe('Radio 📻 faller ut');
  });

  it('says in plain Norwegian what is wrong and what to do', () => {
    expect(MALFORMED_TEXT_MESSAGE).toBe('Teksten inneholder et ødelagt tegn som ikke kan sendes. Skriv teksten på nytt uten å lime den inn.');
    expect(HIDDEN_CHARACTERS_MESSAGE).toBe(
      'Teksten inneholder usynlige tegn eller retningstegn som ikke kan sendes. Skriv teksten på nytt uten å lime den inn.',
    );
    expect(NOTHING_VISIBLE_MESSAGE).toBe('Feltet ser tomt ut, men inneholder usynlige tegn. Skriv teksten på nytt uten å lime den inn.');
  });
});

describe('NFC normalisation', () => {
  it.each(FREE_TEXT)('stores %s in NFC: «e» and a combining acute accent become «é»', (path) => {
    const result = parseSubmission(services, iccsWith(path, 'Kafe\u0301 Ra\u030ane'));

    expect(result.ok).toBe(true);
    const submission = result.ok ? result.submission : ({} as ReportSubmission);
    const stored = JSON.stringify(submission);
    expect(stored).toContain('Kafé Råne');
    expect(stored).not.toContain('\u0301');
  });

  it('counts the length limit after normalising: 120 decomposed «å» are 120 characters, not 240', () => {
    expect(parseSubmission(services, iccsWith('summary', 'a\u030a'.repeat(120))).ok).toBe(true);
  });
});

describe('characters that hide or turn text around (finding 6: right-to-left overrides reached the subject line)', () => {
  const EVERYWHERE = [
    ['right-to-left override U+202E', 'Ingen lyd \u202etxt.exe'],
    ['left-to-right embedding U+202A', '\u202aIngen lyd'],
    ['pop directional formatting U+202C', 'Ingen lyd\u202c'],
    ['right-to-left isolate U+2067', 'Ingen \u2067lyd\u2069'],
    ['first strong isolate U+2068', 'Ingen \u2068lyd'],
    ['next line (NEL) U+0085', 'Ingen lyd\u0085Bcc: alle@example.com'],
    ['C1 control U+0080', 'Ingen\u0080lyd'],
    ['C1 control U+009F', 'Ingen\u009flyd'],
    ['C1 control CSI U+009B', 'Ingen\u009b31mlyd'],
  ] as const;
  const DIRECTION_MARKS = [
    ['left-to-right mark U+200E', 'Ingen\u200e lyd'],
    ['right-to-left mark U+200F', 'Ingen\u200f lyd'],
    ['Arabic letter mark U+061C', 'Ingen\u061c lyd'],
  ] as const;

  it.each(FREE_TEXT.flatMap((path) => EVERYWHERE.map(([kind, value]) => [path, kind, value] as const)))('%s with a %s is refused', (path, _kind, value) => {
    expect(errorsOf(parseSubmission(services, iccsWith(path, value)))).toEqual([{ path, message: HIDDEN_CHARACTERS_MESSAGE }]);
  });

  it.each(SINGLE_LINE.flatMap((path) => DIRECTION_MARKS.map(([kind, value]) => [path, kind, value] as const)))(
    '%s, a one-line field, with a %s is refused',
    (path, _kind, value) => {
      expect(errorsOf(parseSubmission(services, iccsWith(path, value)))).toEqual([{ path, message: HIDDEN_CHARACTERS_MESSAGE }]);
    },
  );

  it.each(DIRECTION_MARKS)('the description may hold a %s (text pasted from a right-to-left language needs them)', (_kind, value) => {
    expect(parseSubmission(services, iccsWith('description', value)).ok).toBe(true);
  });

  it.each([
    ['summary', 'Kari\u200dNordmann'],
    ['description', 'Del\u00adbar tekst og e\u200bn ordgrense'],
  ])('%s may hold an invisible character among visible ones (a zero-width joiner in an emoji, a soft hyphen)', (path, value) => {
    expect(parseSubmission(services, iccsWith(path, value)).ok).toBe(true);
  });
});

describe('text made only of invisible characters (finding 6: zero-width-only texts were accepted)', () => {
  const INVISIBLE = [
    ['zero-width space U+200B', '\u200b'],
    ['zero-width non-joiner and joiner', '\u200c\u200d'],
    ['word joiner U+2060', '\u2060\u2060'],
    ['byte order mark U+FEFF inside spaces', ' \ufeff \u200b '],
    ['soft hyphen U+00AD', '\u00ad\u00ad'],
    ['Hangul filler U+3164', '\u3164'],
    ['braille blank U+2800', '\u2800'],
    ['combining grapheme joiner U+034F', '\u034f'],
  ] as const;

  it.each(FREE_TEXT.flatMap((path) => INVISIBLE.map(([kind, value]) => [path, kind, value] as const)))('%s with only a %s is refused', (path, _kind, value) => {
    expect(errorsOf(parseSubmission(services, iccsWith(path, value)))).toEqual([{ path, message: NOTHING_VISIBLE_MESSAGE }]);
  });

  it('refuses it in an optional field too, where an empty answer is fine (contact.issi)', () => {
    expect(parseSubmission(services, iccsWith('contact.issi', '')).ok).toBe(true);
    expect(errorsOf(parseSubmission(services, iccsWith('contact.issi', '\u200b')))).toEqual([{ path: 'contact.issi', message: NOTHING_VISIBLE_MESSAGE }]);
  });
});

describe('the national-id guard on every field, the e-mail address, phone number and ISSI included (finding 4)', () => {
  const WRITTEN = [
    ['01019010046@example.no', 'contact.email'],
    ['kari.01019010046@amk.example', 'contact.email'],
    ['010190 100 46', 'contact.phone'],
    ['01 01 90 10046', 'contact.phone'],
    ['15063210002', 'contact.phone'],
    ['01019010046', 'contact.issi'],
    ['010190\u00a010046', 'contact.issi'],
    ['Gjelder 01.01.90 10046', 'summary'],
    ['Gjelder 010190\u200b10046', 'contact.name'],
    ['Gjelder ０１０１９０１００４６', 'contact.organisation'],
    ['Gjelder 010190\u201310046', 'answers.controlRoom'],
    ['Gjelder\n010190\u00ad10046\n', 'description'],
    ['Pasienten 15063210002', 'description'],
  ] as const;

  it.each(WRITTEN)('%j in %s is refused', (value, path) => {
    expect(errorsOf(parseSubmission(services, iccsWith(path, value)))).toEqual([{ path, message: NATIONAL_ID_MESSAGE }]);
  });

  it('lets an ordinary e-mail address, phone number and ISSI through', () => {
    const result = parseSubmission(services, {
      ...submissionFixture('iccs-valid'),
      contact: { name: 'Kari Nordmann', organisation: 'AMK', phone: '+47 912 34 567', email: 'kari.1990@amk.example', issi: '2040123' },
    });

    expect(result.ok).toBe(true);
  });
});

/** Text as a person or a hostile client might send it: any UTF-16 (lone surrogates too), or a mix of the hard cases. */
const HARD = [
  '\ud800',
  '\udfff',
  '\u202e',
  '\u2066',
  '\u200e',
  '\u0085',
  '\u0080',
  '\u200b',
  '\ufeff',
  '\u00ad',
  '\u0301',
  'e',
  'Å',
  'ø',
  ' ',
  '\n',
  '\r',
  '\t',
  '1',
  '0',
  '.',
  '@',
  '<',
  '&',
  '"',
  '📻',
  '\u0000',
  '\u2028',
];
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...HARD), minLength: 1, maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...HARD), minLength: 1, maxLength: 10 }).map((hard) => `Radio ${hard} faller ut`),
);
const FIELDS = [...FREE_TEXT, 'contact.phone', 'contact.email'];

describe('any text in any field (fast-check, fast-check v4 `unit: binary` includes lone surrogates)', () => {
  it('is accepted or refused with a message, never a thrown error; what is accepted is well-formed NFC without hidden controls', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), anyText, (path, value) => {
        let result: ParseResult | undefined;
        expect(() => (result = parseSubmission(services, iccsWith(path, value)))).not.toThrow();
        if (!result?.ok) {
          expect(result?.errors).toEqual([{ path, message: expect.any(String) }]);
          return;
        }
        const [group, field] = path.split('.') as [keyof ReportSubmission, string | undefined];
        const stored = String(field ? ((result.submission[group] as unknown as Record<string, string>)[field] ?? '') : result.submission[group]);
        expect(stored.isWellFormed()).toBe(true);
        expect(stored).toBe(stored.normalize('NFC'));
        expect(stored).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
        if (SINGLE_LINE.includes(path)) expect(stored).not.toMatch(/[\r\n\u2028\u2029\u200e\u200f\u061c]/);
      }),
      { numRuns: 3000 },
    );
  });

  it('renders the team e-mail, the receipt and both MIME messages without throwing, for every accepted report', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.record(Object.fromEntries(FREE_TEXT.map((path) => [path, fc.option(anyText, { nil: undefined, freq: 2 })]))), (values) => {
        const input = Object.entries(values).reduce(
          (body, [path, value]) => (value === undefined ? body : iccsWith(path, value, body)),
          submissionFixture('iccs-valid') as Record<string, unknown>,
        );
        const result = parseSubmission(services, input);
        if (!result.ok) return;
        accepted++;
        const report = storedReport({}, result.submission);
        const journey = journeyOfReport(catalog, report.serviceId);
        const team = renderTeamEmail(report, {
          service: catalog.services.iccs,
          journey,
          team: catalog.teams.servicedesk!,
          role: 'owner',
          desk: catalog.teams.servicedesk!,
          escalatesTo: catalog.teams.kontrollrom,
          policy: catalog.priority,
        });
        const receipt = renderReceiptEmail(report, {
          service: catalog.services.iccs,
          journey,
          policy: catalog.priority,
          handledNow: true,
          desk: catalog.teams.servicedesk!,
          contact: catalog.contact,
          statusUrl: 'https://portal.example.no/meld-feil/status/#x',
        });
        for (const email of [team, receipt]) {
          const bytes = mimeMessage(email, 'portal@hdo.example', 'b');
          // What SES is given is valid UTF-8 that decodes to what was rendered: nothing was replaced on the way.
          expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toContain('Content-Type: multipart/alternative');
          expect(email.subject.isWellFormed() && email.text.isWellFormed() && email.html.isWellFormed()).toBe(true);
          expect(email.subject).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\r\n]/);
        }
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
