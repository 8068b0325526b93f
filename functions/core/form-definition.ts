import type { FixedQuestionId, QuestionType, RequestType } from './fixed-questions.ts';

export { QUESTION_TYPES, type QuestionType } from './fixed-questions.ts';

/**
 * The shape of the report form as content defines it (content/form.yaml and the `pages` of content/services/*.yaml),
 * validated by the catalog. The core builds a service's journey from it (journey.ts); the site renders it, the
 * wizard walks it, the API validates against it and the e-mails take their labels from it.
 */

export interface ChoiceOption {
  /** What is stored and sent (English, camelCase). */
  value: string;
  /** What the reporter reads. */
  label: string;
}

export interface ShowIf {
  /** The id of an earlier question: a service question, or a fixed one such as `requestType`. */
  question: string;
  equals: string | string[];
}

/** One question as an editor writes it in content/services/<id>.yaml. */
export interface Question {
  id: string;
  label: string;
  hint?: string | undefined;
  type: QuestionType;
  required: boolean;
  maxLength?: number | undefined;
  options?: ChoiceOption[] | undefined;
  missingMessage?: string | undefined;
  showIf?: ShowIf | undefined;
  noticeDays?: number | undefined;
  noticeWarning?: string | undefined;
}

/** A page of a service's own questions, or (`join`) its questions added to the top of a page of content/form.yaml. */
export interface ServicePage {
  title?: string | undefined;
  join?: string | undefined;
  showIf?: ShowIf | undefined;
  questions: Question[];
}

/** What the journey needs of a service. */
export interface ServiceForm {
  id: string;
  name: string;
  /** The request types the service takes; with only one, the form does not ask. */
  requestTypes: readonly RequestType[];
  pages: ServicePage[];
}

/** The words of a fixed question; what it is (field, type, values) is the API's and stands in fixed-questions.ts. */
export interface FixedQuestionText {
  id: FixedQuestionId;
  label: string;
  hint?: string | undefined;
  missingMessage?: string | undefined;
  options?: ChoiceOption[] | undefined;
}

export interface FixedPage {
  id: string;
  title: string;
  section: string;
  showIf?: ShowIf | undefined;
  questions: FixedQuestionId[];
}

/** Where the service's own pages go among the fixed ones. */
export interface ServicePagesSlot {
  servicePages: { section: string };
}

export interface FormDefinition {
  /** The groups «Sjekk svarene» and the desk's e-mail show the answers in, in order. */
  sections: { id: string; title: string }[];
  questions: FixedQuestionText[];
  pages: (FixedPage | ServicePagesSlot)[];
  /** The page that sends urgent matters to the phone. */
  phone: {
    title: string;
    intro: string;
    /** Shown instead of `intro` when the answers give a priority that must be phoned in. */
    priorityIntro: string;
    writtenReport: string;
    writtenReportHint: string;
    /** The pages a written report after a call asks: the call covers the rest. */
    afterCall: string[];
  };
  remember: {
    label: string;
    hint: string;
    remembered: string;
    forget: string;
    forgotten: string;
  };
  review: { title: string };
  /** Shown once, at the top of the first page where the reporter can write freely. */
  patientDataWarning: string;
}

export const isServicePagesSlot = (page: FixedPage | ServicePagesSlot): page is ServicePagesSlot => 'servicePages' in page;
