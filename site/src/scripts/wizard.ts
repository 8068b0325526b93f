import { answerSections } from '../../../functions/core/answer-sections.ts';
import { FIELD } from '../../../functions/core/fixed-questions.ts';
import { PHONE_STEP, REVIEW_STEP, stepsFor, suggestedPriority } from '../../../functions/core/journey-steps.ts';
import { rememberPageOf, visiblePages } from '../../../functions/core/journey.ts';
import { RECEIPT_PATH } from '../../../functions/core/page-paths.ts';
import { priorityName, writtenReportsHandled } from '../../../functions/core/priority.ts';
import { firstErrorPerField, submissionSchemaFor } from '../../../functions/core/report-submission.ts';
import { rememberReceipt } from '../../../functions/http/contract/reports.ts';
import { stepLine, type WizardData } from './wizard-data.ts';
import { deflectWhileTyping } from './wizard-deflect.ts';
import { clearDraft, hasAnswers, loadDraft, saveDraft } from './wizard-draft.ts';
import { clearErrors, showErrors, type FieldProblem } from './wizard-errors.ts';
import { fieldError, readValues, toBody, writeValues, type Values } from './wizard-fields.ts';
import { followBrowserHistory } from './wizard-history.ts';
import { offerRememberedContact } from './wizard-memory.ts';
import { renderReview, showPriority } from './wizard-review.ts';
import { mailtoLink, sendReport } from './wizard-send.ts';

/**
 * Progressive enhancement of the one-page form: the journey's pages one screen at a time, checked with the API's
 * own rules as the reporter goes, saved as a draft on this device, sent once as JSON. The journey (which pages,
 * which questions, where the phone page comes) is data from content/, walked with functions/core; this file only
 * shows it. Without JavaScript the form works as it is.
 */

