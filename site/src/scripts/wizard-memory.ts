import { forgetContact, recallContact, rememberContact } from './contact-memory.ts';
import { readValues, writeValues, type Values } from './wizard-fields.ts';

/** «Husk meg på denne enheten» in the wizard: the checkbox, the line with «Glem meg», and keeping after sending (contact-memory.ts keeps them). */

export interface RememberedContact {
  /** Whether details are remembered on this device now. */
  readonly remembered: boolean;
  /** After sending: keeps the details if «Husk meg» is ticked, forgets them if not. */
  keepOrForget(values: Readonly<Values>): void;
}

/**
 * Puts remembered details into the fields still empty, ticks «Husk meg», shows the line with «Glem meg», and wires
 * that button: it forgets the details on the device and empties them from the form, then calls `forgotten`.
 */
export function offerRememberedContact(form: HTMLFormElement, fields: ReadonlySet<string>, forgotten: () => void): RememberedContact {
  const box = form.querySelector<HTMLInputElement>('#wizard-remember');
  const bar = document.querySelector<HTMLElement>('[data-memory]');
  const status = document.querySelector<HTMLElement>('[data-memory-status]');
  let remembered = recallContact(fields);
  if (remembered) {
    const filled = readValues(form);
    writeValues(form, Object.fromEntries(Object.entries(remembered).filter(([field]) => !filled[field])), fields);
    if (box) box.checked = true;
    if (bar) bar.hidden = false;
  }
  document.querySelector('[data-forget]')?.addEventListener('click', () => {
    forgetContact();
    remembered = undefined;
    writeValues(form, {}, fields);
    if (box) box.checked = false;
    if (bar) bar.hidden = true;
    if (status) status.textContent = status.dataset.forgotten ?? '';
    forgotten();
  });
  return {
    get remembered() {
      return remembered !== undefined;
    },
    keepOrForget(values) {
      if (box?.checked) rememberContact(values, fields);
      else forgetContact();
    },
  };
}
