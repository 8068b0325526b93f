import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { ContentError, type ContentProblem } from '../../functions/catalog/problems.ts';
import { answerSections } from '../../functions/core/answer-sections.ts';
import type { FormDefinition, ServiceForm } from '../../functions/core/form-definition.ts';
import { PHONE_STEP, REVIEW_STEP, stepsFor, suggestedPriority } from '../../functions/core/journey-steps.ts';
import { buildJourney, journeyFor } from '../../functions/core/build-journey.ts';
import { visiblePages, visibleQuestions } from '../../functions/core/journey.ts';
import type { PriorityPolicy } from '../../functions/core/priority.ts';
import { parseSubmission } from '../../functions/core/report-submission.ts';
import { CONTENT_DIR, realCatalog, realJourneys, submissionFixture } from './builders.ts';

/**
 * The journey: which pages and questions a report goes through. The same rules decide what the wizard shows, what
 * the API requires and keeps, and what «Sjekk svarene» and the desk's e-mail list.
 */

const yesNo = [
  { value: 'yes', label: 'Ja' },
  { value: 'no', label: 'Nei' },
];

/** A small form of our own, so these tests say what the mechanism does whatever the desk's content says. */
const FORM: FormDefinition = {
  sections: [
    { id: 'saken', title: 'Saken' },
    { id: 'mer', title: 'Mer' },
    { id: 'alvor', title: 'Alvor' },
    { id: 'deg', title: 'Deg' },
  ],
  questions: [
    { id: 'urgent', label: 'Haster det?', options: yesNo },
    {
      id: 'requestType',
      label: 'Hva gjelder det?',
      options: [
        { value: 'fault', label: 'Feil' },
        { value: 'change', label: 'Endring' },
        { value: 'question', label: 'Spørsmål' },
        { value: 'order', label: 'Bestilling' },
      ],
    },
    { id: 'summary', label: 'Overskrift' },
    { id: 'description', label: 'Beskrivelse' },
    {
      id: 'affected',
      label: 'Hvor mange?',
      options: [
        { value: 'one', label: 'Én' },
        { value: 'several', label: 'Flere' },
        { value: 'site', label: 'Et sted' },
        { value: 'many', label: 'Mange' },
      ],
    },
    { id: 'workaround', label: 'Går det an å jobbe rundt?', options: yesNo },
    { id: 'calledDesk', label: 'Har ringt', options: yesNo },
    { id: 'name', label: 'Navn' },
    { id: 'organisation', label: 'Virksomhet' },
    { id: 'phone', label: 'Telefon' },
    { id: 'email', label: 'E-post' },
    { id: 'issi', label: 'ISSI' },
  ],
  pages: [
    { id: 'start', title: 'Start', section: 'saken', questions: ['urgent', 'requestType'] },
    { id: 'om', title: 'Om', section: 'saken', questions: ['summary', 'description'] },
    { servicePages: { section: 'mer' } },
    { id: 'alvor', title: 'Alvor', section: 'alvor', showIf: { question: 'requestType', equals: 'fault' }, questions: ['affected', 'workaround'] },
    { id: 'deg', title: 'Deg', section: 'deg', questions: ['name', 'organisation', 'phone', 'email', 'issi'] },
  ],
  phone: {
    title: 'Ring',
    intro: 'Ring nå.',
    priorityIntro: 'Ring nå, prioriteten sier det.',
    writtenReport: 'Skriv i tillegg',
    writtenReportHint: 'Etter samtalen.',
    afterCall: ['start', 'om', 'deg'],
  },
  remember: { label: 'Husk', hint: 'h', remembered: 'r', forget: 'Glem', forgotten: 'f' },
  review: { title: 'Sjekk' },
  patientDataWarning: 'Ingen pasientdata.',
};

const SERVICE: ServiceForm = {
  id: 'relocation',
  name: 'Flytting',
  requestTypes: ['fault', 'order'],
  pages: [
    {
      title: 'Hva og når',
      questions: [
        {
          id: 'kind',
          label: 'Hva flyttes?',
          type: 'choice',
          required: true,
          options: [
            { value: 'room', label: 'Rommet' },
            { value: 'seat', label: 'En plass' },
          ],
        },
        { id: 'roomDate', label: 'Når flytter rommet?', type: 'date', required: true, showIf: { question: 'kind', equals: 'room' } },
      ],
    },
    { title: 'Nytt rom', showIf: { question: 'kind', equals: 'room' }, questions: [{ id: 'newAddress', label: 'Ny adresse?', type: 'text', required: true }] },
    { join: 'alvor', questions: [{ id: 'state', label: 'Er feilen der nå?', type: 'choice', required: true, options: yesNo }] },
  ],
};

