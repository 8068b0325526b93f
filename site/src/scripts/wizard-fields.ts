import type { Question } from '../../../functions/catalog/schema.ts';
import { answerSchema, contactSchema, descriptionSchema, summarySchema } from '../../../functions/core/report-submission.ts';
import { impactSchema, requestTypeSchema } from '../../../functions/core/request-details.ts';

/** The service as the page hands it to the wizard (data-wizard on the form). */
export interface ServiceDefinition {
  id: string;
  name: string;
  questions: Question[];
  fallbackAddress: string;
}

export type Values = Record<string, string>;

interface Checkable {
  safeParse(value: unknown): { success: boolean; error?: { issues: readonly { message: string }[] } };
}

/** The same per-field rules the API applies, so a page can be checked before moving on. */
export function fieldSchema(name: string, service: ServiceDefinition): Checkable | undefined {
  const [group, key = ''] = name.split('.');
  if (name === 'requestType') return requestTypeSchema;
  if (name === 'summary') return summarySchema;
  if (name === 'description') return descriptionSchema;
  if (group === 'contact') return contactSchema.shape[key as keyof typeof contactSchema.shape];
  if (group === 'impact') return impactSchema.shape[key as keyof typeof impactSchema.shape];
  if (group === 'answers') {
    const question = service.questions.find((candidate) => candidate.id === key);
    return question ? answerSchema(question) : undefined;
  }
  return undefined;
}

export function fieldError(name: string, value: string | undefined, service: ServiceDefinition): string | undefined {
  if (name === 'wizard.urgent') return value ? undefined : 'Svar ja eller nei.';
  const result = fieldSchema(name, service)?.safeParse(value);
  return result && !result.success ? result.error?.issues[0]?.message : undefined;
}

/** Every named field in the form, a radio group as its checked value. Nothing is changed, so nothing typed is lost. */
export function readValues(form: HTMLFormElement): Values {
  const values: Values = {};
  for (const element of Array.from(form.elements) as HTMLInputElement[]) {
    if (!element.name || element.type === 'hidden' || element.type === 'button' || element.type === 'submit') continue;
    if (element.type === 'radio') {
      if (element.checked) values[element.name] = element.value;
    } else {
      values[element.name] = element.value;
    }
  }
  return values;
}

export function writeValues(form: HTMLFormElement, values: Values): void {
  for (const element of Array.from(form.elements) as HTMLInputElement[]) {
    const value = values[element.name];
    if (value === undefined || element.type === 'hidden') continue;
    if (element.type === 'radio') element.checked = element.value === value;
    else element.value = value;
  }
}

/** Dotted names back into the report's shape; the wizard's own questions (wizard.*) are never sent. */
export function toSubmission(serviceId: string, values: Values): Record<string, unknown> {
  const submission: Record<string, unknown> = { serviceId };
  for (const [name, value] of Object.entries(values)) {
    const [group, key] = name.split('.');
    if (!group || group === 'wizard') continue;
    if (key === undefined) submission[group] = value;
    else submission[group] = { ...(submission[group] as Record<string, string> | undefined), [key]: value };
  }
  return submission;
}
