import type { JourneyQuestion } from '../../../functions/core/journey.ts';
import { AFFECTED_NOTICE_FIELD as NOTICE_FIELD, AFFECTED_NOTICE_MISSING, noticePath, NOTICES_DOCUMENT_PATH } from '../../../functions/core/notice-paths.ts';
import { AFFECTED_ROUTE, isAffectedAnswer } from '../../../functions/http/contract/affected.ts';
import { fieldErrorsOf } from '../../../functions/http/contract/errors.ts';
import { isJsonObject } from '../../../functions/vocabulary/json-guards.ts';
import { recallContact } from './contact-memory.ts';
import { clearErrors, showErrors, type FieldProblem } from './wizard-errors.ts';

/**
 * «Vi er også rammet»: the notice comes from the link (`?melding=<id>`), the contact details from «Husk meg» when
 * the reporter asked the form to remember them — then the page is one tap. Sent as JSON; without this script the
 * form posts itself and the API answers with a page. It checks only that every answer is there: the API checks the
 * rest with the form's own rules and words, and the page shows what it says. No zod and none of the wizard's
 * modules, so the wizard's pages keep their JavaScript budget (test/e2e/wizard-budget.test.ts).
 */

type Values = Record<string, string>;

interface Page {
  form: HTMLFormElement;
  /** The contact questions, in the page's order (organisation, name, phone, e-mail: core/affected-fields.ts). */
  questions: JourneyQuestion[];
  fields: Set<string>;
}

async function start(form: HTMLFormElement): Promise<void> {
  const questions: JourneyQuestion[] = JSON.parse(form.dataset.questions ?? '[]');
  const page: Page = { form, questions, fields: new Set(questions.map((question) => question.field)) };
  await chooseNotice(form, new URLSearchParams(location.search).get('melding') ?? '');
  offerRemembered(page);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(page);
  });
}

const radios = (form: HTMLFormElement) => Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${NOTICE_FIELD}"]`));

/** A notice published after the site was built is not among the page's choices: it is added from the live document. */
async function chooseNotice(form: HTMLFormElement, wanted: string): Promise<void> {
  let choice = radios(form).find((radio) => radio.value === wanted);
  if (!choice && /^[a-z0-9-]{1,100}$/.test(wanted)) {
    const notice = await liveNotice(wanted);
    if (notice) choice = addChoice(form, notice);
  }
  const all = radios(form);
  (choice ?? (all.length === 1 ? all[0] : undefined))?.click();
}

interface LiveNotice {
  id: string;
  title: string;
}

/** The notice, if the published document has it going on now (by the reader's clock). */
async function liveNotice(id: string): Promise<LiveNotice | undefined> {
  try {
    const response = await fetch(NOTICES_DOCUMENT_PATH, { cache: 'no-store' });
    const document: unknown = response.ok ? await response.json() : undefined;
    const notices: unknown[] = isJsonObject(document) && Array.isArray(document.notices) ? document.notices : [];
    const notice = notices.find((candidate) => isJsonObject(candidate) && candidate.id === id);
    if (!isJsonObject(notice) || typeof notice.title !== 'string' || typeof notice.start !== 'string') return undefined;
    const end = typeof notice.resolved === 'string' ? notice.resolved : typeof notice.expectedEnd === 'string' ? notice.expectedEnd : undefined;
    const now = Date.now();
    return Date.parse(notice.start) <= now && (end === undefined || now < Date.parse(end)) ? { id, title: notice.title } : undefined;
  } catch {
    // The choices the page was built with stay; the reporter picks one.
    return undefined;
  }
}

function addChoice(form: HTMLFormElement, notice: LiveNotice): HTMLInputElement {
  const field = document.createElement('div');
  field.className = 'ds-field option';
  const radio = document.createElement('input');
  Object.assign(radio, { className: 'ds-input', type: 'radio', id: `notice-${notice.id}`, name: NOTICE_FIELD, value: notice.id });
  const label = document.createElement('label');
  Object.assign(label, { className: 'ds-label', htmlFor: radio.id, textContent: notice.title });
  label.dataset.weight = 'regular';
  field.append(radio, label);
  form.querySelector('[data-notice-options]')?.prepend(field);
  const none = form.querySelector<HTMLElement>('[data-no-notices]');
  if (none) none.hidden = true;
  return radio;
}

