import { describe, expect, it } from 'vitest';
import { serviceSchema } from '../../functions/catalog/schema.ts';
import { journeyFor } from '../../functions/core/build-journey.ts';
import { parseSubmission, type ParseResult } from '../../functions/core/report-submission.ts';
import { realCatalog, realJourneys, submissionFixture } from './builders.ts';

const services = realJourneys();

/** The ICCS fixture with one dotted field set to `value`, or removed when `value` is undefined. */
function iccsWith(path: string, value: unknown): Record<string, unknown> {
  const input = submissionFixture('iccs-valid');
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, input);
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return input;
}

function errorsOf(result: ParseResult) {
  expect(result.ok, 'expected the submission to be rejected').toBe(false);
  return result.ok ? [] : result.errors;
}

/** In the order the journey asks them (content/form.yaml, content/services/iccs.yaml), with the messages written there. */
const REQUIRED_FIELDS = [
  ['urgent', 'Svar ja eller nei.'],
  ['requestType', 'Velg hva henvendelsen gjelder.'],
  ['summary', 'Skriv en kort overskrift som sier hva saken gjelder.'],
  ['description', 'Beskriv hva som skjer, og hva du forventet skulle skje.'],
  ['answers.controlRoom', 'Svar på «Hvilket kontrollrom gjelder det?».'],
  ['answers.operatorPosition', 'Svar på «Hvilken operatørplass gjelder det?».'],
  ['answers.affectedFunction', 'Svar på «Hva er det som ikke virker?».'],
  ['answers.faultState', 'Svar på «Er feilen der nå?».'],
  ['impact.affected', 'Velg hvor mange som er rammet.'],
  ['impact.workaround', 'Svar på om dere kan jobbe rundt feilen.'],
  ['contact.name', 'Skriv inn navnet ditt.'],
  ['contact.organisation', 'Skriv inn hvilken virksomhet du melder for.'],
  ['contact.phone', 'Skriv inn et telefonnummer vi kan nå deg på.'],
  ['contact.email', 'Skriv inn e-postadressen din.'],
] as const;
const CHOICE_FIELDS: readonly string[] = ['urgent', 'requestType', 'answers.affectedFunction', 'answers.faultState', 'impact.affected', 'impact.workaround'];
/** Leaving out the request type leaves out what only a fault is asked, too. */
const ASKED_OF_FAULTS_ONLY: readonly string[] = ['answers.faultState', 'impact.affected', 'impact.workaround'];

describe('parseSubmission: a complete ICCS report', () => {
  it('is accepted, with every value kept and the choice stored as its value', () => {
    const result = parseSubmission(services, submissionFixture('iccs-valid'));

    expect(result).toEqual({ ok: true, submission: { ...submissionFixture('iccs-valid'), calledDesk: false } });
  });

  it('trims surrounding whitespace from what the reporter typed', () => {
    const result = parseSubmission(services, iccsWith('contact.name', '  Kari Nordmann \n'));

    expect(result.ok && result.submission.contact.name).toBe('Kari Nordmann');
  });

  it('drops answers to questions the service does not ask', () => {
    const result = parseSubmission(services, iccsWith('answers.injected', 'x'));

    expect(result.ok && Object.keys(result.submission.answers)).toEqual(['controlRoom', 'operatorPosition', 'affectedFunction', 'faultState']);
  });
});

describe('parseSubmission: missing required fields', () => {
  // Without a request type, what only a fault is asked is not asked: the fixture's fault answers are dropped.
  it.each(REQUIRED_FIELDS)('%s left out gives exactly «%s»', (path, message) => {
    expect(errorsOf(parseSubmission(services, iccsWith(path, undefined)))).toEqual([{ path, message }]);
  });

  it.each(REQUIRED_FIELDS)('%s left empty (as an empty form field posts it) gives exactly «%s»', (path, message) => {
    expect(errorsOf(parseSubmission(services, iccsWith(path, '')))).toEqual([{ path, message }]);
  });

  it.each(REQUIRED_FIELDS.filter(([path]) => !CHOICE_FIELDS.includes(path)))('%s with only spaces gives exactly «%s»', (path, message) => {
    expect(errorsOf(parseSubmission(services, iccsWith(path, '   ')))).toEqual([{ path, message }]);
  });

  it('lists every missing field at once, each under its form field name, in the order they are asked', () => {
    const result = parseSubmission(services, { serviceId: 'iccs', requestType: 'fault', answers: {}, contact: {} });

    expect(errorsOf(result)).toEqual(REQUIRED_FIELDS.filter(([path]) => path !== 'requestType').map(([path, message]) => ({ path, message })));
  });

  it('asks nothing that only a fault is asked when the request type is left out', () => {
    const result = parseSubmission(services, { serviceId: 'iccs', answers: {}, contact: {} });

    expect(errorsOf(result).map((error) => error.path)).toEqual(REQUIRED_FIELDS.map(([path]) => path).filter((path) => !ASKED_OF_FAULTS_ONLY.includes(path)));
  });

  it('still asks the service questions when the answers object is left out altogether', () => {
    const result = parseSubmission(services, iccsWith('answers', undefined));

    expect(errorsOf(result).map((error) => error.path)).toEqual([
      'answers.controlRoom',
      'answers.operatorPosition',
      'answers.affectedFunction',
      'answers.faultState',
    ]);
  });

  it('asks for each contact field in Norwegian when the contact object is left out altogether', () => {
    const result = parseSubmission(services, iccsWith('contact', undefined));

    expect(errorsOf(result)).toEqual(REQUIRED_FIELDS.filter(([path]) => path.startsWith('contact.')).map(([path, message]) => ({ path, message })));
  });
});

