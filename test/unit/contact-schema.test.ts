import { describe, expect, it } from 'vitest';
import { deskContactSchema } from '../../functions/catalog/contact-schema.ts';

/** content/contact.yaml as an editor might get it wrong, and what the check says, where. */

const always = { alwaysOpen: true, description: 'Døgnåpent.' };
const valid = {
  channels: [
    { id: 'main-phone', name: 'Hovednummer', kind: 'phone', value: '08915', use: 'Alt som haster.', hours: always },
    { id: 'mail', name: 'E-post', kind: 'email', value: 'drift@hdo.no', use: 'Når bare internett virker.', hours: always },
  ],
  ladder: [
    { channel: 'main-phone', when: 'Alltid først', action: 'ring {value}' },
    { channel: 'mail', when: 'Når alt annet er nede', action: 'send e-post til {value}' },
  ],
};

const problems = (contact: unknown) => {
  const result = deskContactSchema.safeParse(contact);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('deskContactSchema', () => {
  it('takes a ladder of sentences whose first step is a phone', () => {
    expect(problems(valid)).toEqual([]);
  });

  it.each([
    [
      'a phone number with letters in it',
      { ...valid, channels: [{ ...valid.channels[0], value: '08915 (vakt)' }, valid.channels[1]] },
      'channels.0.value: må være et telefonnummer med bare sifre og mellomrom',
    ],
    [
      'a step ending in a full stop',
      { ...valid, ladder: [{ ...valid.ladder[0], when: 'Alltid først.' }, valid.ladder[1]] },
      'ladder.0.when: skal stå uten punktum eller kolon til slutt',
    ],
    [
      'an action with two numbers',
      { ...valid, ladder: [{ ...valid.ladder[0], action: 'ring {value} eller {value}' }, valid.ladder[1]] },
      'ladder.0.action: kan ha {value} bare én gang',
    ],
    [
      'a phone step without the number',
      { ...valid, ladder: [{ ...valid.ladder[0], action: 'ring Servicedesk' }, valid.ladder[1]] },
      'ladder.0.action: må ha {value} der nummeret skal stå, så det blir en lenke',
    ],
    ['a ladder that starts with e-mail', { ...valid, ladder: [valid.ladder[1], valid.ladder[0]] }, 'ladder.0.channel: det første steget må være en telefon'],
  ])('refuses %s, saying where and what is expected', (_case, contact, expected) => {
    const found = problems(contact);

    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
  });

  it('gives an empty ladder one problem, not two', () => {
    expect(problems({ ...valid, ladder: [] })).toEqual(['ladder: må ha minst ett steg']);
  });
});
