import type { Service } from '../../../functions/catalog/schema.ts';
import { visibleQuestions } from '../../../functions/core/question-conditions.ts';
import { submissionSchemaFor } from '../../../functions/core/report-submission.ts';
import { REQUEST_TYPES, type RequestType } from '../../../functions/core/request-details.ts';
import { deflectWhileTyping } from './wizard-deflect.ts';
import { clearDraft, hasAnswers, loadDraft, saveDraft } from './wizard-draft.ts';
import { clearErrors, showErrors, type FieldProblem } from './wizard-errors.ts';
import { followBrowserHistory } from './wizard-history.ts';
import { fieldError, readValues, toSubmission, writeValues, type ServiceDefinition, type Values } from './wizard-fields.ts';
import { answersOnPage, renderReview, showPriority } from './wizard-review.ts';
import { mailtoLink, rememberReceipt, sendReport } from './wizard-send.ts';

/**
 * Progressive enhancement of the plain form: one question per page, checked with the API's own rules as the
 * reporter goes, saved as a draft on this device, sent once as JSON. Without JavaScript the form works as it is.
 */

export function startWizard(form: HTMLFormElement): void {
  const service = JSON.parse(form.dataset.wizard ?? '{}') as ServiceDefinition;
  const pages = Array.from(form.querySelectorAll<HTMLElement>('[data-page]'));
  const find = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector) as T;
  const indicator = find<HTMLElement>('[data-step-indicator]');
  const next = find<HTMLButtonElement>('[data-next]');
  const back = find<HTMLButtonElement>('[data-back]');
  const send = find<HTMLButtonElement>('[data-send]');
  const retry = find<HTMLButtonElement>('[data-retry]');
  const failed = find<HTMLElement>('[data-send-failed]');
  const sendStatus = find<HTMLElement>('[data-send-status]');
  const resume = find<HTMLElement>('[data-resume]');
  const pageTitle = document.title;
  let current = pages[0] as HTMLElement;
  let returnToReview = false;
  let sending = false;
  let idempotencyKey: string = crypto.randomUUID();

  // Browser Back and Forward land here like Tilbake and Fortsett, on the nearest page that still applies.
  const steps = followBrowserHistory(current.dataset.page ?? 'start', (name) => {
    returnToReview = false;
    show(visibleFrom(name));
  });

  for (const element of document.querySelectorAll<HTMLElement>('[data-plain-only]')) element.hidden = true;
  find<HTMLElement>('[data-wizard-nav]').hidden = false;
  indicator.hidden = false;

  const values = () => readValues(form);
  const requestTypeOf = (v: Values): RequestType => ((REQUEST_TYPES as readonly string[]).includes(v.requestType ?? '') ? (v.requestType as RequestType) : 'fault');
  const answersOf = (v: Values) => Object.fromEntries(Object.entries(v).filter(([name]) => name.startsWith('answers.')).map(([name, value]) => [name.slice(8), value]));

  function visiblePages(): HTMLElement[] {
    const v = values();
    const requestType = requestTypeOf(v);
    const shown = new Set(visibleQuestions(service.questions, answersOf(v), requestType).map((question) => `answers.${question.id}`));
    return pages.filter((page) => {
      if (page.hasAttribute('data-fault-only') && requestType !== 'fault') return false;
      const name = page.dataset.page ?? '';
      return !name.startsWith('answers.') || shown.has(name);
    });
  }

  function answerUrgent(answer: string): void {
    find<HTMLElement>('[data-urgent-box]').hidden = answer !== 'yes';
    const emergency = document.getElementById(`impact-emergencyResponse-${answer}`) as HTMLInputElement | null;
    if (emergency && !values()['impact.emergencyResponse']) emergency.checked = true;
  }

  function persist(): void {
    const v = values();
    if (hasAnswers(v)) saveDraft(service.id, { values: v, page: current.dataset.page ?? 'start', idempotencyKey });
  }

  function show(page: HTMLElement, moveFocus = true): void {
    for (const candidate of pages) candidate.hidden = candidate !== page;
    current = page;
    const visible = visiblePages();
    const sections = [...new Set(visible.map((candidate) => Number(candidate.dataset.section)))];
    const step = `Steg ${sections.indexOf(Number(page.dataset.section)) + 1} av ${sections.length}: ${page.dataset.title}`;
    indicator.textContent = step;
    document.title = `${step} – ${pageTitle}`;
    const isReview = page.dataset.page === 'review';
    next.hidden = isReview;
    send.hidden = !isReview;
    back.hidden = visible.indexOf(page) <= 0;
    if (page.dataset.page === 'priority') showPriority(page, values());
    if (isReview) renderReview(find<HTMLElement>('[data-review]'), sentPages(visible), values(), change);
    clearErrors();
    if (moveFocus) indicator.focus();
    steps.moved(page.dataset.page ?? '');
    persist();
  }

  function visibleFrom(name: string): HTMLElement {
    const index = pages.findIndex((page) => page.dataset.page === name);
    if (index < 0) return current;
    return visiblePages().find((page) => pages.indexOf(page) >= index) ?? current;
  }

  function change(page: HTMLElement): void {
    returnToReview = true;
    show(page);
  }

  function pageOf(name: string): HTMLElement | undefined {
    return pages.find((page) => page.querySelector(`[data-field="${CSS.escape(name)}"]`));
  }

  function openField(name: string): void {
    const page = pageOf(name);
    if (page && page !== current) {
      returnToReview = current.dataset.page === 'review';
      show(page, false);
    }
  }

  function pageProblems(page: HTMLElement): FieldProblem[] {
    const v = values();
    return Array.from(page.querySelectorAll<HTMLElement>('[data-field]')).flatMap((field) => {
      const name = field.dataset.field ?? '';
      const message = fieldError(name, v[name], service);
      return message ? [{ name, message }] : [];
    });
  }

  /** The whole report, with the very schema the API parses it with. */
  function wholeReport(): { ok: true; data: unknown } | { ok: false; problems: FieldProblem[] } {
    const v = values();
    const requestType = requestTypeOf(v);
    const result = submissionSchemaFor(service as unknown as Service, requestType, answersOf(v)).safeParse({ ...toSubmission(service.id, v), requestType });
    if (result.success) return { ok: true, data: result.data };
    const seen = new Set<string>();
    const problems = result.error.issues
      .map((issue) => ({ name: issue.path.map(String).join('.'), message: issue.message }))
      .filter((problem) => !seen.has(problem.name) && seen.add(problem.name));
    return { ok: false, problems };
  }

  function goForward(): void {
    const problems = pageProblems(current);
    if (problems.length > 0) return showErrors(problems, openField);
    const visible = visiblePages();
    const review = visible.find((page) => page.dataset.page === 'review');
    if (returnToReview && review) {
      // Back to the review, unless the change opened a question that still needs an answer.
      const unanswered = visible.slice(visible.indexOf(current) + 1).find((page) => page !== review && pageProblems(page).length > 0);
      returnToReview = unanswered !== undefined;
      return show(unanswered ?? review);
    }
    show(visible[visible.indexOf(current) + 1] ?? current);
  }

  async function submit(): Promise<void> {
    if (sending) return;
    const report = wholeReport();
    if (!report.ok) return showErrors(report.problems, openField);
    sending = true;
    failed.hidden = true;
    sendStatus.textContent = 'Sender meldingen …';
    const result = await sendReport(report.data, idempotencyKey);
    sending = false;
    if (result.kind === 'sent') {
      sendStatus.textContent = 'Meldingen er sendt.';
      rememberReceipt(result.receipt);
      clearDraft(service.id);
      steps.leave('/meld-feil/kvittering/');
      return;
    }
    sendStatus.textContent = '';
    if (result.kind === 'invalid') return showErrors(result.problems, openField);
    persist();
    const v = values();
    const lines = sentPages(visiblePages()).flatMap((page) => answersOnPage(page, v)).map(({ label, answer }) => `${label}: ${answer}`);
    find<HTMLAnchorElement>('[data-mailto]').href = mailtoLink(service.fallbackAddress, `Melding om ${service.name}: ${v.summary ?? ''}`, lines);
    find<HTMLElement>('[data-send-failed-reason]').textContent = result.reason;
    failed.hidden = false;
    failed.focus();
  }

  next.addEventListener('click', goForward);
  back.addEventListener('click', () => {
    const visible = visiblePages();
    const previous = visible[visible.indexOf(current) - 1] ?? current;
    returnToReview = false;
    if (!steps.backTo(previous.dataset.page ?? '')) show(previous);
  });
  send.addEventListener('click', () => void submit());
  retry.addEventListener('click', () => void submit());
  // Enter in a text field moves on, as "Fortsett" does; the wizard never posts the plain form.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (current.dataset.page === 'review') void submit();
    else goForward();
  });
  form.addEventListener('input', (event) => {
    resume.hidden = true;
    const target = event.target as HTMLInputElement;
    if (target.name === 'wizard.urgent') answerUrgent(target.value);
    if (target.dataset.noticeDays) warnAboutNotice(target);
    persist();
  });
  // The first page is on screen before the wizard loads: an answer given in the meantime still counts.
  const answeredEarly = values()['wizard.urgent'];
  if (answeredEarly) answerUrgent(answeredEarly);
  const summary = document.getElementById('summary') as HTMLInputElement | null;
  if (summary) deflectWhileTyping(summary, service.name);

  const draft = loadDraft(service.id);
  if (draft && hasAnswers(draft.values)) {
    resume.hidden = false;
    find<HTMLButtonElement>('[data-resume-continue]').addEventListener('click', () => {
      writeValues(form, draft.values);
      idempotencyKey = draft.idempotencyKey;
      resume.hidden = true;
      for (const input of form.querySelectorAll<HTMLInputElement>('[data-notice-days]')) warnAboutNotice(input);
      find<HTMLElement>('[data-urgent-box]').hidden = draft.values['wizard.urgent'] !== 'yes';
      show(pages.find((page) => page.dataset.page === draft.page && visiblePages().includes(page)) ?? current);
    });
    find<HTMLButtonElement>('[data-resume-discard]').addEventListener('click', () => {
      clearDraft(service.id);
      resume.hidden = true;
      indicator.focus();
    });
  }
  show(current, false);
  // From here on the pages are steered with `hidden`; until now form.css painted this very first page.
  form.toggleAttribute('data-wizard-ready', true);
}

/** The pages whose answers are sent: the start question only steers the reporter to the phone. */
function sentPages(pages: readonly HTMLElement[]): HTMLElement[] {
  return pages.filter((page) => page.dataset.page !== 'start' && page.querySelector('[data-field]'));
}

function warnAboutNotice(input: HTMLInputElement): void {
  const warning = input.closest('[data-field]')?.querySelector<HTMLElement>('[data-notice-warning]');
  if (!warning) return;
  const days = (Date.parse(input.value) - Date.now()) / 86_400_000;
  warning.hidden = !(input.value && days < Number(input.dataset.noticeDays));
}