describe('parseSubmission: invalid values', () => {
  it.each([
    ['contact.email', 'kari.nordmann', 'Skriv inn en gyldig e-postadresse, for eksempel navn@virksomhet.no.'],
    ['contact.email', 'kari@amk.example\r\nBcc: alle@example.com', 'Skriv inn en gyldig e-postadresse, for eksempel navn@virksomhet.no.'],
    ['contact.phone', 'ring meg', 'Skriv inn et telefonnummer med bare tall, for eksempel 912 34 567.'],
    ['contact.phone', '12345', 'Skriv inn et telefonnummer med bare tall, for eksempel 912 34 567.'],
    ['contact.phone', '912-34-567', 'Skriv inn et telefonnummer med bare tall, for eksempel 912 34 567.'],
    ['answers.affectedFunction', 'printer', 'Velg ett av alternativene.'],
    ['answers.affectedFunction', 'Telefoni', 'Velg ett av alternativene.'],
    ['description', 'Panelet piper\u0007 hele tiden', 'Teksten inneholder tegn som ikke er tillatt.'],
  ])('%s = %j gives «%s»', (path, value, message) => {
    expect(errorsOf(parseSubmission(services, iccsWith(path, value)))).toEqual([{ path, message }]);
  });

  it.each(['91234567', '912 34 567', '+47 912 34 567', '+4791234567'])('accepts the phone number %j', (phone) => {
    expect(parseSubmission(services, iccsWith('contact.phone', phone)).ok).toBe(true);
  });
});

describe('parseSubmission: single-line fields end up in e-mail headers, so line breaks are refused', () => {
  const SINGLE_LINE_FIELDS = ['summary', 'contact.name', 'contact.organisation', 'answers.controlRoom'];
  const BREAKING_VALUES = [
    ['CRLF header injection', 'Radio\r\nBcc: alle@example.com'],
    ['newline', 'Radio\nfaller ut'],
    ['carriage return', 'Radio\rfaller ut'],
    ['Unicode line separator', 'Radio\u2028faller ut'],
    ['NUL', 'Radio\u0000faller ut'],
    ['escape', 'Radio\u001b[31m'],
  ];
  const cases = SINGLE_LINE_FIELDS.flatMap((path) => BREAKING_VALUES.map(([kind, value]) => [path, kind, value] as const));

  it.each(cases)('%s with %s is refused', (path, _kind, value) => {
    expect(errorsOf(parseSubmission(services, iccsWith(path, value)))).toEqual([{ path, message: 'Skriv på én linje, uten linjeskift eller spesialtegn.' }]);
  });

  it('lets the description span several lines', () => {
    const result = parseSubmission(services, iccsWith('description', 'Første linje.\r\nAndre linje.\n\tInnrykket linje.'));

    expect(result.ok && result.submission.description).toBe('Første linje.\r\nAndre linje.\n\tInnrykket linje.');
  });
});

describe('parseSubmission: length limits', () => {
  it.each([
    ['summary', 120],
    ['description', 4000],
    ['contact.name', 120],
    ['contact.organisation', 160],
    ['answers.controlRoom', 120], // maxLength in content/services/iccs.yaml
    ['answers.operatorPosition', 60], // maxLength in content/services/iccs.yaml
  ])('%s takes %i characters but not one more', (path, max) => {
    expect(parseSubmission(services, iccsWith(path, 'x'.repeat(max))).ok).toBe(true);

    expect(errorsOf(parseSubmission(services, iccsWith(path, 'x'.repeat(max + 1))))).toEqual([
      { path, message: `Teksten kan ikke være lengre enn ${max} tegn.` },
    ]);
  });

  it('gives one message per field, the first rule that failed', () => {
    const tooLongAndBroken = `${'x'.repeat(130)}\nBcc: alle@example.com`;

    expect(errorsOf(parseSubmission(services, iccsWith('summary', tooLongAndBroken)))).toEqual([
      { path: 'summary', message: 'Teksten kan ikke være lengre enn 120 tegn.' },
    ]);
  });
});

