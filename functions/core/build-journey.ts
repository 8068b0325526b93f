import { FIXED_QUESTION_IDS, FIXED_QUESTIONS, isFixedQuestionId, isOneOf, REQUEST_TYPES, type FixedQuestion, type FixedQuestionId } from './fixed-questions.ts';
import { isServiceId, SERVICE_IDS, type ServiceId } from './service-ids.ts';
import { isServicePagesSlot, type FixedQuestionText, type FormDefinition, type Question, type ServiceForm, type ShowIf } from './form-definition.ts';
import { ANSWERS, type Condition, type Journey, type JourneyPage, type JourneyQuestion } from './journey.ts';
import { recordOf } from '../vocabulary/records.ts';

/**
 * Builds a service's journey from content/form.yaml and the service's pages, and says what in the content keeps it
 * from being sound; the catalog reports that with file and line.
 */

export interface JourneyProblem {
  /** content/form.yaml, or the service's own file. */
  source: 'form' | 'service';
  path: (string | number)[];
  message: string;
}

type Where = Pick<JourneyProblem, 'source' | 'path'>;

export function buildJourney(form: FormDefinition, service: ServiceForm): { journey: Journey; problems: JourneyProblem[] } {
  const problems: JourneyProblem[] = [];
  /** Where each page and question with a condition was written, to report a condition that does not hold. */
  const written = new Map<JourneyPage | JourneyQuestion, Where>();
  const requestTypes = service.requestTypes.length > 0 ? service.requestTypes : REQUEST_TYPES;
  const texts = new Map(form.questions.map((text) => [text.id, text]));
  const fixedQuestion = (id: FixedQuestionId): JourneyQuestion | undefined => {
    const text = texts.get(id);
    if (!text) return undefined;
    const question = fromText(FIXED_QUESTIONS[id], text);
    return id === 'requestType' ? { ...question, options: question.options?.filter((option) => isOneOf(requestTypes, option.value)) } : question;
  };
  const [onlyRequestType] = requestTypes;
  const preset: Record<string, string> = requestTypes.length === 1 && onlyRequestType ? { [FIXED_QUESTIONS.requestType.field]: onlyRequestType } : {};
  const fixedPageIds = form.pages.flatMap((page) => (isServicePagesSlot(page) ? [] : [page.id]));

  // The service's pages first, so that the fixed pages they join know what to put on top.
  const servicePages: JourneyPage[] = [];
  const joined = new Map<string, JourneyQuestion[]>();
  const seen = new Set<string>();
  service.pages.forEach((page, pageIndex) => {
    const questions = page.questions.map((question, questionIndex) => {
      const path = ['pages', pageIndex, 'questions', questionIndex];
      if (seen.has(question.id))
        problems.push({ source: 'service', path: [...path, 'id'], message: `«${question.id}» er brukt før i samme tjeneste: hver id må være unik` });
      seen.add(question.id);
      const built = serviceQuestion(question);
      written.set(built, { source: 'service', path });
      return built;
    });
    if (page.join === undefined) {
      const built: JourneyPage = {
        id: `${service.id}-${pageIndex + 1}`,
        title: page.title ?? '',
        section: '',
        questions,
        ...(page.showIf ? { showIf: rawCondition(page.showIf) } : {}),
      };
      written.set(built, { source: 'service', path: ['pages', pageIndex] });
      servicePages.push(built);
    } else if (fixedPageIds.includes(page.join)) {
      joined.set(page.join, [...(joined.get(page.join) ?? []), ...questions]);
    } else {
      problems.push({
        source: 'service',
        path: ['pages', pageIndex, 'join'],
        message: `«${page.join}» er ikke en side i content/form.yaml (kan være: ${fixedPageIds.join(', ')})`,
      });
    }
  });

  const pages: JourneyPage[] = [];
  form.pages.forEach((page, pageIndex) => {
    if (isServicePagesSlot(page)) {
      for (const servicePage of servicePages) servicePage.section = page.servicePages.section;
      pages.push(...servicePages);
      return;
    }
    // content/form.yaml is checked on its own (catalog/form-schema.ts): every id here is a fixed question to ask,
    // but a service that takes one request type is not asked which.
    const own = page.questions.flatMap((id) => {
      const question = fixedQuestion(id);
      return !question || (id === 'requestType' && requestTypes.length === 1) ? [] : [question];
    });
    const built: JourneyPage = {
      id: page.id,
      title: page.title,
      section: page.section,
      questions: [...(joined.get(page.id) ?? []), ...own],
      ...(page.showIf ? { showIf: rawCondition(page.showIf) } : {}),
    };
    written.set(built, { source: 'form', path: ['pages', pageIndex] });
    pages.push(built);
  });

  const askedFields = new Set(pages.flatMap((page) => page.questions.map((question) => question.field)));
  const journey: Journey = {
    service: { id: service.id, name: service.name },
    sections: form.sections,
    pages: pages.filter((page) => page.questions.length > 0),
    unasked: form.questions.flatMap((text) => {
      const question = fixedQuestion(text.id);
      return question && !askedFields.has(question.field) ? [question] : [];
    }),
    preset,
    afterCall: form.phone.afterCall,
  };
  problems.push(...resolveConditions(journey, written));
  return { journey, problems };
}