const journey = journeyFor(FORM, SERVICE);
const pageIds = (values: Record<string, string>) => visiblePages(journey, values).map((page) => page.id);

describe('journeyFor: the pages of content/form.yaml with the service’s own put in', () => {
  it('puts the service’s pages where servicePages stands, and joined questions on top of their fixed page', () => {
    expect(journey.pages.map((page) => [page.id, page.section, page.questions.map((question) => question.field)])).toEqual([
      ['start', 'saken', ['urgent', 'requestType']],
      ['om', 'saken', ['summary', 'description']],
      ['relocation-1', 'mer', ['answers.kind', 'answers.roomDate']],
      ['relocation-2', 'mer', ['answers.newAddress']],
      ['alvor', 'alvor', ['answers.state', 'impact.affected', 'impact.workaround']],
      ['deg', 'deg', ['contact.name', 'contact.organisation', 'contact.phone', 'contact.email', 'contact.issi']],
    ]);
  });

  it('offers only the request types the service takes', () => {
    expect(journey.pages[0]?.questions[1]?.options?.map((option) => option.value)).toEqual(['fault', 'order']);
  });

  it('does not ask the request type of a service that takes one, and answers it itself', () => {
    const onlyOrders = journeyFor(FORM, { ...SERVICE, requestTypes: ['order'] });

    expect(onlyOrders.pages[0]?.questions.map((question) => question.field)).toEqual(['urgent']);
    expect(onlyOrders.preset).toEqual({ requestType: 'order' });
  });

  it('keeps the questions no page asks (that the reporter phoned) for their labels', () => {
    expect(journey.unasked.map((question) => [question.field, question.label])).toEqual([['calledDesk', 'Har ringt']]);
  });

  it('says where the content does not fit together, in the service’s own file', () => {
    const { problems } = buildJourney(FORM, {
      ...SERVICE,
      pages: [
        { title: 'A', questions: [{ id: 'early', label: 'Tidlig?', type: 'text', required: true, showIf: { question: 'later', equals: 'x' } }] },
        { join: 'nowhere', questions: [{ id: 'later', label: 'Senere?', type: 'choice', required: true, options: yesNo }] },
        { title: 'B', questions: [{ id: 'early', label: 'Igjen?', type: 'text', required: true }] },
      ],
    });

    expect(problems).toEqual([
      { source: 'service', path: ['pages', 1, 'join'], message: '«nowhere» er ikke en side i content/form.yaml (kan være: start, om, alvor, deg)' },
      { source: 'service', path: ['pages', 2, 'questions', 0, 'id'], message: '«early» er brukt før i samme tjeneste: hver id må være unik' },
      {
        source: 'service',
        path: ['pages', 0, 'questions', 0, 'showIf', 'question'],
        message: '«later» er ikke et spørsmål som kommer før dette (kan være: urgent, requestType, summary, description)',
      },
    ]);
  });
});

describe('visiblePages: what applies to the answers so far', () => {
  it.each([
    ['a room move asked as an order', { requestType: 'order', 'answers.kind': 'room' }, ['start', 'om', 'relocation-1', 'relocation-2', 'deg']],
    ['a seat move asked as an order', { requestType: 'order', 'answers.kind': 'seat' }, ['start', 'om', 'relocation-1', 'deg']],
    ['a fault', { requestType: 'fault', 'answers.kind': 'seat' }, ['start', 'om', 'relocation-1', 'alvor', 'deg']],
    ['no answers yet', {}, ['start', 'om', 'relocation-1', 'deg']],
  ])('for %s', (_case, values, expected) => {
    expect(pageIds(values)).toEqual(expected);
  });

  it('shows a question only when the earlier answer on the same page calls for it', () => {
    const fields = (values: Record<string, string>) => visibleQuestions(journey, values).map((question) => question.field);

    expect(fields({ 'answers.kind': 'room' })).toContain('answers.roomDate');
    expect(fields({ 'answers.kind': 'seat' })).not.toContain('answers.roomDate');
  });

  it('asks a written report after an urgent call only the pages listed in phone.afterCall', () => {
    expect(pageIds({ urgent: 'yes', calledDesk: 'yes', requestType: 'fault', 'answers.kind': 'room' })).toEqual(['start', 'om', 'deg']);
  });

  it('asks everything when the reporter said it is urgent but did not take the phone page’s way (no JavaScript)', () => {
    expect(pageIds({ urgent: 'yes', requestType: 'fault', 'answers.kind': 'seat' })).toEqual(['start', 'om', 'relocation-1', 'alvor', 'deg']);
  });
});

