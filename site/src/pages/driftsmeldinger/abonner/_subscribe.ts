import { SCOPE_VALUES, SUBSCRIBE_FIELDS } from '../../../../../functions/core/subscription-paths.ts';
import { fieldErrorsOf } from '../../../../../functions/http/contract/errors.ts';
import { isSubscribeAnswer, SUBSCRIBE_ROUTE } from '../../../../../functions/http/contract/subscriptions.ts';

/**
 * The subscribe form with JavaScript: posts JSON to the API and says, in the form's status region, what happened,
 * so the page stays where it is. Without JavaScript the form posts itself and the API answers with a page.
 */
export function enhanceSubscribeForm(): void {
  const form = document.querySelector<HTMLFormElement>('[data-subscribe-form]');
  const status = form?.querySelector<HTMLElement>('[data-subscribe-status]');
  if (!form || !status) return;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  // Ticking a service means «only these»: the radio follows, so nobody sends a choice they did not mean.
  const chosen = form.querySelector<HTMLInputElement>(`input[name="${SUBSCRIBE_FIELDS.scope}"][value="${SCOPE_VALUES.chosen}"]`);
  form.addEventListener('change', (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.name === SUBSCRIBE_FIELDS.services && target.checked && chosen) chosen.checked = true;
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = {
      email: String(data.get(SUBSCRIBE_FIELDS.email) ?? ''),
      scope: data.get(SUBSCRIBE_FIELDS.scope) === SCOPE_VALUES.chosen ? 'chosen' : 'all',
      services: data.getAll(SUBSCRIBE_FIELDS.services).map(String),
    };
    if (button) button.disabled = true;
    show(status, 'info', 'Sender …');
    void send(body)
      .then((answer) => show(status, answer.ok ? 'success' : 'warning', answer.message))
      .finally(() => {
        if (button) button.disabled = false;
      });
  });
}

async function send(body: { email: string; scope: string; services: string[] }): Promise<{ ok: boolean; message: string }> {
  try {
    const response = await fetch(SUBSCRIBE_ROUTE, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer: unknown = await response.json().catch(() => undefined);
    if (response.ok) return { ok: true, message: isSubscribeAnswer(answer) ? answer.message : 'Sjekk e-posten din, og bekreft med lenken vi sendte.' };
    if (response.status === 429) return { ok: false, message: 'For mange forespørsler på kort tid. Vent et minutt og prøv igjen.' };
    const problems = fieldErrorsOf(answer)
      .map((error) => error.message)
      .join(' ');
    return { ok: false, message: problems || 'Det gikk ikke på grunn av en feil hos oss. Prøv igjen om litt.' };
  } catch {
    return { ok: false, message: 'Fikk ikke kontakt med Serviceportalen. Sjekk nettforbindelsen og prøv igjen.' };
  }
}

function show(status: HTMLElement, tone: 'info' | 'success' | 'warning', message: string): void {
  const alert = document.createElement('div');
  alert.className = 'ds-alert';
  alert.dataset.color = tone;
  const text = document.createElement('p');
  text.textContent = message;
  alert.append(text);
  status.replaceChildren(alert);
}
