import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearDraft, DRAFT_LIFETIME_HOURS, loadDraft, saveDraft, type Draft } from '../../site/src/scripts/wizard-draft.ts';
import { fieldError } from '../../site/src/scripts/wizard-fields.ts';
import { recallContact, rememberContact } from '../../site/src/scripts/contact-memory.ts';
import { realJourneys } from './builders.ts';

/**
 * The wizard's draft in localStorage (issue 14, finding 4): only answers that pass the form's rules, never one
 * holding a national identity number, and gone after 24 hours, deleted rather than read. Time is passed in; no
 * test reads the clock.
 */

/** localStorage as a browser has it, in memory. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
  keys() {
    return [...this.items.keys()];
  }
}

const journey = realJourneys().iccs;
const valid = (field: string, value: string) => !fieldError(journey, field, value);
const SAVED_AT = new Date('2026-03-05T08:00:00Z');
const hoursLater = (hours: number) => new Date(SAVED_AT.getTime() + hours * 3_600_000);
const draftOf = (values: Record<string, string>) => ({ values, page: 'describe', idempotencyKey: 'key-1' });

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const stored = (serviceId: string) => JSON.parse(storage.getItem(`serviceportal.utkast.${serviceId}`) ?? 'null') as Draft | null;

describe('saveDraft: what is written to the device', () => {
  it('writes only the answers that pass the form’s own rules', () => {
    saveDraft(
      'iccs',
      draftOf({
        summary: 'Radio faller ut',
        'contact.email': 'kari@',
        'contact.phone': 'ring meg',
        'answers.controlRoom': 'AMK\u202eInnlandet',
        'contact.name': 'Kari Nordmann',
      }),
      SAVED_AT,
      valid,
    );

    expect(stored('iccs')?.values).toEqual({ summary: 'Radio faller ut', 'contact.name': 'Kari Nordmann' });
  });

  it.each([
    ['summary', 'Gjelder 010190 100 46'],
    ['description', 'Pasienten\n01.01.90 10046\nble ikke hørt'],
    ['contact.phone', '010190 10046'],
    ['contact.email', '01019010046@example.no'],
    ['contact.issi', '15063210002'],
  ])('never writes %s holding a national identity number (%j), whatever the rules say', (field, value) => {
    saveDraft('iccs', draftOf({ summary: 'Radio faller ut', [field]: value }), SAVED_AT, () => true);

    expect(stored('iccs')?.values).toEqual(field === 'summary' ? {} : { summary: 'Radio faller ut' });
    expect(JSON.stringify(storage.getItem('serviceportal.utkast.iccs'))).not.toMatch(/10046|10002/);
  });

  it('replaces a field kept earlier once it holds a national identity number', () => {
    saveDraft('iccs', draftOf({ summary: 'Radio faller ut', description: 'Panelet er grått' }), SAVED_AT, valid);
    saveDraft('iccs', draftOf({ summary: 'Radio faller ut', description: 'Panelet er grått for 01019010046' }), hoursLater(0.01), valid);

    expect(stored('iccs')?.values).toEqual({ summary: 'Radio faller ut' });
  });

  it('dates the draft with the time it is given', () => {
    saveDraft('iccs', draftOf({ summary: 'Radio faller ut' }), SAVED_AT, valid);

    expect(stored('iccs')).toEqual({ ...draftOf({ summary: 'Radio faller ut' }), savedAt: '2026-03-05T08:00:00.000Z' });
  });
});

describe(`loadDraft: a draft lasts ${DRAFT_LIFETIME_HOURS} hours`, () => {
  it('is read back until 24 hours have passed', () => {
    saveDraft('iccs', draftOf({ summary: 'Radio faller ut' }), SAVED_AT, valid);

    expect(loadDraft('iccs', hoursLater(24))?.values).toEqual({ summary: 'Radio faller ut' });
  });

  it('is deleted, not read, a moment after 24 hours', () => {
    saveDraft('iccs', draftOf({ summary: 'Radio faller ut' }), SAVED_AT, valid);

    expect(loadDraft('iccs', new Date(hoursLater(24).getTime() + 1))).toBeUndefined();
    expect(storage.keys()).toEqual([]);
  });

  it('deletes the expired drafts of every service when any form is opened, keeping the fresh ones', () => {
    saveDraft('radio', draftOf({ summary: 'Gammel' }), SAVED_AT, valid);
    saveDraft('change-request', draftOf({ summary: 'Fersk' }), hoursLater(20), valid);
    storage.setItem('serviceportal.kontakt', JSON.stringify({ version: 1, values: { 'contact.name': 'Kari' } }));

    expect(loadDraft('iccs', hoursLater(30))).toBeUndefined();

    expect(storage.keys().sort()).toEqual(['serviceportal.kontakt', 'serviceportal.utkast.change-request']);
  });

  it.each([
    ['undated', JSON.stringify({ ...draftOf({ summary: 'x' }), savedAt: 'i går' })],
    ['dated in the future (a clock set back, an edited entry)', JSON.stringify({ ...draftOf({ summary: 'x' }), savedAt: hoursLater(2).toISOString() })],
    ['not JSON', '{"values":'],
    ['of another shape', JSON.stringify({ values: ['x'] })],
  ])('deletes a draft that is %s', (_kind, raw) => {
    storage.setItem('serviceportal.utkast.iccs', raw);

    expect(loadDraft('iccs', SAVED_AT)).toBeUndefined();
    expect(storage.keys()).toEqual([]);
  });

  it('drops an answer holding a national identity number from a draft written before this rule, and rewrites it without', () => {
    storage.setItem(
      'serviceportal.utkast.iccs',
      JSON.stringify({ ...draftOf({ summary: 'Radio faller ut', description: 'Gjelder 010190 100 46' }), savedAt: SAVED_AT.toISOString() }),
    );

    expect(loadDraft('iccs', hoursLater(1))?.values).toEqual({ summary: 'Radio faller ut' });
    expect(storage.getItem('serviceportal.utkast.iccs')).not.toContain('100 46');
  });

  it('is gone once the report is sent', () => {
    saveDraft('iccs', draftOf({ summary: 'Radio faller ut' }), SAVED_AT, valid);
    clearDraft('iccs');

    expect(loadDraft('iccs', hoursLater(1))).toBeUndefined();
  });
});

describe('«Husk meg»: the remembered contact details', () => {
  const fields = new Set(['contact.name', 'contact.organisation', 'contact.phone', 'contact.email', 'contact.issi']);

  it('keeps the contact fields and nothing else, until «Glem meg»', () => {
    rememberContact({ 'contact.name': 'Kari Nordmann', 'contact.phone': '+47 912 34 567', summary: 'Radio faller ut' }, fields);

    expect(recallContact(fields)).toEqual({ 'contact.name': 'Kari Nordmann', 'contact.phone': '+47 912 34 567' });
  });

  it('never keeps a value holding a national identity number, nor gives one back', () => {
    rememberContact({ 'contact.name': 'Kari Nordmann', 'contact.issi': '010190 100 46' }, fields);
    expect(storage.getItem('serviceportal.kontakt')).not.toContain('100 46');

    storage.setItem(
      'serviceportal.kontakt',
      JSON.stringify({ version: 1, values: { 'contact.name': 'Kari Nordmann', 'contact.email': '01019010046@example.no' } }),
    );
    expect(recallContact(fields)).toEqual({ 'contact.name': 'Kari Nordmann' });
  });
});
