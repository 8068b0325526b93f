import * as z from 'zod/mini';
import type { Question } from '../catalog/schema.ts';
import { AFFECTED_SCOPES, YES_NO, type AffectedScope, type ImpactAnswers, type YesNo } from './priority.ts';

/**
 * The questions every report answers besides the service's own: what kind of request it is, and the plain
 * questions the priority is derived from. Defined once here for the schema, the form and the team e-mail.
 */

export const REQUEST_TYPES = ['fault', 'change', 'question', 'order'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** A service question may be asked only for some request types: `showIf: { question: requestType, equals: fault }`. */
export const REQUEST_TYPE_CONDITION = 'requestType';

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  fault: 'Feil eller driftsforstyrrelse',
  change: 'Endringsønske',
  question: 'Spørsmål',
  order: 'Bestilling',
};

const AFFECTED_LABELS: Record<AffectedScope, string> = {
  one: 'Én bruker eller én operatørplass',
  several: 'Flere brukere eller operatørplasser',
  site: 'Et helt kontrollrom eller en hel virksomhet',
  many: 'Flere kontrollrom eller virksomheter',
};

const YES_NO_LABELS: Record<YesNo, string> = { yes: 'Ja', no: 'Nei' };

export const REQUEST_TYPE_QUESTION = {
  id: 'requestType',
  label: 'Hva gjelder henvendelsen?',
  type: 'choice',
  required: true,
  options: REQUEST_TYPES.map((value) => ({ value, label: REQUEST_TYPE_LABELS[value] })),
  missingMessage: 'Velg hva henvendelsen gjelder.',
} as const satisfies Question;

/** Asked for faults only; the answers decide the priority (see priority.ts). */
export const IMPACT_QUESTIONS = [
  {
    id: 'affected',
    label: 'Hvor mange er rammet?',
    type: 'choice',
    required: true,
    options: AFFECTED_SCOPES.map((value) => ({ value, label: AFFECTED_LABELS[value] })),
    missingMessage: 'Velg hvor mange som er rammet.',
  },
  {
    id: 'workaround',
    label: 'Kan dere jobbe rundt feilen i mellomtiden?',
    hint: 'For eksempel ved å bruke en annen operatørplass, en reserveløsning eller telefon i stedet for radio.',
    type: 'choice',
    required: true,
    options: YES_NO.map((value) => ({ value, label: YES_NO_LABELS[value] })),
    missingMessage: 'Svar på om dere kan jobbe rundt feilen.',
  },
  {
    id: 'emergencyResponse',
    label: 'Er nødmeldetjenesten eller pasientsikkerheten berørt?',
    hint: 'Svarer du ja, ring også Servicedesk på 08915 med en gang.',
    type: 'choice',
    required: true,
    options: YES_NO.map((value) => ({ value, label: YES_NO_LABELS[value] })),
    missingMessage: 'Svar på om nødmeldetjenesten eller pasientsikkerheten er berørt.',
  },
] as const satisfies readonly (Question & { id: keyof ImpactAnswers })[];

function choice<T extends readonly [string, ...string[]]>(values: T, missing: string) {
  return z.enum(values as unknown as { -readonly [K in keyof T]: T[K] }, { error: (issue) => (issue.input === undefined || issue.input === '' ? missing : 'Velg ett av alternativene.') });
}

export const requestTypeSchema = choice(REQUEST_TYPES, REQUEST_TYPE_QUESTION.missingMessage);

export const impactSchema = z.object({
  affected: choice(AFFECTED_SCOPES, IMPACT_QUESTIONS[0].missingMessage),
  workaround: choice(YES_NO, IMPACT_QUESTIONS[1].missingMessage),
  emergencyResponse: choice(YES_NO, IMPACT_QUESTIONS[2].missingMessage),
});

export function labelOfAnswer(question: Pick<Question, 'options'>, value: string): string {
  return question.options?.find((option) => option.value === value)?.label ?? value;
}
