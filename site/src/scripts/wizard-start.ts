/**
 * Fetches the wizard once the first page has been painted. form.css already paints the wizard's first step, so
 * nothing moves when the wizard takes over a moment later, and its download no longer competes with the styles
 * the first paint waits for. Loading the code and starting the wizard are separate tasks, so neither holds up a
 * tap for long on a slow phone. Should the code not arrive, the one-page form shows and works as without JavaScript.
 */
const form = document.querySelector<HTMLFormElement>('form[data-wizard]');
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

async function loadWizard(form: HTMLFormElement): Promise<void> {
  // «Fortsett» is painted before the wizard can act on it: a press in that moment is kept and carried out after.
  let pressedNext = false;
  const notePress = (event: Event) => {
    if (event.target instanceof Element && event.target.closest('[data-next]')) pressedNext = true;
  };
  form.addEventListener('click', notePress);
  await nextTask();
  let wizard: typeof import('./wizard.ts');
  try {
    wizard = await import('./wizard.ts');
  } catch {
    form.removeEventListener('click', notePress);
    form.toggleAttribute('data-wizard-unavailable', true);
    return;
  }
  await nextTask();
  form.removeEventListener('click', notePress);
  wizard.startWizard(form);
  if (pressedNext) form.querySelector<HTMLButtonElement>('[data-next]')?.click();
}

if (form) requestAnimationFrame(() => void loadWizard(form));
