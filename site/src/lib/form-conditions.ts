import { labelOfAnswer, questionByField, type Condition, type Journey } from '../../../functions/core/journey.ts';

/** A condition in words, for the one-page form where every question is shown at once. */
export function conditionInWords(condition: Condition | undefined, journey: Journey): string | undefined {
  if (!condition) return undefined;
  const target = questionByField(journey, condition.field);
  if (!target) return undefined;
  const values = condition.equals.map((value) => `«${labelOfAnswer(target, value)}»`);
  return `Bare hvis du har svart ${values.join(' eller ')} på «${target.label}».`;
}
