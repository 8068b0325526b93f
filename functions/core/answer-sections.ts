import { FIELD } from './fixed-questions.ts';
import { labelOfAnswer, visiblePages, type Journey, type JourneyQuestion, type Values } from './journey.ts';
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
}

export interface AnswerSection {
  id: string;
  title: string;
  rows: AnswerRow[];
}

export function answerInWords(question: JourneyQuestion, value: string | undefined): string {
  if (!value) return '';
  if (question.type === 'date') return value.split('-').reverse().join('.');
  return labelOfAnswer(question, value);
}

export function answerSections(journey: Journey, values: Values): AnswerSection[] {
  const sections = journey.sections.map((section) => ({ ...section, rows: [] as AnswerRow[] }));
  const pages = visiblePages(journey, values);
  for (const page of pages) {
    const section = sections.find((candidate) => candidate.id === page.section);
    section?.rows.push(...page.questions.map((question) => ({ field: question.field, label: question.label, answer: answerInWords(question, values[question.field]), page: page.id })));
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
  const values: Record<string, string> = {
    [FIELD.urgent]: report.urgent,
    [FIELD.requestType]: report.requestType,
    [FIELD.calledDesk]: report.calledDesk ? 'yes' : 'no',
    [FIELD.summary]: report.summary,
    [FIELD.description]: report.description,
    [FIELD.name]: report.contact.name,
    [FIELD.organisation]: report.contact.organisation,
    [FIELD.phone]: report.contact.phone,
    [FIELD.email]: report.contact.email,
  };
  if (report.contact.issi) values[FIELD.issi] = report.contact.issi;
  if (report.impact) Object.assign(values, { [FIELD.affected]: report.impact.affected, [FIELD.workaround]: report.impact.workaround });
  for (const [id, answer] of Object.entries(report.answers)) values[`answers.${id}`] = answer;
  return values;
}
