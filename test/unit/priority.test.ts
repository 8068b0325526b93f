import { describe, expect, it } from 'vitest';
import { AFFECTED_SCOPES, YES_NO } from '../../functions/core/fixed-questions.ts';
import { expectedResponse, mustPhone, PRIORITIES, priorityOf, type PriorityPolicy } from '../../functions/core/priority.ts';
import { realCatalog } from './builders.ts';

/** A policy unlike the real one, so the rules are seen to come from the policy and not from code. */
const POLICY: PriorityPolicy = {
  label: 'Forslag',
  settledTogether: 'Vi avgjør sammen.',
  responseLabel: 'Neste',
  levels: {
    P1: { name: 'En', meaning: 'a', example: 'a', phone: true, response: 'Ring.' },
    P2: { name: 'To', meaning: 'b', example: 'b', phone: false, response: 'Innen en time.' },
    P3: { name: 'Tre', meaning: 'c', example: 'c', phone: false, response: 'Innen fire timer.', outsideHours: 'Fra i morgen tidlig.' },
    P4: { name: 'Fire', meaning: 'd', example: 'd', phone: false, response: 'Innen to dager.' },
  },
  urgency: { immediate: 'Nå', soon: 'Snart', normal: 'Vanlig' },
  matrix: {
    one: { immediate: 'P1', soon: 'P4', normal: 'P4' },
    several: { immediate: 'P1', soon: 'P3', normal: 'P4' },
    site: { immediate: 'P1', soon: 'P2', normal: 'P3' },
    many: { immediate: 'P1', soon: 'P1', normal: 'P2' },
  },
  afterUrgentCall: 'P2',
  otherRequests: 'P3',
  handledBy: 'portal',
};

describe('priorityOf: the policy’s matrix, impact × urgency', () => {
  it.each([
    // affected   workaround  urgent → priority (POLICY.matrix)
    ['many', 'no', 'no', 'P1'],
    ['many', 'yes', 'no', 'P2'],
    ['site', 'no', 'no', 'P2'],
    ['site', 'yes', 'no', 'P3'],
    ['several', 'no', 'no', 'P3'],
    ['one', 'yes', 'no', 'P4'],
    ['one', 'yes', 'yes', 'P1'],
  ] as const)('a fault: %s affected, workaround %s, urgent %s → %s', (affected, workaround, urgent, priority) => {
    expect(priorityOf(POLICY, { urgent, impact: { affected, workaround } })).toBe(priority);
  });

  it('gives a written report after an urgent call, asked nothing about impact, the policy’s afterUrgentCall', () => {
    expect(priorityOf(POLICY, { urgent: 'yes' })).toBe('P2');
  });

  it('gives a change request, question or order (no impact answers) that is not urgent the policy’s otherRequests', () => {
    expect(priorityOf(POLICY, { urgent: 'no' })).toBe('P3');
  });
});

describe('expectedResponse: honest about the hour', () => {
  it('adds the words for outside the hours only when written reports are not being handled', () => {
    expect(expectedResponse(POLICY.levels.P3, true)).toBe('Innen fire timer.');
    expect(expectedResponse(POLICY.levels.P3, false)).toBe('Innen fire timer. Fra i morgen tidlig.');
  });

  it('says the same at any hour for a level without such words', () => {
    expect(expectedResponse(POLICY.levels.P4, false)).toBe('Innen to dager.');
  });
});

describe('the desk’s policy in content/priority.yaml', () => {
  const policy = realCatalog().priority;

  it('phones in P1 and P2 and nothing else, as «Prioritet og alvorlighetsgrad» says', () => {
    expect(PRIORITIES.filter((priority) => mustPhone(policy, priority))).toEqual(['P1', 'P2']);
  });

  it('makes several operator positions without a workaround P2, which must be phoned in', () => {
    const priority = priorityOf(policy, { urgent: 'no', impact: { affected: 'several', workaround: 'no' } });

    expect(priority).toBe('P2');
    expect(mustPhone(policy, priority)).toBe(true);
  });

  it('never gives less than P2 when patient safety or emergency response is affected', () => {
    const priorities = AFFECTED_SCOPES.flatMap((affected) =>
      YES_NO.map((workaround) => priorityOf(policy, { urgent: 'yes', impact: { affected, workaround } })),
    );

    expect(priorities.every((priority) => priority === 'P1' || priority === 'P2')).toBe(true);
  });

  it('promises nothing around the clock for what is handled on weekdays only', () => {
    for (const priority of PRIORITIES) {
      const level = policy.levels[priority];
      if (!level.phone) expect(`${level.response} ${level.outsideHours ?? ''}`).not.toMatch(/hele døgnet|døgnet rundt/);
    }
  });
});