describe('parseSubmission: which service', () => {
  it.each([
    ['an unknown service', { ...submissionFixture('iccs-valid'), serviceId: 'fax' }],
    ['no service', iccsWith('serviceId', undefined)],
    ['a service id in the wrong case', { ...submissionFixture('iccs-valid'), serviceId: 'ICCS' }],
    ['no object at all', 'iccs'],
    ['null', null],
  ])('%s gives one message asking which service', (_case, input) => {
    expect(errorsOf(parseSubmission(services, input))).toEqual([{ path: 'serviceId', message: 'Velg hvilken tjeneste feilen gjelder (10 valg).' }]);
  });
});

describe('parseSubmission: optional questions', () => {
  const radioWithTalkGroup = (talkGroup: unknown) => {
    const input = submissionFixture('radio-valid');
    if (talkGroup === undefined) delete input.answers.talkGroup;
    else input.answers.talkGroup = talkGroup;
    return input;
  };

  it('keeps an answer to the optional talk group question', () => {
    const result = parseSubmission(services, radioWithTalkGroup('HDO-04'));

    expect(result.ok && result.submission.answers.talkGroup).toBe('HDO-04');
  });

  it.each([
    ['left out', undefined],
    ['empty', ''],
    ['only spaces', '   '],
  ])('accepts the talk group %s and stores no answer for it', (_case, talkGroup) => {
    const result = parseSubmission(services, radioWithTalkGroup(talkGroup));

    expect(result.ok).toBe(true);
    expect(result.ok && result.submission.answers).toEqual({ issi: '1234567', location: 'Ambulansestasjonen på Lillehammer', faultState: 'ongoing' });
  });

  it('accepts an optional choice left unselected (an empty <select>) and stores no answer for it', () => {
    const catalog = realCatalog();
    const withOptionalChoice = serviceSchema.parse({
      ...catalog.services.other,
      pages: [
        {
          title: 'Hvor viktig',
          questions: [
            {
              id: 'importance',
              label: 'Hvor viktig er det?',
              type: 'choice',
              required: false,
              options: [
                { value: 'low', label: 'Lite' },
                { value: 'high', label: 'Mye' },
              ],
            },
          ],
        },
      ],
    });
    const input = { ...submissionFixture('iccs-valid'), serviceId: 'other', requestType: 'question', answers: { importance: '' } };

    const result = parseSubmission({ ...services, other: journeyFor(catalog.form, withOptionalChoice) }, input);

    expect(result).toMatchObject({ ok: true, submission: { answers: {} } });
  });
});

describe('parseSubmission: what the journey answers itself', () => {
  const other = (requestType: unknown) => ({
    ...submissionFixture('iccs-valid'),
    serviceId: 'other',
    requestType,
    impact: undefined,
    answers: { topic: 'question' },
  });

  it.each([
    ['left out', undefined],
    ['empty', ''],
    ['another kind', 'fault'],
  ])('gives a service that takes one request type that type, whatever the client sends (%s)', (_case, requestType) => {
    const result = parseSubmission(services, other(requestType));

    expect(result.ok && result.submission.requestType).toBe('question');
  });

  it('keeps the note that the reporter phoned, and asks a written report after an urgent call only what the call does not cover', () => {
    const {
      answers: _covered,
      impact: _covered2,
      ...written
    } = { ...submissionFixture('radio-valid'), urgent: 'yes', calledDesk: 'yes' } as Record<string, unknown>;

    const result = parseSubmission(services, written);

    expect(result).toMatchObject({ ok: true, submission: { urgent: 'yes', calledDesk: true, answers: {} } });
    expect(result.ok && result.submission.impact).toBeUndefined();
  });

  it('keeps the reporter’s radio ISSI when given, and leaves it out when not', () => {
    const withIssi = parseSubmission(services, iccsWith('contact.issi', '2040123'));

    expect(withIssi.ok && withIssi.submission.contact.issi).toBe('2040123');
    expect(parseSubmission(services, submissionFixture('iccs-valid'))).toMatchObject({ ok: true, submission: { contact: { name: 'Kari Nordmann' } } });
    const without = parseSubmission(services, submissionFixture('iccs-valid'));
    expect(without.ok && 'issi' in without.submission.contact).toBe(false);
  });
});
