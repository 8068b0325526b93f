import { containsNationalIdNumber } from '../../../functions/core/national-id.ts';
import { isJsonObject, isString, objectOf } from '../../../functions/vocabulary/json-guards.ts';
import type { Values } from './wizard-fields.ts';

/**
 * The unsent report, kept in this browser only, so a closed tab or a lost connection never loses it. It holds what
 * the reporter wrote, so it lasts a day at most and is removed as soon as the report is sent. Only answers that
 * pass the form's own rules are kept, and never one that holds a national identity number: a control-room PC is
 * shared. Every draft older than a day, of any service, is deleted the next time any form is opened.
 */
export interface Draft {
  values: Values;
  page: string;
  /** One key per report, reused on every retry, so the API stores it once. */
  idempotencyKey: string;
  savedAt: string;
}

export const DRAFT_LIFETIME_HOURS = 24;

const PREFIX = 'serviceportal.utkast.';
const keyFor = (serviceId: string) => `${PREFIX}${serviceId}`;
/** A draft dated more than this into the future (a clock set back, an edited entry) is not trusted either. */
const CLOCK_SKEW_MS = 5 * 60_000;

const isValues = (value: unknown): value is Values => isJsonObject(value) && Object.values(value).every((entry) => typeof entry === 'string');

const isDraft = objectOf<Draft>({ values: isValues, page: isString, idempotencyKey: isString, savedAt: isString });

const isFresh = (draft: Draft, now: Date) => {
  const age = now.getTime() - Date.parse(draft.savedAt);
  return age >= -CLOCK_SKEW_MS && age <= DRAFT_LIFETIME_HOURS * 3_600_000;
};

/** Only answers the form's rules accept (`valid`), never one holding a national identity number. */
const safeValues = (values: Readonly<Values>, valid: (field: string, value: string) => boolean): Values =>
  Object.fromEntries(Object.entries(values).filter(([field, value]) => !containsNationalIdNumber(value) && valid(field, value)));

/** Removes every draft on this device that is too old, undated or unreadable, whichever service it is for. */
export function deleteExpiredDrafts(now: Date): void {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index)).filter(
      (key): key is string => key?.startsWith(PREFIX) ?? false,
    );
    for (const key of keys) {
      let draft: unknown;
      try {
        draft = JSON.parse(localStorage.getItem(key) ?? 'null');
      } catch {
        // Unreadable: removed below.
      }
      if (!isDraft(draft) || !isFresh(draft, now)) localStorage.removeItem(key);
    }
  } catch {
    // No storage: nothing was kept.
  }
}

/**
 * The draft, unless there is none, it cannot be read, or it is older than a day. Expired drafts of every service
 * are deleted first, never read; an answer holding a national identity number (from a draft written before this
 * rule) is dropped, and the draft rewritten without it.
 */
export function loadDraft(serviceId: string, now: Date): Draft | undefined {
  deleteExpiredDrafts(now);
  try {
    const draft: unknown = JSON.parse(localStorage.getItem(keyFor(serviceId)) ?? 'null');
    if (!isDraft(draft)) return undefined;
    const values = safeValues(draft.values, () => true);
    if (Object.keys(values).length === Object.keys(draft.values).length) return draft;
    const cleaned = { ...draft, values };
    localStorage.setItem(keyFor(serviceId), JSON.stringify(cleaned));
    return cleaned;
  } catch {
    return undefined;
  }
}

/** Keeps the answers that pass `valid` (the form's own rule for each field) and hold no national identity number. */
export function saveDraft(serviceId: string, draft: Omit<Draft, 'savedAt'>, now: Date, valid: (field: string, value: string) => boolean): void {
  try {
    localStorage.setItem(keyFor(serviceId), JSON.stringify({ ...draft, values: safeValues(draft.values, valid), savedAt: now.toISOString() } satisfies Draft));
  } catch {
    // Private mode or a full storage: the report still works, only without a saved draft.
  }
}

export function clearDraft(serviceId: string): void {
  try {
    localStorage.removeItem(keyFor(serviceId));
  } catch {
    // Nothing was saved.
  }
}

/** Whether the reporter has written or chosen anything worth offering back (not only remembered details). */
export function hasAnswers(values: Readonly<Values>, ignore: ReadonlySet<string>): boolean {
  return Object.entries(values).some(([name, value]) => value.trim() !== '' && !ignore.has(name) && !name.startsWith('wizard.'));
}
