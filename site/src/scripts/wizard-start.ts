/**
 * Fetches the wizard once the first page has been painted. form.css already paints the wizard's first step, so
 * nothing moves when the wizard takes over a moment later, and its download no longer competes with the styles
 * the first paint waits for. Loading the code and starting the wizard are separate tasks, so neither holds up a
 * tap for long on a slow phone. Should the code not arrive, the one-page form shows and works as without JavaScript.
 */
const form = document.querySelector<HTMLFormElement>('form[data-wizard]');
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

async function loadWizard(form: HTMLFormElement): Promise<void> {
  await nextTask();
  let wizard: typeof import('./wizard.ts');
  try {
    wizard = await import('./wizard.ts');
  } catch {
    form.toggleAttribute('data-wizard-unavailable', true);
    return;
  }
  await nextTask();
  wizard.startWizard(form);
}

if (form) requestAnimationFrame(() => void loadWizard(form));
