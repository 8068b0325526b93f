import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { ACTORS, CASE_STATES } from '../../functions/core/report-life.ts';
import { contentProblemsWith } from '../support/content-problems.ts';
import { CONTENT_DIR } from './builders.ts';

/** content/case-states.yaml: the words for a report's life are the editors', and every state and actor has them. */

const { problemsWith, removeCopies } = contentProblemsWith('case-states.yaml');
afterAll(removeCopies);

const ORIGINAL = readFileSync(join(CONTENT_DIR, 'case-states.yaml'), 'utf8');

describe('content/case-states.yaml', () => {
  it('gives every state a label and an explanation, and every actor a word', () => {
    const { caseStates } = loadCatalog(CONTENT_DIR);

    expect(Object.keys(caseStates.states)).toEqual([...CASE_STATES]);
    expect(Object.keys(caseStates.actors)).toEqual([...ACTORS]);
    expect(Object.values(caseStates.states).map((state) => state.label)).toEqual([
      'Mottatt',
      'Registrert',
      'Sendt til fagteam',
      'Venter på deg',
      'Løst',
      'Lukket',
    ]);
    expect(caseStates.actors).toEqual({
      desk: 'Servicedesk',
      team: 'fagteamet',
      caseSystem: 'saksbehandlingssystemet',
      reporter: 'deg',
      portal: 'Serviceportalen',
    });
  });

  it.each([
    [
      'a state left out',
      ORIGINAL.replace(/\n  closed:\n.*\n.*\n/, '\n'),
      [{ line: 7, field: 'states.closed', message: 'tilstanden mangler: skriv label og explanation for den' }],
    ],
    [
      'a state without its explanation',
      ORIGINAL.replace(/\n    explanation: Saken er avsluttet\./, ''),
      [{ line: 23, field: 'states.closed.explanation', message: 'må være en tekst' }],
    ],
    [
      'a misspelt state',
      ORIGINAL.replace('  solved:', '  solvd:'),
      [
        { line: 7, field: 'states.solved', message: 'tilstanden mangler: skriv label og explanation for den' },
        { line: 7, field: 'states', message: 'ukjent felt «solvd»: sjekk stavingen, eller se CONTENT.md' },
      ],
    ],
    ['an empty actor word', ORIGINAL.replace('team: fagteamet', 'team: ""'), [{ line: 29, field: 'actors.team', message: 'kan ikke være tom' }]],
  ])('names %s with file and line', (_case, text, expected) => {
    const problems = problemsWith(text);

    expect(problems).toEqual(expected.map((problem) => ({ file: 'content/case-states.yaml', ...problem })));
  });

  it('says so when the file is missing', () => {
    expect(problemsWith(undefined)).toEqual([{ file: 'content/case-states.yaml', line: 1, field: '', message: 'filen mangler' }]);
  });
});
