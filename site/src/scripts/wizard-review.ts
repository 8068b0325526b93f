import type { AnswerSection } from '../../../functions/core/answer-sections.ts';
import { expectedResponse, priorityName, type Priority, type PriorityPolicy } from '../../../functions/core/priority.ts';

/** «Sjekk svarene»: the answers by section, each with «Endre» back to the page that asks it. */
export function renderReview(container: HTMLElement, sections: readonly AnswerSection[], change: (page: string) => void): void {
  container.replaceChildren(
    ...sections.map((section) => {
      const part = document.createElement('section');
      const heading = document.createElement('h3');
      const list = document.createElement('dl');
      heading.textContent = section.title;
      for (const row of section.rows) {
        const line = document.createElement('div');
        const term = document.createElement('dt');
        const detail = document.createElement('dd');
        term.textContent = row.label;
        detail.textContent = row.answer || 'Ikke besvart';
        line.append(term, detail);
        const page = row.page;
        if (page) {
          const action = document.createElement('dd');
          const button = document.createElement('button');
          const hidden = document.createElement('span');
          button.type = 'button';
          button.className = 'ds-link link-button';
          button.textContent = 'Endre';
          hidden.className = 'ds-sr-only';
          hidden.textContent = ` ${row.label}`;
          button.append(hidden);
          button.addEventListener('click', () => change(page));
          action.append(button);
          line.append(action);
        }
        list.append(line);
      }
      part.append(heading, list);
      return part;
    }),
  );
}

/** The same policy the API applies, so what the reporter is told here is what the desk receives. */
export function showPriority(box: HTMLElement, policy: PriorityPolicy, priority: Priority | undefined, handledNow: boolean): void {
  box.hidden = priority === undefined;
  if (!priority) return;
  const level = policy.levels[priority];
  const set = (selector: string, text: string) => {
    const element = box.querySelector(selector);
    if (element) element.textContent = text;
  };
  set('[data-priority-name]', priorityName(policy, priority));
  set('[data-priority-meaning]', level.meaning);
  set('[data-priority-response]', expectedResponse(level, handledNow));
}
