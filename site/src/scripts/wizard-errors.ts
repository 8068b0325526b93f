/** GOV.UK's error pattern: a summary at the top linking to each field, the message at the field, focus on the summary. */

export interface FieldProblem {
  name: string;
  message: string;
}

const summary = document.querySelector<HTMLElement>('[data-error-summary]');
const list = document.querySelector<HTMLUListElement>('[data-error-list]');

function fieldElement(name: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-question="${CSS.escape(name)}"]`);
}

export function clearErrors(): void {
  if (summary) summary.hidden = true;
  list?.replaceChildren();
  for (const field of document.querySelectorAll<HTMLElement>('[data-question].has-error')) setFieldError(field, undefined);
}

function setFieldError(field: HTMLElement, message: string | undefined): void {
  const error = field.querySelector<HTMLElement>('[data-error]');
  if (!error) return;
  error.textContent = message ?? '';
  error.hidden = !message;
  field.classList.toggle('has-error', Boolean(message));
  for (const input of field.querySelectorAll<HTMLElement>('input, textarea')) {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== error.id);
    if (message) ids.unshift(error.id);
    if (ids.length > 0) input.setAttribute('aria-describedby', ids.join(' '));
    else input.removeAttribute('aria-describedby');
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

/** `onLink` lets the wizard open the page a field is on before the browser jumps to it. */
export function showErrors(problems: readonly FieldProblem[], onLink: (name: string) => void): void {
  clearErrors();
  if (!summary || !list || problems.length === 0) return;
  list.replaceChildren(
    ...problems.map((problem) => {
      const field = fieldElement(problem.name);
      if (field) setFieldError(field, problem.message);
      const item = document.createElement('li');
      const link = document.createElement('a');
      const target = field?.dataset.questionId ?? '';
      link.href = `#${target}`;
      link.textContent = problem.message;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        onLink(problem.name);
        document.getElementById(target)?.focus();
      });
      item.append(link);
      return item;
    }),
  );
  summary.hidden = false;
  summary.focus();
}
