import type { Values } from './wizard-fields.ts';

/**
 * The unsent report, kept in this browser only, so a closed tab or a lost connection never loses it. It holds what
 * the reporter wrote, so it lasts a day at most and is removed as soon as the report is sent.
 */
export interface Draft {
  values: Values;
  page: string;
  /** One key per report, reused on every retry, so the API stores it once. */
  idempotencyKey: string;
  savedAt: string;
}

export const DRAFT_LIFETIME_HOURS = 24;

const keyFor = (serviceId: string) => `serviceportal.utkast.${serviceId}`;

const isValues = (value: unknown): value is Values =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((entry) => typeof entry === 'string');

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return isValues(draft.values) && typeof draft.page === 'string' && typeof draft.idempotencyKey === 'string' && typeof draft.savedAt === 'string';
}

/** The draft, unless there is none, it cannot be read, or it is older than a day (then it is removed). */
export function loadDraft(serviceId: string, now: Date): Draft | undefined {
  try {
    const draft: unknown = JSON.parse(localStorage.getItem(keyFor(serviceId)) ?? 'null');
    if (!isDraft(draft)) return undefined;
    if (now.getTime() - Date.parse(draft.savedAt) > DRAFT_LIFETIME_HOURS * 3_600_000 || Number.isNaN(Date.parse(draft.savedAt))) {
      clearDraft(serviceId);
      return undefined;
    }
    return draft;
  } catch {
    return undefined;
  }
}

export function saveDraft(serviceId: string, draft: Omit<Draft, 'savedAt'>, now: Date): void {
  try {
    localStorage.setItem(keyFor(serviceId), JSON.stringify({ ...draft, savedAt: now.toISOString() } satisfies Draft));
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