describe('stepsFor: the screens, the phone page and «Sjekk svarene»', () => {
  const policy = realCatalog().priority;
  const fault = { urgent: 'no', requestType: 'fault', 'answers.kind': 'seat' };

  it('ends with «Sjekk svarene»', () => {
    expect(stepsFor(journey, policy, fault).steps).toEqual(['start', 'om', 'relocation-1', 'alvor', 'deg', REVIEW_STEP]);
  });

  it('sends an urgent matter to the phone page straight after the question, and ends there', () => {
    expect(stepsFor(journey, policy, { ...fault, urgent: 'yes' })).toEqual({ steps: ['start', PHONE_STEP], phone: 'urgent' });
  });

  it('goes on from the phone page to the written report’s pages when the reporter chooses to write as well', () => {
    expect(stepsFor(journey, policy, { ...fault, urgent: 'yes', calledDesk: 'yes' }).steps).toEqual(['start', PHONE_STEP, 'om', 'deg', REVIEW_STEP]);
  });

  it('sends a fault whose answers give a priority to phone in to the phone page after the impact questions', () => {
    const p2 = { ...fault, 'impact.affected': 'several', 'impact.workaround': 'no' };

    expect(suggestedPriority(policy, p2)).toBe('P2');
    expect(stepsFor(journey, policy, p2)).toEqual({ steps: ['start', 'om', 'relocation-1', 'alvor', PHONE_STEP], phone: 'priority' });
    expect(stepsFor(journey, policy, { ...p2, calledDesk: 'yes' }).steps).toEqual(['start', 'om', 'relocation-1', 'alvor', PHONE_STEP, 'deg', REVIEW_STEP]);
  });

  it('leaves out a page the reporter need not see (remembered contact details)', () => {
    expect(stepsFor(journey, policy, fault, new Set(['deg'])).steps).toEqual(['start', 'om', 'relocation-1', 'alvor', REVIEW_STEP]);
  });

  it('suggests no priority for a fault until its impact is answered', () => {
    expect(suggestedPriority(policy, fault)).toBeUndefined();
    expect(suggestedPriority(policy, { ...fault, requestType: 'order' })).toBe('P4');
  });
});

describe('answerSections: «Sjekk svarene» and the desk’s e-mail', () => {
  it('groups the answers by section in words, each with the page to change it on, and what the journey answered itself', () => {
    const sections = answerSections(journey, {
      ...{ urgent: 'yes', calledDesk: 'yes', requestType: 'fault' },
      summary: 'Rommet',
      description: 'Alt er borte.',
      'contact.name': 'Kari',
    });

    expect(sections.map((section) => [section.title, section.rows.map((row) => [row.label, row.answer, row.page])])).toEqual([
      [
        'Saken',
        [
          ['Haster det?', 'Ja', 'start'],
          ['Hva gjelder det?', 'Feil', 'start'],
          ['Overskrift', 'Rommet', 'om'],
          ['Beskrivelse', 'Alt er borte.', 'om'],
          ['Har ringt', 'Ja', undefined],
        ],
      ],
      [
        'Deg',
        [
          ['Navn', 'Kari', 'deg'],
          ['Virksomhet', '', 'deg'],
          ['Telefon', '', 'deg'],
          ['E-post', '', 'deg'],
          ['ISSI', '', 'deg'],
        ],
      ],
    ]);
  });

  it('writes a date as people read it', () => {
    const sections = answerSections(journey, { requestType: 'order', 'answers.kind': 'room', 'answers.roomDate': '2027-06-01' });

    expect(sections.flatMap((section) => section.rows).find((row) => row.field === 'answers.roomDate')?.answer).toBe('01.06.2027');
  });
});

