import { containsNationalIdNumber } from '../../../functions/core/national-id.ts';
import { isJsonObject } from '../../../functions/vocabulary/json-guards.ts';
import type { Values } from './wizard-fields.ts';

/**
 * «Husk meg på denne enheten»: the reporter's contact details, kept in this browser for the next report, only when
 * asked, and forgotten with «Glem meg». Only the fields the form marks as such (name, organisation, phone, e-mail,
 * ISSI); never anything free-written that could hold patient data, and never a value holding a national identity
 * number. The storage alone, apart from the wizard's use of it (wizard-memory.ts): «Vi er også rammet» reads it
 * too, and must not bring the wizard's modules into its page.
 */

const KEY = 'serviceportal.kontakt';
/** Bump if what is kept changes shape; an unknown version is forgotten rather than guessed at. */
const VERSION = 1;

export function recallContact(fields: ReadonlySet<string>): Values | undefined {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!isJsonObject(stored) || stored.version !== VERSION || !isJsonObject(stored.values)) return undefined;
    const { values } = stored;
    const kept = Object.entries(values).filter(
      (entry): entry is [string, string] => fields.has(entry[0]) && typeof entry[1] === 'string' && entry[1] !== '' && !containsNationalIdNumber(entry[1]),
    );
    return kept.length > 0 ? Object.fromEntries(kept) : undefined;
  } catch {
    return undefined;
  }
}

export function rememberContact(values: Readonly<Values>, fields: ReadonlySet<string>): void {
  const kept = Object.fromEntries(
    Object.entries(values).filter(([field, value]) => fields.has(field) && value.trim() !== '' && !containsNationalIdNumber(value)),
  );
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
