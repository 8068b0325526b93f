import { containsNationalIdNumber } from '../../../functions/core/national-id.ts';
import { readValues, writeValues, type Values } from './wizard-fields.ts';

/**
 * «Husk meg på denne enheten»: the reporter's contact details, kept in this browser for the next report, only when
 * asked, and forgotten with «Glem meg». Only the fields the form marks as such (name, organisation, phone, e-mail,
 * ISSI); never anything free-written that could hold patient data, and never a value holding a national identity
 * number.
 */

const KEY = 'serviceportal.kontakt';
/** Bump if what is kept changes shape; an unknown version is forgotten rather than guessed at. */
const VERSION = 1;

export function recallContact(fields: ReadonlySet<string>): Values | undefined {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return undefined;
    const { version, values } = stored as { version?: unknown; values?: unknown };
    if (version !== VERSION || typeof values !== 'object' || values === null) return undefined;
    const kept = Object.entries(values).filter((entry): entry is [string, string] => fields.has(entry[0]) && typeof entry[1] === 'string' && entry[1] !== '' && !containsNationalIdNumber(entry[1]));
    return kept.length > 0 ? Object.fromEntries(kept) : undefined;
  } catch {
    return undefined;
  }
}

export function rememberContact(values: Readonly<Values>, fields: ReadonlySet<string>): void {
  const kept = Object.fromEntries(Object.entries(values).filter(([field, value]) => fields.has(field) && value.trim() !== '' && !containsNationalIdNumber(value)));
  try {
    localStorage.setItem(KEY, JSON.stringify({ version: VERSION, values: kept }));
  } catch {
    // Private mode or a full storage: nothing is remembered, and the form asks again next time.
  }
}

export function forgetContact(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}

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