describe('the desk’s journeys from content/', () => {
  it.each([
    ['radio', 6],
    ['iccs', 6],
  ])('take a first-time %s fault through at most 7 screens, and remembered details through at most 5', (id, screens) => {
    const radio = realJourneys()[id as 'radio'];
    const fault = { urgent: 'no', requestType: 'fault', 'impact.affected': 'one', 'impact.workaround': 'yes' };

    expect(stepsFor(radio, realCatalog().priority, fault).steps).toHaveLength(screens);
    expect(stepsFor(radio, realCatalog().priority, fault, new Set(['contact'])).steps).toHaveLength(screens - 1);
  });
});

describe('parseSubmission with conditional questions', () => {
  const services = realJourneys();
  const relocation = (answers: Record<string, string>) => ({
    ...submissionFixture('iccs-valid'),
    serviceId: 'relocation',
    requestType: 'order',
    impact: undefined,
    answers,
  });

  it('requires a shown conditional question', () => {
    const result = parseSubmission(services, relocation({ relocationKind: 'controlRoom', fromAddress: 'Storgata 1' }));

    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(['answers.moveDate', 'answers.toAddress']);
  });

  it('drops the answer to a hidden question and does not require it', () => {
    const result = parseSubmission(
      services,
      relocation({
        relocationKind: 'operatorPosition',
        positionMoveDate: '2027-03-01',
        fromAddress: 'Storgata 1',
        toAddress: 'Nygata 2',
        moveDate: '2027-09-01',
      }),
    );

    expect(result.ok && result.submission.answers).toEqual({ relocationKind: 'operatorPosition', positionMoveDate: '2027-03-01', fromAddress: 'Storgata 1' });
  });

  it.each([
    ['not a date', '1. mars'],
    ['a date that does not exist', '2027-02-30'],
  ])('refuses a date that is %s, in Norwegian', (_case, value) => {
    const result = parseSubmission(services, relocation({ relocationKind: 'operatorPosition', positionMoveDate: value, fromAddress: 'Storgata 1' }));

    expect(result.ok ? [] : result.errors).toEqual([{ path: 'answers.positionMoveDate', message: 'Skriv datoen som dd.mm.åååå, for eksempel 01.06.2027.' }]);
  });
});

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function problemsWith(file: string, text: string): ContentProblem[] {
  const dir = mkdtempSync(join(tmpdir(), 'serviceportal-content-'));
  tempDirs.push(dir);
  cpSync(CONTENT_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), text);
  try {
    loadCatalog(dir);
  } catch (error) {
    if (error instanceof ContentError) return [...error.problems];
    throw error;
  }
  return [];
}

const VIDEO_HEAD = 'id: video\nname: Video\nshortName: Video\ndescription: d\nteam: video\npages:\n  - title: Side\n    questions:\n';
const CHOICE =
  '      - id: part\n        label: Del\n        type: choice\n        options:\n          - value: picture\n            label: Bilde\n          - value: sound\n            label: Lyd\n';

describe('check:content on conditions, with file and line', () => {
  it.each([
    [
      'a condition on a later question',
      `${VIDEO_HEAD}      - id: detail\n        label: Detalj\n        type: text\n        showIf: { question: part, equals: sound }\n${CHOICE}`,
      12,
      'pages[0].questions[0].showIf.question',
      '«part» er ikke et spørsmål som kommer før dette (kan være: urgent, requestType, summary, description)',
    ],
    [
      'a value the question cannot have',
      `${VIDEO_HEAD}${CHOICE}      - id: detail\n        label: Detalj\n        type: text\n        showIf: { question: part, equals: [sound, smell] }\n`,
      20,
      'pages[0].questions[1].showIf.equals',
      '«smell» er ikke et av valgene til «part» (picture, sound)',
    ],
    [
      'a request type that does not exist',
      `${VIDEO_HEAD}      - id: detail\n        label: Detalj\n        type: text\n        showIf: { question: requestType, equals: complaint }\n`,
      12,
      'pages[0].questions[0].showIf.equals',
      '«complaint» er ikke et av valgene til «requestType» (fault, change, question, order)',
    ],
    [
      'a notice period on a text question',
      `${VIDEO_HEAD}      - id: detail\n        label: Detalj\n        type: text\n        noticeDays: 30\n        noticeWarning: Kort varsel.\n`,
      12,
      'pages[0].questions[0].noticeDays',
      'brukes bare når type er date',
    ],
  ])('%s', (_case, text, line, field, message) => {
    expect(problemsWith('services/video.yaml', text)).toEqual([{ file: 'content/services/video.yaml', line, field, message }]);
  });
});
