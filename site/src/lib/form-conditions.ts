import type { Question } from '../../../functions/catalog/schema.ts';
import { labelOfAnswer, REQUEST_TYPE_QUESTION } from '../../../functions/core/request-details.ts';

/** A question's condition in words, for the one-page form where every question is shown at once. */
export function conditionInWords(question: Question, questions: readonly Question[]): string | undefined {
  if (!question.showIf) return undefined;
  const target = question.showIf.question === 'requestType' ? REQUEST_TYPE_QUESTION : questions.find((candidate) => candidate.id === question.showIf?.question);
  if (!target) return undefined;
  const values = [question.showIf.equals].flat().map((value) => `«${labelOfAnswer(target, value)}»`);
  return `Svar bare hvis du har svart ${values.join(' eller ')} på «${target.label}».`;
}
