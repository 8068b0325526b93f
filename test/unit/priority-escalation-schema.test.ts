import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { ContentError, type ContentProblem } from '../../functions/catalog/problems.ts';
import { CONTENT_DIR } from './builders.ts';

/** `escalation` in content/priority.yaml, broken by an editor: each problem with file, line and field. */

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const PRIORITY = readFileSync(join(CONTENT_DIR, 'priority.yaml'), 'utf8');
const lineOf = (text: string) => PRIORITY.split('\n').findIndex((line) => line.includes(text)) + 1;

function problemsWith(from: string, to: string): ContentProblem[] {
  expect(PRIORITY).toContain(from);
  const dir = mkdtempSync(join(tmpdir(), 'serviceportal-escalation-'));
  tempDirs.push(dir);
  cpSync(CONTENT_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'priority.yaml'), PRIORITY.replace(from, to));
  try {
    loadCatalog(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(({ file, line, field, message }) => ({ file, line, field, message }));
    throw error;
  }
  return [];
}

describe('content/priority.yaml: escalation', () => {
  it('is read from the real content, and may be left out (the portal then offers none)', () => {
    expect(loadCatalog(CONTENT_DIR).priority.escalation?.after.P3).toEqual({ hours: 4, openingHours: true });
    expect(problemsWith(PRIORITY.slice(PRIORITY.indexOf('\n# «Be om eskalering»')), '\n')).toEqual([]);
  });

  it.each([
    [
      'hours that are not a number',
      'P3: { hours: 4, openingHours: true }',
      'P3: { hours: fire, openingHours: true }',
      'escalation.after.P3.hours',
      'må være et antall timer, for eksempel 4',
    ],
    [
      'no hours',
      'P1: { hours: 1, openingHours: false }',
      'P1: { openingHours: false }',
      'escalation.after.P1.hours',
      'må være et antall timer, for eksempel 4',
    ],
    ['zero hours', 'P2: { hours: 2, openingHours: false }', 'P2: { hours: 0, openingHours: false }', 'escalation.after.P2.hours', 'må være flere enn 0 timer'],
    [
      'openingHours as a word',
      'P4: { hours: 16, openingHours: true }',
      'P4: { hours: 16, openingHours: ja }',
      'escalation.after.P4.openingHours',
      'må være true eller false',
    ],
    [
      'a misspelt field',
      'P4: { hours: 16, openingHours: true }',
      'P4: { hours: 16, openinghours: true }',
      'escalation.after.P4',
      'ukjent felt «openinghours»: sjekk stavingen, eller se CONTENT.md',
    ],
  ])('%s', (_case, from, to, field, message) => {
    const line = lineOf(from);

    expect(problemsWith(from, to)).toEqual([{ file: 'content/priority.yaml', line, field, message }]);
  });

  it('a level left out', () => {
    const problems = problemsWith('    P4: { hours: 16, openingHours: true }\n', '');

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/priority.yaml', field: 'escalation.after.P4' });
    expect(problems[0]?.line).toBeGreaterThanOrEqual(lineOf('after:'));
  });
});
