import { keysOf } from '../vocabulary/records.ts';
/** The types a question can have (form-definition.ts re-exports them; they live here so the two modules import one way). */
export const QUESTION_TYPES = ['text', 'textarea', 'choice', 'date', 'tel', 'email'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * The questions every report can answer besides its service's own, as the API knows them: the field each answer is
 * sent and stored under, its type, the values the code relies on (the priority follows from `urgent`, `affected`
 * and `workaround`) and the longest answer stored. Everything a reporter reads about them (label, hint, the words
 * of each option, which page asks them) is content: content/form.yaml.
 */

export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];

export const REQUEST_TYPES = ['fault', 'change', 'question', 'order'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** How widely a fault is felt: the answer to "how many are affected?". */
export const AFFECTED_SCOPES = ['one', 'several', 'site', 'many'] as const;
export type AffectedScope = (typeof AFFECTED_SCOPES)[number];

export interface FixedQuestion {
  /** The form field's name and the path in the API's body. */
  field: string;
  type: QuestionType;
  required: boolean;
  values?: readonly string[];
  maxLength?: number;
  /** The browser's autofill hint. */
  autocomplete?: string;
  /** Kept on the device for next time when the reporter asks for it («Husk meg»); never free text. */
  remember?: boolean;
  /** Set by the journey, never asked on a page: the reporter took the phone page's «written report» way. */
  setByJourney?: boolean;
}

export const FIXED_QUESTIONS = {
  urgent: { field: 'urgent', type: 'choice', required: true, values: YES_NO },
  requestType: { field: 'requestType', type: 'choice', required: true, values: REQUEST_TYPES },
  summary: { field: 'summary', type: 'text', required: true, maxLength: 120 },
  description: { field: 'description', type: 'textarea', required: true, maxLength: 4000 },
  affected: { field: 'impact.affected', type: 'choice', required: true, values: AFFECTED_SCOPES },
  workaround: { field: 'impact.workaround', type: 'choice', required: true, values: YES_NO },
  calledDesk: { field: 'calledDesk', type: 'choice', required: false, values: YES_NO, setByJourney: true },
  name: { field: 'contact.name', type: 'text', required: true, maxLength: 120, autocomplete: 'name', remember: true },
  organisation: { field: 'contact.organisation', type: 'text', required: true, maxLength: 160, autocomplete: 'organization', remember: true },
  phone: { field: 'contact.phone', type: 'tel', required: true, maxLength: 20, autocomplete: 'tel', remember: true },
  email: { field: 'contact.email', type: 'email', required: true, maxLength: 254, autocomplete: 'email', remember: true },
  issi: { field: 'contact.issi', type: 'text', required: false, maxLength: 40, remember: true },
} as const satisfies Record<string, FixedQuestion>;

export type FixedQuestionId = keyof typeof FIXED_QUESTIONS;
export const FIXED_QUESTION_IDS = keysOf(FIXED_QUESTIONS);

export const isFixedQuestionId = (id: string): id is FixedQuestionId => Object.hasOwn(FIXED_QUESTIONS, id);

/** Whether an answer is one of a fixed question's values, typed as such. */
export const isOneOf = <T extends string>(values: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (values as readonly string[]).includes(value);

/** The field names, for code that reads one fixed answer (the wizard's phone page, the priority). */
// oxlint-disable-next-line typescript/no-unsafe-type-assertion -- each key's own field, which fromEntries cannot type
export const FIELD = Object.fromEntries(FIXED_QUESTION_IDS.map((id) => [id, FIXED_QUESTIONS[id].field])) as {
  [K in FixedQuestionId]: (typeof FIXED_QUESTIONS)[K]['field'];
};
