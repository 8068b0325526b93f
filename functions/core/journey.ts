import { FIXED_QUESTIONS } from './fixed-questions.ts';
import type { Question } from './form-definition.ts';

/**
 * A service's journey: the fixed pages of content/form.yaml with the service's own pages put in, every question
 * named by its form field. It is the one description of the form: the site renders the one-page form and the
 * wizard's pages from it, the wizard walks it, the API builds its schema from it and the e-mails take its labels.
 */

export interface Condition {
  /** The field of the question it depends on. */
  field: string;
  equals: string[];
}

/** A question as the journey asks it: what the editor wrote, named by its form field, its condition resolved. */
export interface JourneyQuestion extends Omit<Question, 'id' | 'showIf'> {
  /** The form field's name and the path in the API's body: `summary`, `contact.email`, `answers.issi`. */
  field: string;
  showIf?: Condition | undefined;
  autocomplete?: string | undefined;
  remember?: boolean | undefined;
}

export interface JourneyPage {
  id: string;
  title: string;
  section: string;
  showIf?: Condition | undefined;
  questions: JourneyQuestion[];
}

export interface Journey {
  service: { id: string; name: string };
  sections: { id: string; title: string }[];
  pages: JourneyPage[];
  /** Questions no page asks: answered by the journey itself (calledDesk), or the service's only request type. */
  unasked: JourneyQuestion[];
  /** Answers given without asking: the request type of a service that takes only one. */
  preset: Record<string, string>;
  /** The pages a written report after an urgent call asks. */
  afterCall: string[];
}

export type Values = Readonly<Record<string, string | undefined>>;

export const ANSWERS = 'answers.';

export function conditionMet(condition: Condition | undefined, kept: Values): boolean {
  if (!condition) return true;
  const actual = kept[condition.field];
  return typeof actual === 'string' && condition.equals.includes(actual);
}

/** An urgent matter the reporter has phoned in: the written report asks only what the call does not cover. */
export function isWrittenAfterCall(values: Values): boolean {
  return values[FIXED_QUESTIONS.urgent.field] === 'yes' && values[FIXED_QUESTIONS.calledDesk.field] === 'yes';
}

/**
 * The pages asked for these answers, each with only the questions that apply. In order, so a question that depends
 * on a hidden one is hidden too: its condition sees no answer. The wizard, the API's schema and the e-mails use this,
 * so a hidden question is never required and its answer never kept.
 */
export function visiblePages(journey: Journey, values: Values): JourneyPage[] {
  const kept: Record<string, string | undefined> = { ...journey.preset };
  const afterCall = isWrittenAfterCall(values);
  const visible: JourneyPage[] = [];
  for (const page of journey.pages) {
    if (afterCall && !journey.afterCall.includes(page.id)) continue;
    if (!conditionMet(page.showIf, kept)) continue;
    const questions = page.questions.filter((question) => {
      if (!conditionMet(question.showIf, kept)) return false;
      kept[question.field] = values[question.field];
      return true;
    });
    if (questions.length > 0) visible.push({ ...page, questions });
  }
  return visible;
}

export function visibleQuestions(journey: Journey, values: Values): JourneyQuestion[] {
  return visiblePages(journey, values).flatMap((page) => page.questions);
}

/** The page of details the reporter may keep on the device («Husk meg»): every question on it is one to remember. */
export function rememberPageOf(journey: Journey): JourneyPage | undefined {
  return journey.pages.find((page) => page.questions.length > 0 && page.questions.every((question) => question.remember));
}

/** Every question of the journey, asked or not, by field: for labels. */
export function questionByField(journey: Journey, field: string): JourneyQuestion | undefined {
  for (const page of journey.pages) for (const question of page.questions) if (question.field === field) return question;
  return journey.unasked.find((question) => question.field === field);
}

export function labelOfAnswer(question: Pick<JourneyQuestion, 'options'> | undefined, value: string): string {
  return question?.options?.find((option) => option.value === value)?.label ?? value;
}

/** The answers as the form sends them: `{ contact: { email } }` becomes `{ 'contact.email': … }`. */
export function flatValues(body: Readonly<Record<string, unknown>>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') values[key] = value;
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [inner, answer] of Object.entries(value)) if (typeof answer === 'string') values[`${key}.${inner}`] = answer;
    }
  }
  return values;
}
