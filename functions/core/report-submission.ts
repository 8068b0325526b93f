import * as z from 'zod/mini';
import { AFFECTED_SCOPES, FIELD, isOneOf, REQUEST_TYPES, YES_NO, type RequestType, type YesNo } from './fixed-questions.ts';
import { ANSWERS, flatValues, visibleQuestions, type Journey, type JourneyQuestion, type Values } from './journey.ts';
import type { ImpactAnswers } from './priority.ts';
import { isServiceId, SERVICE_IDS, type ServiceId } from './service-ids.ts';
import { dateText, multiLineText, singleLineText, typedText, type TextSchema } from './text-rules.ts';
import { isJsonObject } from '../vocabulary/json-guards.ts';

/**
 * What a reporter submits. The schema is built from the service's journey (content/form.yaml and
 * content/services/), so the form on the site, the API and the tests validate with the same rules and the same
 * Norwegian messages. It checks the answers by field name (`contact.email`), as the form sends them. zod/mini,
 * because the wizard bundles it into the browser.
 */

/** How to reach the person who reported: not to be confused with the desk's channels in content/contact.yaml. */
export interface ReporterContact {
  name: string;
  organisation: string;
  phone: string;
  email: string;
  /** Their radio's ISSI, for when the phone is down too. */
  issi?: string;
}

export interface ReportSubmission {
  serviceId: ServiceId;
  requestType: RequestType;
  urgent: YesNo;
  /** The reporter phoned the desk first and sends this as the written record. */
  calledDesk: boolean;
  /** Present for faults (unless phoned in as urgent), absent for other request types. */
  impact?: ImpactAnswers;
  summary: string;
  description: string;
  answers: Record<string, string>;
  contact: ReporterContact;
}

export interface FieldError {
  /** The form field's name, e.g. `contact.email`. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; submission: ReportSubmission } | { ok: false; errors: FieldError[] };

const PHONE = /^\+?[0-9][0-9 ]{6,18}[0-9]$/;
const EMAIL_MESSAGE = 'Skriv inn en gyldig e-postadresse, for eksempel navn@virksomhet.no.';

// Phone numbers and e-mail addresses are typed text too: the same rules apply (well-formed, NFC, no national
// identity number, `01019012480@example.no` included), then their own format.
function phoneText(options: { required: boolean; missing: string }): TextSchema {
  return typedText(
    options,
    z.refine((v) => v === '' || PHONE.test(v), { error: 'Skriv inn et telefonnummer med bare tall, for eksempel 912 34 567.' }),
  );
}

function emailText(options: { required: boolean; missing: string; max?: number }): TextSchema {
  const address = z.email({ error: EMAIL_MESSAGE });
  return typedText(
    options,
    z.refine((v) => v === '' || address.safeParse(v).success, { error: EMAIL_MESSAGE }),
  );
}

export function answerSchema(question: JourneyQuestion): z.ZodMiniType<string | undefined, unknown> | TextSchema {
  const missing = question.missingMessage ?? `Svar på «${question.label}».`;
  const required = question.required;
  switch (question.type) {
    case 'date':
      return dateText({ required, missing });
    case 'tel':
      return phoneText({ required, missing });
    case 'email':
      return emailText({ required, missing, ...(question.maxLength ? { max: question.maxLength } : {}) });
    case 'text':
      return singleLineText({ required, max: question.maxLength ?? 200, missing });
    case 'textarea':
      return multiLineText({ required, max: question.maxLength ?? 2000, missing });
    case 'choice': {
      const values = (question.options ?? []).map((option) => option.value);
      const choice = z.enum(values, {
        error: (issue) => (issue.input === undefined ? missing : 'Velg ett av alternativene.'),
      });
      // An unticked radio group is absent, an empty <select> sends '': both mean "no answer".
      return z.pipe(
        z.transform((v) => (v === '' ? undefined : v)),
        required ? choice : z.optional(choice),
      );
    }
  }
}

/** Only the questions asked for these answers are in the schema: a hidden one is never required, and its answer is dropped. */
export function submissionSchemaFor(journey: Journey, values: Values) {
  const asked = visibleQuestions(journey, values);
  const unasked = journey.unasked.map((question) => ({ ...question, required: false }));
  return z.object(Object.fromEntries([...asked, ...unasked].map((question) => [question.field, answerSchema(question)])));
}

/** The answers the journey asks for, checked, as the report the API stores. `input` is the API's body, nested. */
export function parseSubmission(journeys: Readonly<Record<ServiceId, Journey>>, input: unknown): ParseResult {
  const body = isJsonObject(input) ? input : {};
  if (!isServiceId(body.serviceId)) {
    return { ok: false, errors: [{ path: 'serviceId', message: `Velg hvilken tjeneste feilen gjelder (${SERVICE_IDS.length} valg).` }] };
  }
  const journey = journeys[body.serviceId];
  // What the service answers itself (its only request type) is not the client's to change.
  const values = { ...flatValues(body), ...journey.preset };
  const result = submissionSchemaFor(journey, values).safeParse(values);
  if (!result.success) return { ok: false, errors: firstErrorPerField(result.error.issues) };
  const answers = result.data as Record<string, string | undefined>;
  const requestType = answers[FIELD.requestType];
  const urgent = answers[FIELD.urgent];
  // The form asks both on its first page; a form in content/ that stopped asking them is caught here, not stored.
  if (!isOneOf(REQUEST_TYPES, requestType) || !isOneOf(YES_NO, urgent)) {
    return {
      ok: false,
      errors: [{ path: isOneOf(YES_NO, urgent) ? FIELD.requestType : FIELD.urgent, message: 'Skjemaet mangler et svar det må ha. Ring Servicedesk.' }],
    };
  }
  return { ok: true, submission: toSubmission(body.serviceId, { requestType, urgent }, answers) };
}

/** The checked answers in the stored report's shape; every choice has been checked against its values. */
function toSubmission(
  serviceId: ServiceId,
  fixed: Pick<ReportSubmission, 'requestType' | 'urgent'>,
  answers: Record<string, string | undefined>,
): ReportSubmission {
  const given = (field: string) => answers[field] || undefined;
  const affected = given(FIELD.affected);
  const workaround = given(FIELD.workaround);
  const issi = given(FIELD.issi);
  return {
    serviceId,
    ...fixed,
    calledDesk: given(FIELD.calledDesk) === 'yes',
    ...(isOneOf(AFFECTED_SCOPES, affected) && isOneOf(YES_NO, workaround) ? { impact: { affected, workaround } } : {}),
    summary: given(FIELD.summary) ?? '',
    description: given(FIELD.description) ?? '',
    answers: Object.fromEntries(
      Object.entries(answers).flatMap(([field, value]) => (field.startsWith(ANSWERS) && value ? [[field.slice(ANSWERS.length), value]] : [])),
    ),
    contact: {
      name: given(FIELD.name) ?? '',
      organisation: given(FIELD.organisation) ?? '',
      phone: given(FIELD.phone) ?? '',
      email: given(FIELD.email) ?? '',
      ...(issi ? { issi } : {}),
    },
  };
}

/** One message per field, the first, so the reporter sees what to do rather than every rule that failed. */
export function firstErrorPerField(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (!errors.has(path)) errors.set(path, issue.message);
  }
  return [...errors].map(([path, message]) => ({ path, message }));
}
