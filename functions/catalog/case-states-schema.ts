import { z } from 'zod';
import { ACTORS, CASE_STATES, type CaseWords } from '../core/report-life.ts';
import { nonEmptyText as text, oneForEach, onlyFields } from './schema.ts';

/**
 * `content/case-states.yaml`: the words a reporter reads about a report's life. The states and actors are code
 * (core/report-life.ts); every one of them must have its words here, and no other.
 */

const stateWordsSchema = z.strictObject(
  {
    label: text.describe('Det korte navnet på tilstanden, slik den som meldte leser det, for eksempel «Registrert».'),
    explanation: text.describe('Én setning om hva tilstanden betyr for den som meldte.'),
  },
  {
    error: (issue) =>
      issue.input === undefined ? 'tilstanden mangler: skriv label og explanation for den' : onlyFields('en tilstand må ha label og explanation')(issue),
  },
);

export const caseStatesSchema = z.strictObject(
  {
    states: oneForEach(CASE_STATES, stateWordsSchema).describe('Hver tilstand en sak kan ha, med label og explanation.'),
    actors: oneForEach(ACTORS, text).describe('Ordet for hver som kan gjøre noe med en sak, slik det står i historikken.'),
    escalationRequested: text.describe('Det som står i historikken når den som meldte har bedt om eskalering.'),
  },
  { error: onlyFields('filen må inneholde states, actors og escalationRequested') },
);

true satisfies z.infer<typeof caseStatesSchema> extends CaseWords ? true : false;
true satisfies CaseWords extends z.infer<typeof caseStatesSchema> ? true : false;
