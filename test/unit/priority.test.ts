import { describe, expect, it } from 'vitest';
import { AFFECTED_SCOPES, PRIORITIES, PRIORITY_DESCRIPTIONS, priorityOf, type ImpactAnswers } from '../../functions/core/priority.ts';

describe('priorityOf: impact × urgency', () => {
  it.each([
    // affected   workaround  emergency  → priority
    ['many', 'no', 'yes', 'P1'],
    ['many', 'no', 'no', 'P1'],
    ['many', 'yes', 'no', 'P2'],
    ['site', 'yes', 'yes', 'P1'],
    ['site', 'no', 'no', 'P2'],
    ['site', 'yes', 'no', 'P3'],
    ['several', 'no', 'yes', 'P2'],
    ['several', 'no', 'no', 'P3'],
    ['several', 'yes', 'no', 'P3'],
    ['one', 'yes', 'yes', 'P2'],
    ['one', 'no', 'no', 'P3'],
    ['one', 'yes', 'no', 'P4'],
  ] as const)('%s affected, workaround %s, emergency response affected %s → %s', (affected, workaround, emergencyResponse, priority) => {
    expect(priorityOf({ affected, workaround, emergencyResponse })).toBe(priority);
  });

  it('never gives less than P2 when emergency response is affected', () => {
    const priorities = AFFECTED_SCOPES.flatMap((affected) =>
      (['yes', 'no'] as const).map((workaround) => priorityOf({ affected, workaround, emergencyResponse: 'yes' } satisfies ImpactAnswers)),
    );

    expect(priorities.every((priority) => priority === 'P1' || priority === 'P2')).toBe(true);
  });
});

describe('PRIORITY_DESCRIPTIONS', () => {
  it('says what every priority means and when the desk responds, in Norwegian', () => {
    for (const priority of PRIORITIES) {
      const description = PRIORITY_DESCRIPTIONS[priority];
      expect(description.name).not.toBe('');
      expect(description.meaning).toMatch(/\.$/);
      expect(description.expectedResponse).toMatch(/Servicedesk/);
    }
  });

  it('tells only P1 reporters to phone now', () => {
    expect(PRIORITIES.filter((priority) => PRIORITY_DESCRIPTIONS[priority].phoneNow)).toEqual(['P1']);
    expect(PRIORITY_DESCRIPTIONS.P1.expectedResponse).toContain('08915');
  });
});
