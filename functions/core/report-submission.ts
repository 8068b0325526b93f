import * as z from 'zod/mini';
import type { Question, Service } from '../catalog/schema.ts';
import { isServiceId, SERVICE_IDS, type ServiceId } from './service-ids.ts';
import { containsNationalIdNumber, NATIONAL_ID_MESSAGE } from './national-id.ts';
import type { ImpactAnswers } from './priority.ts';
import { impactSchema, requestTypeSchema, type RequestType } from './request-details.ts';
import { visibleQuestions } from './question-conditions.ts';
import { dateText, multiLineText, singleLineText, type TextSchema } from './text-rules.ts';

/**
 * What a reporter submits. The schema is built from the service's questions in `content/services/`, so the form on
 * the site, the API and the tests all validate with the same rules and the same Norwegian messages. It uses
 * zod/mini because the wizard bundles it into the browser.
 */

export const contactSchema = z.object({
  name: singleLineText({ required: true, max: 120, missing: 'Skriv inn navnet ditt.' }),
  organisation: singleLineText({ required: true, max: 160, missing: 'Skriv inn hvilken virksomhet du melder for.' }),
  phone: z.string({ error: 'Skriv inn et telefonnummer vi kan nå deg på.' }).check(
    z.trim(),
    z.refine((v) => v.length > 0, { error: 'Skriv inn et telefonnummer vi kan nå deg på.' }),
    z.refine((v) => /^\+?[0-9][0-9 ]{6,18}[0-9]$/.test(v), { error: 'Skriv inn et telefonnummer med bare tall, for eksempel 912 34 567.' }),
    z.refine((v) => !containsNationalIdNumber(v), { error: NATIONAL_ID_MESSAGE }),
  ),
  email: z.pipe(
    z.string({ error: 'Skriv inn e-postadressen din.' }).check(z.trim(), z.refine((v) => v.length > 0, { error: 'Skriv inn e-postadressen din.' })),
    z.email({ error: 'Skriv inn en gyldig e-postadresse, for eksempel navn@virksomhet.no.' }),
  ),
});
export type Contact = z.output<typeof contactSchema>;

export const SUMMARY_MAX = 120;
export const DESCRIPTION_MAX = 4000;

export function answerSchema(question: Question): z.ZodMiniType<string | undefined, unknown> | TextSchema {
  const missing = question.missingMessage ?? `Svar på «${question.label}».`;
  switch (question.type) {
    case 'date':
      return dateText({ required: question.required, missing });
    case 'text':
      return singleLineText({ required: question.required, max: question.maxLength ?? 200, missing });
    case 'textarea':
      return multiLineText({ required: question.required, max: question.maxLength ?? 2000, missing });
    case 'choice': {
      const values = (question.options ?? []).map((option) => option.value);
      const choice = z.enum(values as [string, ...string[]], {
        error: (issue) => (issue.input === undefined ? missing : 'Velg ett av alternativene.'),
      });
      // An unticked radio group is absent, an empty <select> sends '': both mean "no answer".
      return z.pipe(z.transform((v) => (v === '' ? undefined : v)), question.required ? choice : z.optional(choice));
    }
  }
}

export const summarySchema = singleLineText({ required: true, max: SUMMARY_MAX, missing: 'Skriv en kort overskrift som sier hva som er feil.' });
export const descriptionSchema = multiLineText({ required: true, max: DESCRIPTION_MAX, missing: 'Beskriv hva som skjer, og hva du forventet skulle skje.' });

const orEmpty = <T extends z.core.$ZodType<unknown, {}>>(schema: T) => z.pipe(z.transform((value: unknown) => value ?? {}), schema);

/**
 * Faults are asked about impact and urgency (the priority follows); other requests are not. Only the questions
 * shown for `answers` are in the schema: a hidden one is never required, and its answer is dropped.
 */
export function submissionSchemaFor(service: Service, requestType: RequestType = 'fault', answers: Readonly<Record<string, unknown>> = {}) {
  const asked = visibleQuestions(service.questions, answers, requestType);
  return z.object({
    serviceId: z.literal(service.id),
    requestType: z.literal(requestType),
    summary: summarySchema,
    description: descriptionSchema,
    // prefault, not default: a missing object must still be checked, so every required answer is asked for.
    answers: z.prefault(z.object(Object.fromEntries(asked.map((q) => [q.id, answerSchema(q)]))), {}),
    contact: orEmpty(contactSchema),
    impact: requestType === 'fault' ? orEmpty(impactSchema) : z.catch(z.undefined(), undefined),
  });
}

export interface ReportSubmission {
  serviceId: ServiceId;
  requestType: RequestType;
  /** Present for faults, absent for other request types. */
  impact?: ImpactAnswers;
  summary: string;
  description: string;
  answers: Record<string, string>;
  contact: Contact;
}

export interface FieldError {
  /** Dotted path, the same as the form field's name, e.g. `contact.email`. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; submission: ReportSubmission } | { ok: false; errors: FieldError[] };

export function parseSubmission(services: Readonly<Record<ServiceId, Service>>, input: unknown): ParseResult {
  const fields = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  if (!isServiceId(fields.serviceId)) {
    return { ok: false, errors: [{ path: 'serviceId', message: `Velg hvilken tjeneste feilen gjelder (${SERVICE_IDS.length} valg).` }] };
  }
  // A missing request type means a fault: the no-JavaScript form and older clients send none.
  const requestType = requestTypeSchema.safeParse(fields.requestType ?? 'fault');
  const given = typeof fields.answers === 'object' && fields.answers !== null ? (fields.answers as Record<string, unknown>) : {};
  const schema = submissionSchemaFor(services[fields.serviceId], requestType.success ? requestType.data : 'fault', given);
  const result = schema.safeParse({ ...fields, requestType: requestType.success ? requestType.data : 'fault' });
  const issues = [...(requestType.success ? [] : requestType.error.issues.map((issue) => ({ ...issue, path: ['requestType'] }))), ...(result.error?.issues ?? [])];
  if (!result.success || issues.length > 0) return { ok: false, errors: firstErrorPerField(issues) };

  const answers = Object.fromEntries(
    Object.entries(result.data.answers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
  const { impact, ...rest } = result.data;
  return { ok: true, submission: { ...rest, answers, ...(impact ? { impact } : {}) } };
}

/** One message per field, the first, so the reporter sees what to do rather than every rule that failed. */
function firstErrorPerField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (!errors.has(path)) errors.set(path, issue.message);
  }
  return [...errors].map(([path, message]) => ({ path, message }));
}
