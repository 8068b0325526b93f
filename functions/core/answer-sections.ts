import { FIELD } from './fixed-questions.ts';
import { ANSWERS, flatValues, labelOfAnswer, visiblePages, type Journey, type JourneyQuestion, type Values } from './journey.ts';
import type { ReportSubmission } from './report-submission.ts';

/**
 * The answers in words, grouped by the sections of content/form.yaml: what «Sjekk svarene» shows (each with the
 * page to change it on) and what the desk's e-mail lists, so both say the same thing in the same order.
 */

export interface AnswerRow {
  field: string;
  label: string;
  /** The answer as the reporter chose or wrote it; empty when an optional question was left out. */
  answer: string;
  /** The page that asks it; undefined for what the journey answered itself (e.g. that the reporter phoned). */
  page?: string | undefined;
  /** What kind of answer it is, where that matters to show it: a phone number to call, an address to write to. */
  type?: JourneyQuestion['type'] | undefined;
}

export interface AnswerSection {
  id: string;
  title: string;
  rows: AnswerRow[];
}

function answerInWords(question: JourneyQuestion, value: string | undefined): string {
  if (!value) return '';
  if (question.type === 'date') return value.split('-').reverse().join('.');
  return labelOfAnswer(question, value);
}

export function answerSections(journey: Journey, values: Values): AnswerSection[] {
  const sections = journey.sections.map((section) => ({ ...section, rows: [] as AnswerRow[] }));
  const pages = visiblePages(journey, values);
  for (const page of pages) {
    const section = sections.find((candidate) => candidate.id === page.section);
    section?.rows.push(
      ...page.questions.map((question) => ({
        field: question.field,
        label: question.label,
        answer: answerInWords(question, values[question.field]),
        page: page.id,
        type: question.type,
      })),
    );
  }
  // What no page asked but the report carries (the only request type a service takes, that the reporter phoned) goes
  // with the first section.
  const first = sections.find((section) => section.rows.length > 0) ?? sections[0];
  for (const question of journey.unasked) {
    const answer = answerInWords(question, values[question.field]);
    if (answer && first) first.rows.push({ field: question.field, label: question.label, answer });
  }
  return sections.filter((section) => section.rows.length > 0);
}

/** A stored or submitted report as the form's field values, to walk its journey. */
export function reportValues(report: Omit<ReportSubmission, 'serviceId'>): Record<string, string> {
  return { ...flatValues({ ...report }), [FIELD.calledDesk]: report.calledDesk ? 'yes' : 'no' };
}

/**
 * Answers the journey no longer asks for (a question since removed, or one the content now asks in other cases
 * only): kept in the report, so the desk still sees them, under their stored names.
 */
export function answersNotAsked(journey: Journey, report: Pick<ReportSubmission, 'answers'>, values: Values): AnswerRow[] {
  const asked = new Set(answerSections(journey, values).flatMap((section) => section.rows.map((row) => row.field)));
  return Object.entries(report.answers)
    .filter(([id]) => !asked.has(`${ANSWERS}${id}`))
    .map(([id, answer]) => ({ field: `${ANSWERS}${id}`, label: id, answer }));
}
