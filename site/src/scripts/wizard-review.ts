import { PRIORITY_DESCRIPTIONS, priorityOf, type ImpactAnswers } from '../../../functions/core/priority.ts';
import type { Values } from './wizard-fields.ts';

/** What a page asked and what was answered, in words: a choice as the label of the chosen option. */
export function answersOnPage(page: HTMLElement, values: Values): { label: string; answer: string }[] {
  return Array.from(page.querySelectorAll<HTMLElement>('[data-field]')).map((field) => {
    const name = field.dataset.field ?? '';
    const value = values[name] ?? '';
    const option = value ? field.querySelector<HTMLInputElement>(`input[type="radio"][value="${CSS.escape(value)}"]`) : null;
    const label = option ? document.querySelector(`label[for="${option.id}"]`)?.textContent ?? value : value;
    return { label: field.dataset.label ?? name, answer: field.querySelector('input[type="date"]') && value ? value.split('-').reverse().join('.') : label.trim() };
  });
}

/** "Check your answers": each answer with an "Endre" button back to its page. */
export function renderReview(list: HTMLElement, pages: readonly HTMLElement[], values: Values, change: (page: HTMLElement) => void): void {
  list.replaceChildren();
  for (const page of pages) {
    for (const { label, answer } of answersOnPage(page, values)) {
      const row = document.createElement('div');
      const term = document.createElement('dt');
      const detail = document.createElement('dd');
      const action = document.createElement('dd');
      const button = document.createElement('button');
      term.textContent = label;
      detail.textContent = answer || 'Ikke besvart';
      button.type = 'button';
      button.className = 'ds-link wizard-change';
      button.textContent = 'Endre';
      const hidden = document.createElement('span');
      hidden.className = 'ds-sr-only';
      hidden.textContent = ` ${label}`;
      button.append(hidden);
      button.addEventListener('click', () => change(page));
      action.append(button);
      row.append(term, detail, action);
      list.append(row);
    }
  }
}

/** The same matrix the API uses, so what the reporter is told here is what the desk receives. */
export function showPriority(page: HTMLElement, values: Values): void {
  const impact = { affected: values['impact.affected'], workaround: values['impact.workaround'], emergencyResponse: values['impact.emergencyResponse'] } as ImpactAnswers;
  const level = priorityOf(impact);
  const description = PRIORITY_DESCRIPTIONS[level];
  const set = (selector: string, text: string) => {
    const element = page.querySelector(selector);
    if (element) element.textContent = text;
  };
  set('[data-priority-name]', `${level} ${description.name.toLowerCase()}`);
  set('[data-priority-meaning]', description.meaning);
  set('[data-priority-response]', description.expectedResponse);
}
