import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { ContentError, type ContentProblem } from '../../functions/catalog/problems.ts';
import { visibleQuestions } from '../../functions/core/question-conditions.ts';
import { parseSubmission } from '../../functions/core/report-submission.ts';
import { CONTENT_DIR, realCatalog, submissionFixture } from './builders.ts';

/** Conditional questions (showIf): the same rule decides what the wizard asks and what the API requires and keeps. */

const services = realCatalog().services;
const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const relocation = (answers: Record<string, string>) => ({ ...submissionFixture('iccs-valid'), serviceId: 'relocation', requestType: 'order', impact: undefined, answers });

describe('visibleQuestions', () => {
  it.each([
    ['a control room move', 'order', { relocationKind: 'controlRoom' }, ['relocationKind', 'moveDate', 'fromAddress', 'toAddress', 'positions', 'siteContact']],
    ['an operator position move', 'order', { relocationKind: 'operatorPosition' }, ['relocationKind', 'positionMoveDate', 'fromAddress', 'positions', 'siteContact']],
    ['no answer yet', 'order', {}, ['relocationKind', 'fromAddress', 'positions', 'siteContact']],
  ])('asks for %s only what applies', (_case, requestType, answers, expected) => {
    expect(visibleQuestions(services.relocation.questions, answers, requestType).map((question) => question.id)).toEqual(expected);
  });

  it('asks about the fault state only when the request is a fault', () => {
    const ids = (requestType: string) => visibleQuestions(services.radio.questions, {}, requestType).map((question) => question.id);

    expect(ids('fault')).toContain('faultState');
    expect(ids('question')).not.toContain('faultState');
  });
});

describe('parseSubmission with conditional questions', () => {
  it('requires a shown conditional question', () => {
    const result = parseSubmission(services, relocation({ relocationKind: 'controlRoom', fromAddress: 'Storgata 1' }));

    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(['answers.moveDate', 'answers.toAddress']);
  });

  it('drops the answer to a hidden question and does not require it', () => {
    const result = parseSubmission(services, relocation({ relocationKind: 'operatorPosition', positionMoveDate: '2027-03-01', fromAddress: 'Storgata 1', toAddress: 'Nygata 2', moveDate: '2027-09-01' }));

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

const VIDEO_HEAD = 'id: video\nname: Video\nshortName: Video\ndescription: d\nteam: video\nquestions:\n';
const CHOICE = '  - id: part\n    label: Del\n    type: choice\n    options:\n      - value: picture\n        label: Bilde\n      - value: sound\n        label: Lyd\n';

describe('check:content on conditions, with file and line', () => {
  it.each([
    ['a condition on a later question', `${VIDEO_HEAD}  - id: detail\n    label: Detalj\n    type: text\n    showIf: { question: part, equals: sound }\n${CHOICE}`, 10, 'questions[0].showIf.question', '«part» er ikke et spørsmål lenger opp i samme tjeneste (kan være: requestType)'],
    ['a value the question cannot have', `${VIDEO_HEAD}${CHOICE}  - id: detail\n    label: Detalj\n    type: text\n    showIf: { question: part, equals: [sound, smell] }\n`, 18, 'questions[1].showIf.equals', '«smell» er ikke et av valgene til «part» (picture, sound)'],
    ['a request type that does not exist', `${VIDEO_HEAD}  - id: detail\n    label: Detalj\n    type: text\n    showIf: { question: requestType, equals: complaint }\n`, 10, 'questions[0].showIf.equals', '«complaint» er ikke et av valgene til «requestType» (fault, change, question, order)'],
    ['a notice period on a text question', `${VIDEO_HEAD}  - id: detail\n    label: Detalj\n    type: text\n    noticeDays: 30\n    noticeWarning: Kort varsel.\n`, 10, 'questions[0].noticeDays', 'brukes bare når type er date'],
  ])('%s', (_case, text, line, field, message) => {
    expect(problemsWith('services/video.yaml', text)).toEqual([{ file: 'content/services/video.yaml', line, field, message }]);
  });
});