export function startWizard(form: HTMLFormElement): void {
  // Written by [service].astro from the same type, in the same build as this script.
  const { journey, policy, handledHours, fallbackAddress }: WizardData = JSON.parse(form.dataset.wizard ?? '{}');
  // Every element looked up here is on the page the wizard starts on ([service].astro).
  const find = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
  const pageElements = Array.from(form.querySelectorAll<HTMLElement>('[data-page]'));
  const pageElement = (step: string) => pageElements.find((element) => element.dataset.page === step);
  const heading = find<HTMLElement>('[data-wizard-heading]');
  const indicator = find<HTMLElement>('[data-step-indicator]');
  const titleText = find<HTMLElement>('[data-page-title]');
  const backLink = find<HTMLAnchorElement>('[data-back]');
  const next = find<HTMLButtonElement>('[data-next]');
  const send = find<HTMLButtonElement>('[data-send]');
  const failed = find<HTMLElement>('[data-send-failed]');
  const sendStatus = find<HTMLElement>('[data-send-status]');
  const resume = find<HTMLElement>('[data-resume]');
  const calledDesk = find<HTMLInputElement>(`[name="${FIELD.calledDesk}"]`);
  const siteName = document.title.split(' – ').at(-1) ?? '';
  const serviceId = journey.service.id;
  const rememberPage = rememberPageOf(journey);
  const rememberFields = new Set(rememberPage?.questions.map((question) => question.field));
  // What the page itself fills in (the service's only request type, that the reporter phoned) is no draft.
  const notDrafted = new Set([...rememberFields, ...journey.unasked.map((question) => question.field)]);
  // «Glem meg» may empty the contact page: «Sjekk svarene» and the step count follow.
  const memory = offerRememberedContact(form, rememberFields, () => {
    if (current === REVIEW_STEP) renderReviewPage();
    refresh();
  });

  let current = journey.pages[0]?.id ?? REVIEW_STEP;
  let returnToReview = false;
  let sending = false;
  let idempotencyKey: string = crypto.randomUUID();

  const values = (): Values => readValues(form);
  const problemsOn = (step: string, v = values()): FieldProblem[] => {
    const page = visiblePages(journey, v).find((candidate) => candidate.id === step);
    return (page?.questions ?? []).flatMap((question) => {
      const message = fieldError(journey, question.field, v[question.field]);
      return message ? [{ name: question.field, message }] : [];
    });
  };
  // Remembered contact details need no page of their own, as long as they are complete and the reporter has not
  // asked to change them (then that page is on screen, and counts).
  const skipped = (v: Values): Set<string> =>
    memory.remembered && rememberPage && rememberPage.id !== current && problemsOn(rememberPage.id, v).length === 0 ? new Set([rememberPage.id]) : new Set();
  const stepsNow = (v = values()) => stepsFor(journey, policy, v, skipped(v));

  const history = followBrowserHistory(current, (step) => {
    returnToReview = false;
    show(nearestStep(step));
  });

  for (const element of document.querySelectorAll<HTMLElement>('[data-plain-only]')) element.hidden = true;
  find<HTMLElement>('[data-wizard-nav]').hidden = false;
  heading.hidden = false;
  const rememberField = form.querySelector<HTMLElement>('[data-remember-field]');
  if (rememberField) rememberField.hidden = false;

  /**
   * A step asked for that no longer applies (Back, an answer changed, then Forward) gives way to the first screen
   * that still needs an answer, so no page of the new way is passed over.
   */
  function nearestStep(step: string): string {
    const { steps } = stepsNow();
    if (steps.includes(step)) return step;
    return steps.find((candidate) => candidate !== PHONE_STEP && candidate !== REVIEW_STEP && problemsOn(candidate).length > 0) ?? steps.at(-1) ?? current;
  }

  function persist(): void {
    const v = values();
    // Only what passes the API's rules is kept on the device, so a national identity number never is.
    if (hasAnswers(v, notDrafted))
      saveDraft(serviceId, { values: v, page: current, idempotencyKey }, new Date(), (field, value) => !fieldError(journey, field, value));
  }

  /** What depends on the answers on the screen: which questions apply, the step count, the phone page's words. */
  function refresh(): void {
    const v = values();
    const page = visiblePages(journey, v).find((candidate) => candidate.id === current);
    const shown = new Set(page?.questions.map((question) => question.field));
    for (const field of pageElement(current)?.querySelectorAll<HTMLElement>('[data-question]') ?? []) {
      if (field.dataset.question) field.hidden = !shown.has(field.dataset.question);
    }
    const { steps, phone } = stepsNow(v);
    // «Har ringt Servicedesk» holds only while the way the reporter is on goes through the phone page.
    if (!steps.includes(PHONE_STEP)) calledDesk.value = '';
    // The phone page is where an urgent matter leaves the form: no count of steps there.
    const line = current === PHONE_STEP ? journey.service.name : stepLine(steps, current, journey.service.name);
    const title = pageElement(current)?.dataset.title ?? '';
    indicator.textContent = line;
    titleText.textContent = title;
    document.title = `${title} – ${line} – ${siteName}`;
    if (current === PHONE_STEP) {
      const priority = suggestedPriority(policy, v);
      for (const intro of pageElement(PHONE_STEP)?.querySelectorAll<HTMLElement>('[data-phone-intro]') ?? [])
        intro.hidden = intro.dataset.phoneIntro !== (phone ?? 'urgent');
      const name = pageElement(PHONE_STEP)?.querySelector('[data-phone-priority]');
      if (name && priority) name.textContent = priorityName(policy, priority);
    }
  }

  function show(step: string, moveFocus = true): void {
    current = step;
    for (const element of pageElements) element.hidden = element.dataset.page !== step;
    next.hidden = step === REVIEW_STEP || step === PHONE_STEP;
    send.hidden = step !== REVIEW_STEP;
    refresh();
    if (step === REVIEW_STEP) renderReviewPage();
    clearErrors();
    if (moveFocus) heading.focus();
    history.moved(step);
    persist();
  }

  function renderReviewPage(): void {
    const v = values();
    renderReview(find<HTMLElement>('[data-review]'), answerSections(journey, v), change);
    showPriority(find<HTMLElement>('[data-priority-suggestion]'), policy, suggestedPriority(policy, v), writtenReportsHandled(handledHours, new Date()));
  }

  function change(step: string): void {
    returnToReview = true;
    show(step);
  }

  function stepOfField(field: string): string | undefined {
    return visiblePages(journey, values()).find((page) => page.questions.some((question) => question.field === field))?.id;
  }

  function openField(field: string): void {
    const step = stepOfField(field);
    if (step && step !== current) {
      returnToReview = current === REVIEW_STEP;
      show(step, false);
    }
  }

  function goForward(): void {
    const problems = problemsOn(current);
    if (problems.length > 0) return showErrors(problems, openField);
    const { steps } = stepsNow();
    if (returnToReview && steps.includes(REVIEW_STEP)) {
      // Back to the review, unless the change opened a question that still needs an answer.
      const unanswered = steps.slice(steps.indexOf(current) + 1).find((step) => step !== REVIEW_STEP && step !== PHONE_STEP && problemsOn(step).length > 0);
      returnToReview = unanswered !== undefined;
      return show(unanswered ?? REVIEW_STEP);
    }
    show(steps[steps.indexOf(current) + 1] ?? current);
  }

  function goBack(): void {
    const { steps } = stepsNow();
    const previous = steps[steps.indexOf(current) - 1];
    if (!previous) return;
    returnToReview = false;
    if (!history.backTo(previous)) show(previous);
  }

  /** The whole report, with the very schema the API parses it with. */
  function wholeReport(): { ok: true; body: Record<string, unknown> } | { ok: false; problems: FieldProblem[] } {
    const v = { ...journey.preset, ...values() };
    const result = submissionSchemaFor(journey, v).safeParse(v);
    if (result.success) return { ok: true, body: toBody(journey, v) };
    return { ok: false, problems: firstErrorPerField(result.error.issues).map((error) => ({ name: error.path, message: error.message })) };
  }

  async function submit(): Promise<void> {
    if (sending) return;
    const report = wholeReport();
    if (!report.ok) return showErrors(report.problems, openField);
    sending = true;
    failed.hidden = true;
    sendStatus.textContent = 'Sender meldingen …';
    const result = await sendReport(report.body, idempotencyKey);
    sending = false;
    if (result.kind === 'sent') {
      sendStatus.textContent = 'Meldingen er sendt.';
      memory.keepOrForget(values());
      rememberReceipt(result.receipt);
      clearDraft(serviceId);
      history.leave(RECEIPT_PATH);
      return;
    }
    sendStatus.textContent = '';
    if (result.kind === 'invalid') return showErrors(result.problems, openField);
    persist();
    const v = values();
    const lines = answerSections(journey, v).flatMap((section) => section.rows.map((row) => `${row.label}: ${row.answer}`));
    find<HTMLAnchorElement>('[data-mailto]').href = mailtoLink(fallbackAddress, `Melding om ${journey.service.name}: ${v[FIELD.summary] ?? ''}`, lines);
    find<HTMLElement>('[data-send-failed-reason]').textContent = result.reason;
    failed.hidden = false;
    failed.focus();
  }

  next.addEventListener('click', goForward);
  send.addEventListener('click', () => void submit());
  find<HTMLButtonElement>('[data-retry]').addEventListener('click', () => void submit());
  find<HTMLButtonElement>('[data-written-report]').addEventListener('click', () => {
    calledDesk.value = 'yes';
    const { steps } = stepsNow();
    show(steps[steps.indexOf(PHONE_STEP) + 1] ?? REVIEW_STEP);
  });
  // «Tilbake» leaves the form only from its first step; after that it is one step back.
  backLink.addEventListener('click', (event) => {
    if (stepsNow().steps.indexOf(current) <= 0) return;
    event.preventDefault();
    goBack();
  });
  // Enter in a text field moves on, as «Fortsett» does; the wizard never posts the plain form.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (current === REVIEW_STEP) void submit();
    else if (current !== PHONE_STEP) goForward();
  });
  form.addEventListener('input', (event) => {
    resume.hidden = true;
    const target = event.target;
    if (target instanceof HTMLInputElement && target.dataset.noticeDays) warnAboutNotice(target);
    refresh();
    persist();
  });
  const summary = form.elements.namedItem(FIELD.summary);
  if (summary instanceof HTMLInputElement) deflectWhileTyping(summary, journey.service.name);

  const draft = loadDraft(serviceId, new Date());
  if (draft && hasAnswers(draft.values, notDrafted)) {
    resume.hidden = false;
    find<HTMLButtonElement>('[data-resume-continue]').addEventListener('click', () => {
      writeValues(form, { ...values(), ...draft.values });
      idempotencyKey = draft.idempotencyKey;
      resume.hidden = true;
      for (const input of form.querySelectorAll<HTMLInputElement>('[data-notice-days]')) warnAboutNotice(input);
      show(nearestStep(draft.page));
    });
    find<HTMLButtonElement>('[data-resume-discard]').addEventListener('click', () => {
      clearDraft(serviceId);
      resume.hidden = true;
      heading.focus();
    });
  }
  show(current, false);
  // From here on the pages are steered with `hidden`; until now form.css painted this very first page.
  form.toggleAttribute('data-wizard-ready', true);
}

function warnAboutNotice(input: HTMLInputElement): void {
  const warning = input.closest('[data-question]')?.querySelector<HTMLElement>('[data-notice-warning]');
  if (!warning) return;
  const days = (Date.parse(input.value) - Date.now()) / 86_400_000;
  warning.hidden = !(input.value && days < Number(input.dataset.noticeDays));
}