/** For code that runs after the catalog has checked the content: a journey that cannot be built is a bug. */
export function journeyFor(form: FormDefinition, service: ServiceForm): Journey {
  const { journey, problems } = buildJourney(form, service);
  if (problems.length > 0) throw new Error(`Skjemaet for ${service.id} henger ikke sammen: ${problems.map((problem) => problem.message).join('; ')}`);
  return journey;
}

function fromText(question: FixedQuestion, text: FixedQuestionText): JourneyQuestion {
  return {
    field: question.field,
    label: text.label,
    hint: text.hint,
    type: question.type,
    required: question.required,
    maxLength: question.maxLength,
    options: text.options,
    missingMessage: text.missingMessage,
    autocomplete: question.autocomplete,
    remember: question.remember,
  };
}

function serviceQuestion(question: Question): JourneyQuestion {
  const { id, showIf, ...rest } = question;
  return { ...rest, field: `${ANSWERS}${id}`, ...(showIf ? { showIf: rawCondition(showIf) } : {}) };
}

/** Until resolved, a condition names the question by its id; resolveConditions turns that into its field. */
const rawCondition = (showIf: ShowIf): Condition => ({ field: showIf.question, equals: [showIf.equals].flat() });

/** The fixed question asked under `field`, if it is one. */
const fixedIdAt = (field: string): FixedQuestionId | undefined => FIXED_QUESTION_IDS.find((id) => FIXED_QUESTIONS[id].field === field);

/**
 * A condition points back at an earlier choice question (never forward: the journey asks in order), a service's
 * own question before a fixed one of the same id, and at values that question can have.
 */
function resolveConditions(journey: Journey, written: ReadonlyMap<JourneyPage | JourneyQuestion, Where>): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  // A preset answer (the request type of a service that takes one) is known before the first page.
  const earlier: JourneyQuestion[] = journey.unasked.filter((question) => question.field in journey.preset);
  const resolve = (condition: Condition, where: Where): Condition | undefined => {
    const id = condition.field;
    const target =
      earlier.find((question) => question.field === `${ANSWERS}${id}`) ??
      earlier.find((question) => isFixedQuestionId(id) && question.field === FIXED_QUESTIONS[id].field);
    if (!target) {
      const known = [
        ...new Set(
          earlier.map((question) =>
            question.field.startsWith(ANSWERS) ? question.field.slice(ANSWERS.length) : (fixedIdAt(question.field) ?? question.field),
          ),
        ),
      ];
      problems.push({
        ...where,
        path: [...where.path, 'showIf', 'question'],
        message: `«${id}» er ikke et spørsmål som kommer før dette (kan være: ${known.join(', ')})`,
      });
      return undefined;
    }
    if (target.type !== 'choice') {
      problems.push({ ...where, path: [...where.path, 'showIf', 'question'], message: `«${id}» må være et spørsmål av type choice` });
      return undefined;
    }
    // A fixed question's values are all allowed: a condition on «fault» is simply never met for a service without faults.
    const fixedId = fixedIdAt(target.field);
    const fixed: FixedQuestion | undefined = fixedId && FIXED_QUESTIONS[fixedId];
    const allowed = fixed?.values ?? (target.options ?? []).map((option) => option.value);
    const unknown = condition.equals.filter((value) => !allowed.includes(value));
    if (unknown.length > 0)
      problems.push({
        ...where,
        path: [...where.path, 'showIf', 'equals'],
        message: `«${unknown.join('», «')}» er ikke et av valgene til «${id}» (${allowed.join(', ')})`,
      });
    return { field: target.field, equals: condition.equals };
  };

  for (const page of journey.pages) {
    if (page.showIf) page.showIf = resolve(page.showIf, written.get(page) ?? { source: 'form', path: ['pages'] });
    for (const question of page.questions) {
      if (question.showIf) question.showIf = resolve(question.showIf, written.get(question) ?? { source: 'form', path: ['questions'] });
      earlier.push(question);
    }
  }
  return problems;
}

/** What the journeys are built from: content/form.yaml and the services (the catalog has both). */
export interface FormContent {
  form: FormDefinition;
  services: Readonly<Record<ServiceId, ServiceForm>>;
}

const builtFor = new WeakMap<FormContent, Record<ServiceId, Journey>>();

/** Every service's journey, built once per checked catalog (the handlers ask at cold start, the router per report). */
export function journeysOf(content: FormContent): Record<ServiceId, Journey> {
  let journeys = builtFor.get(content);
  if (!journeys) {
    journeys = recordOf(SERVICE_IDS, (id) => journeyFor(content.form, content.services[id]));
    builtFor.set(content, journeys);
  }
  return journeys;
}

/** The fixed questions and pages alone, as for a service with no pages of its own that takes every request type. */
export function fixedJourney(form: FormDefinition, service: { id: string; name: string } = { id: '', name: '' }): Journey {
  return journeyFor(form, { ...service, requestTypes: REQUEST_TYPES, pages: [] });
}

/** The journey of a report's service, or the fixed one for a service that has since been removed. */
export function journeyOfReport(content: FormContent, serviceId: string): Journey {
  return isServiceId(serviceId) ? journeysOf(content)[serviceId] : fixedJourney(content.form, { id: serviceId, name: serviceId });
}
