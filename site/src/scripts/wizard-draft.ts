import type { Values } from './wizard-fields.ts';

/** The unsent report, kept in this browser only, so a closed tab or a lost connection never loses it. */
export interface Draft {
  values: Values;
  page: string;
  /** One key per report, reused on every retry, so the API stores it once. */
  idempotencyKey: string;
  savedAt: string;
}

const keyFor = (serviceId: string) => `serviceportal.utkast.${serviceId}`;

export function loadDraft(serviceId: string): Draft | undefined {
  try {
    const draft = JSON.parse(localStorage.getItem(keyFor(serviceId)) ?? 'null') as Draft | null;
    return draft && typeof draft.values === 'object' && typeof draft.idempotencyKey === 'string' ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(serviceId: string, draft: Omit<Draft, 'savedAt'>): void {
  try {
    localStorage.setItem(keyFor(serviceId), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
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

export function hasAnswers(values: Values): boolean {
  return Object.entries(values).some(([name, value]) => value.trim() !== '' && name !== 'requestType');
}