/** With every detail remembered, they stand as one line with «Endre», and the page is one button. */
function offerRemembered({ form, questions, fields }: Page): void {
  const remembered = recallContact(fields);
  if (!remembered) return;
  for (const name of fields) {
    const input = form.elements.namedItem(name);
    if (input instanceof HTMLInputElement && remembered[name] !== undefined) input.value = remembered[name];
  }
  const answers = questions.map((question) => remembered[question.field]);
  const line = form.querySelector<HTMLElement>('[data-remembered]');
  const text = form.querySelector<HTMLElement>('[data-remembered-text]');
  const contactFields = form.querySelector<HTMLElement>('[data-contact-fields]');
  if (answers.some((answer) => !answer) || !line || !text || !contactFields) return;
  const [organisation, name, phone, email] = answers;
  text.textContent = `${organisation}, ved ${name} (${phone}, ${email}).`;
  contactFields.hidden = true;
  line.hidden = false;
  form.querySelector('[data-remembered-edit]')?.addEventListener('click', () => showFields(form));
}

function showFields(form: HTMLFormElement): void {
  const contactFields = form.querySelector<HTMLElement>('[data-contact-fields]');
  const line = form.querySelector<HTMLElement>('[data-remembered]');
  if (contactFields) contactFields.hidden = false;
  if (line) line.hidden = true;
  form.querySelector<HTMLInputElement>('[data-contact-fields] input')?.focus();
}

function problemsIn(values: Values, questions: readonly JourneyQuestion[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!values[NOTICE_FIELD]) problems.push({ name: NOTICE_FIELD, message: AFFECTED_NOTICE_MISSING });
  for (const question of questions) {
    if (!values[question.field]?.trim()) problems.push({ name: question.field, message: question.missingMessage ?? `Svar på «${question.label}».` });
  }
  return problems;
}

/** The notice chosen and the contact answers, as the form holds them. */
const readValues = (form: HTMLFormElement): Values =>
  Object.fromEntries([...new FormData(form)].flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));

async function send(page: Page): Promise<void> {
  const { form, questions } = page;
  const values = readValues(form);
  const problems = problemsIn(values, questions);
  if (problems.length > 0) return fail(page, problems);
  clearErrors();
  const button = form.querySelector<HTMLButtonElement>('[data-affected-submit]');
  const status = form.querySelector<HTMLElement>('[data-affected-status]');
  if (button) button.disabled = true;
  if (status) status.textContent = 'Sender …';
  // `contact.email` → `{ contact: { email } }`, as the API takes a report's contact.
  const contact = Object.fromEntries(questions.map((question) => [question.field.split('.').pop(), values[question.field] ?? '']));
  try {
    const response = await fetch(AFFECTED_ROUTE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ [NOTICE_FIELD]: values[NOTICE_FIELD], contact }),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok && isAffectedAnswer(body))
      return done(values[NOTICE_FIELD] ?? '', body.count, body.added, values[questions.at(-1)?.field ?? ''] ?? '', form);
    const said = fieldErrorsOf(body)
      .map((error) => ({ name: error.path || NOTICE_FIELD, message: error.message }))
      .filter((problem) => problem.message);
    fail(
      page,
      said.length > 0 ? said : [{ name: NOTICE_FIELD, message: 'Vi fikk ikke lagt dere til akkurat nå. Prøv igjen om litt, eller ring Servicedesk.' }],
    );
  } catch {
    fail(page, [{ name: NOTICE_FIELD, message: 'Fikk ikke kontakt med Serviceportalen. Sjekk nettet og prøv igjen, eller ring Servicedesk.' }]);
  } finally {
    if (button) button.disabled = false;
    if (status) status.textContent = '';
  }
}

function fail({ form, fields }: Page, problems: readonly FieldProblem[]): void {
  if (problems.some((problem) => fields.has(problem.name))) showFields(form);
  showErrors(problems, () => {});
}

function done(noticeId: string, count: number, added: boolean, email: string, form: HTMLFormElement): void {
  const box = document.querySelector<HTMLElement>('[data-affected-done]');
  const text = document.querySelector<HTMLElement>('[data-affected-done-text]');
  const link = document.querySelector<HTMLAnchorElement>('[data-affected-done-link]');
  if (!box || !text) return;
  const others = count - 1;
  const counted =
    others === 0 ? 'Dere er de første som har sagt fra om dette.' : `Dere og ${others} ${others === 1 ? 'kontrollrom til' : 'andre kontrollrom'} er rammet.`;
  // A second colleague from a control room already counted: the desk knew, and this address now gets the updates too.
  const told = added ? 'Servicedesk har fått beskjed.' : 'Servicedesk visste allerede at dere er rammet.';
  text.textContent = `${counted} ${told} Oppdateringer sendes til ${email}.`;
  if (link) link.href = noticePath(noticeId);
  form.hidden = true;
  box.hidden = false;
  box.focus();
}

// Last, once every function and constant above is defined.
const affectedForm = document.querySelector<HTMLFormElement>('[data-affected-form]');
if (affectedForm) void start(affectedForm);
