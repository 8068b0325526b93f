import { questionByField, visibleQuestions, type Journey } from '../../../functions/core/journey.ts';
import { answerSchema } from '../../../functions/core/report-submission.ts';

export type Values = Record<string, string>;

/** The same per-field rule the API applies, so a page can be checked before moving on. */
export function fieldError(journey: Journey, field: string, value: string | undefined): string | undefined {
  const question = questionByField(journey, field);
  if (!question) return undefined;
  const result = answerSchema(question).safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

type Field = HTMLInputElement | HTMLTextAreaElement;
const fieldsOf = (form: HTMLFormElement) =>
  Array.from(form.elements).filter((element): element is Field => element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement);

/** Every named field in the form, a radio group as its checked value, a checkbox when ticked. Nothing is changed. */
export function readValues(form: HTMLFormElement): Values {
  const values: Values = {};
  for (const element of fieldsOf(form)) {
    if (!element.name || element.name === 'serviceId') continue;
    if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')) {
      if (element.checked) values[element.name] = element.value;
    } else {
      values[element.name] = element.value;
    }
  }
  return values;
}

/** Puts values back; `only` limits it to some fields (the remembered contact details). */
export function writeValues(form: HTMLFormElement, values: Readonly<Values>, only?: ReadonlySet<string>): void {
  for (const element of fieldsOf(form)) {
    if (!element.name || element.name === 'serviceId' || (only && !only.has(element.name))) continue;
    const value = values[element.name];
    if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox'))
      element.checked = value !== undefined && element.value === value;
    else element.value = value ?? '';
  }
}

/**
 * The report as the API takes it: only what the journey asks for these answers (and what it answers itself), with
 * dotted names back into objects. The wizard's own fields (wizard.*) are never sent.
 */
export function toBody(journey: Journey, values: Readonly<Values>): Record<string, unknown> {
  const body: Record<string, unknown> = { serviceId: journey.service.id };
  const groups: Record<string, Values> = {};
  const fields = [...visibleQuestions(journey, values), ...journey.unasked].map((question) => question.field);
  for (const field of fields) {
    const value = values[field];
    if (value === undefined || value === '') continue;
    const [group, key] = field.split('.');
    if (!group) continue;
    if (key === undefined) body[group] = value;
    else body[group] = groups[group] = { ...groups[group], [key]: value };
  }
  return body;
}
