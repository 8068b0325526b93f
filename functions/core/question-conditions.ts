import type { Question } from '../catalog/schema.ts';
import { REQUEST_TYPE_CONDITION } from './request-details.ts';

/**
 * Which of a service's questions are asked, given the answers so far. The wizard, the plain form's server-side
 * check and the team e-mail all use this, so a hidden question is never required and its answer never kept.
 */

export function conditionMet(question: Pick<Question, 'showIf'>, answers: Readonly<Record<string, unknown>>, requestType: string): boolean {
  if (!question.showIf) return true;
  const actual = question.showIf.question === REQUEST_TYPE_CONDITION ? requestType : answers[question.showIf.question];
  const expected = Array.isArray(question.showIf.equals) ? question.showIf.equals : [question.showIf.equals];
  return typeof actual === 'string' && expected.includes(actual);
}

/** In order, so a question that depends on a hidden one is hidden too: its condition sees no answer. */
export function visibleQuestions<Q extends Pick<Question, 'id' | 'showIf'>>(questions: readonly Q[], answers: Readonly<Record<string, unknown>>, requestType: string): Q[] {
  const kept: Record<string, unknown> = {};
  const visible: Q[] = [];
  for (const question of questions) {
    if (!conditionMet(question, kept, requestType)) continue;
    visible.push(question);
    kept[question.id] = answers[question.id];
  }
  return visible;
}
