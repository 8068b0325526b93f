import { describe, expect, it } from 'vitest';
import { askForEscalation } from '../../functions/core/desk-moves.ts';
import { addOpeningHours, escalationEventId, mayAskForEscalation, type EscalationSubject } from '../../functions/core/escalation-request.ts';
import type { OpeningHours } from '../../functions/core/opening-hours.ts';
import { handlingHours, PRIORITIES, type Priority } from '../../functions/core/priority.ts';
import { ESCALATION_ENDED, type CaseState } from '../../functions/core/report-life.ts';
import { realCatalog, storedReport } from './builders.ts';
import { clockAt, InMemoryReportStore } from './fakes.ts';

/**
 * «Be om eskalering»: when a reporter may ask, by the rules in content/priority.yaml (P1 1 h and P2 2 h on the clock,
 * P3 4 h and P4 16 h — two working days — in the portal's opening hours, weekdays 08–16 Norwegian time), and the
 * API's core that records it once. Every time is given: nothing reads the wall clock.
 */

const catalog = realCatalog();
const policy = catalog.priority;
const HOURS = handlingHours(catalog.contact.channels, policy);

const subject = (
  priority: Priority,
  receivedAt: string,
  state: CaseState = 'received',
  events: EscalationSubject['life']['events'] = [],
): EscalationSubject => ({
  priority,
  receivedAt,
  life: { state, events: [{ kind: 'state', at: receivedAt }, ...events] },
});

describe('the escalation rules in content/priority.yaml', () => {
  it('has one for every priority, counted as the promises in response say', () => {
    expect(policy.escalation?.after).toEqual({
      P1: { hours: 1, openingHours: false },
      P2: { hours: 2, openingHours: false },
      P3: { hours: 4, openingHours: true },
      P4: { hours: 16, openingHours: true },
    });
    expect(policy.levels.P3.response).toContain('innen fire timer i åpningstiden');
    expect(policy.levels.P4.response).toContain('innen to virkedager');
    expect(policy.escalation?.explanation).toContain('eskaleringskontakt');
  });

  it('ends where core/report-life.ts says escalation ends', () => {
    for (const state of ESCALATION_ENDED)
      expect(mayAskForEscalation(subject('P3', '2026-03-02T08:00:00Z', state), policy, HOURS, new Date('2026-04-01T12:00:00Z'))).toEqual({
        allowed: false,
        reason: 'ended',
        state,
      });
  });
});

describe('mayAskForEscalation: by priority and time (Norwegian time in the names; March is UTC+1, June UTC+2)', () => {
  it.each([
    // priority, received (UTC), now (UTC), allowed from (UTC) or true
    ['P1 at night, 59 minutes on', 'P1', '2026-03-07T23:30:00Z', '2026-03-08T00:29:00Z', '2026-03-08T00:30:00.000Z'],
    ['P1 at night, an hour on', 'P1', '2026-03-07T23:30:00Z', '2026-03-08T00:30:00Z', true],
    ['P2 on a Sunday, an hour on', 'P2', '2026-03-08T10:00:00Z', '2026-03-08T11:00:00Z', '2026-03-08T12:00:00.000Z'],
    ['P2 on a Sunday, two hours on', 'P2', '2026-03-08T10:00:00Z', '2026-03-08T12:00:00Z', true],
    ['P3 Thursday 09:00, at 12:59', 'P3', '2026-03-05T08:00:00Z', '2026-03-05T11:59:00Z', '2026-03-05T12:00:00.000Z'],
    ['P3 Thursday 09:00, at 13:00', 'P3', '2026-03-05T08:00:00Z', '2026-03-05T12:00:00Z', true],
    ['P3 Friday 15:00: one hour Friday, three on Monday', 'P3', '2026-03-06T14:00:00Z', '2026-03-09T09:59:00Z', '2026-03-09T10:00:00.000Z'],
    ['P3 Friday 15:00, on Monday at 11:00', 'P3', '2026-03-06T14:00:00Z', '2026-03-09T10:00:00Z', true],
    ['P3 Saturday: from 08 on Monday', 'P3', '2026-03-07T10:00:00Z', '2026-03-08T10:00:00Z', '2026-03-09T11:00:00.000Z'],
    ['P3 Tuesday 20:00: from 08 on Wednesday', 'P3', '2026-03-03T19:00:00Z', '2026-03-04T09:00:00Z', '2026-03-04T11:00:00.000Z'],
    ['P3 in summer time, Monday 14:00', 'P3', '2026-06-08T12:00:00Z', '2026-06-08T14:00:00Z', '2026-06-09T08:00:00.000Z'],
    ['P3 across the change to summer time (Friday 27 March 14:00)', 'P3', '2026-03-27T13:00:00Z', '2026-03-30T06:00:00Z', '2026-03-30T08:00:00.000Z'],
    ['P4 Monday 10:00: two working days, Wednesday 10:00', 'P4', '2026-03-02T09:00:00Z', '2026-03-04T08:59:00Z', '2026-03-04T09:00:00.000Z'],
    ['P4 Monday 10:00, on Wednesday 10:00', 'P4', '2026-03-02T09:00:00Z', '2026-03-04T09:00:00Z', true],
    ['P4 Thursday 12:00, over the weekend to Monday 12:00', 'P4', '2026-03-05T11:00:00Z', '2026-03-07T11:00:00Z', '2026-03-09T11:00:00.000Z'],
  ] as const)('%s', (_case, priority, receivedAt, now, expected) => {
    const check = mayAskForEscalation(subject(priority, receivedAt), policy, HOURS, new Date(now));

    expect(check).toEqual(expected === true ? { allowed: true } : { allowed: false, reason: 'tooEarly', from: new Date(expected) });
  });

  it.each(PRIORITIES)('%s: asked once, never again, whatever the time', (priority) => {
    const check = mayAskForEscalation(
      subject(priority, '2026-03-02T09:00:00Z', 'registered', [{ kind: 'escalationRequested', at: '2026-03-10T09:00:00Z' }]),
      policy,
      HOURS,
      new Date('2026-04-01T09:00:00Z'),
    );

    expect(check).toEqual({ allowed: false, reason: 'alreadyAsked', at: '2026-03-10T09:00:00Z' });
  });

  it('is allowed in every open state once the time has passed', () => {
    for (const state of ['received', 'registered', 'escalated', 'awaitingReporter'] as const) {
      expect(mayAskForEscalation(subject('P3', '2026-03-02T08:00:00Z', state), policy, HOURS, new Date('2026-03-03T08:00:00Z'))).toEqual({ allowed: true });
    }
  });

  it('is not offered when content/priority.yaml has no escalation rules', () => {
    expect(mayAskForEscalation(subject('P3', '2026-03-02T08:00:00Z'), { escalation: undefined }, HOURS, new Date('2026-04-01T08:00:00Z'))).toEqual({
      allowed: false,
      reason: 'notOffered',
    });
  });
});

describe('addOpeningHours', () => {
  const withHoliday: OpeningHours = {
    alwaysOpen: false,
    periods: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '16:00' }],
    exceptions: [
      { date: '2026-04-02', note: 'Skjærtorsdag', periods: [] },
      { date: '2026-04-07', note: 'Kort dag', periods: [{ from: '10:00', to: '12:00' }] },
    ],
    description: '',
  };

  it('skips a closed day and counts a short one as its hours', () => {
    // Wednesday 1 April 15:00 (UTC+2): one hour that day, none on the closed Thursday, three on Friday.
    expect(addOpeningHours(withHoliday, new Date('2026-04-01T13:00:00Z'), 4)).toEqual(new Date('2026-04-03T09:00:00Z'));
    // Monday 6 April 15:00: one hour, then the short Tuesday's two, then Wednesday from 08.
    expect(addOpeningHours(withHoliday, new Date('2026-04-06T13:00:00Z'), 4)).toEqual(new Date('2026-04-08T07:00:00Z'));
  });

  it('is the clock without hours or when always open', () => {
    const start = new Date('2026-03-07T23:00:00Z');
    expect(addOpeningHours(undefined, start, 4)).toEqual(new Date('2026-03-08T03:00:00Z'));
    expect(addOpeningHours({ ...withHoliday, alwaysOpen: true }, start, 4)).toEqual(new Date('2026-03-08T03:00:00Z'));
  });
});

describe('askForEscalation: the API’s core, with the status link’s secret', () => {
  const REFERENCE = 'HDO-2026-000001';
  const TOKEN = 'status-token-for-tests';

  /** The builders' report is a P3 received Thursday 5 March 2026 at 13:00 Norwegian time: allowed from Friday at 09:00. */
  function arrange(now: string, state: CaseState = 'received') {
    const store = new InMemoryReportStore();
    const report = storedReport();
    store.reports.set(REFERENCE, { ...report, priority: 'P3', life: { ...report.life, state } });
    const deps = { policy, hours: HOURS, move: { store, now: clockAt(now) }, now: clockAt(now) };
    return { deps, life: () => store.reports.get(REFERENCE)?.life };
  }

  it('records one request by the reporter, in the state the case is in, once the time has passed', async () => {
    const { deps, life } = arrange('2026-03-06T08:00:00.000Z', 'registered');

    const asked = await askForEscalation(REFERENCE, TOKEN, deps);

    expect(asked).toEqual({ status: 'asked', at: '2026-03-06T08:00:00.000Z' });
    expect(life()?.state).toBe('registered');
    expect(life()?.events.at(-1)).toEqual({
      id: escalationEventId(REFERENCE),
      kind: 'escalationRequested',
      state: 'registered',
      at: '2026-03-06T08:00:00.000Z',
      actor: 'reporter',
    });
  });

  it('says a second request is asked already, with when, and records nothing more', async () => {
    const { deps, life } = arrange('2026-03-06T08:00:00.000Z');
    await askForEscalation(REFERENCE, TOKEN, deps);

    const again = await askForEscalation(REFERENCE, TOKEN, deps);

    expect(again).toEqual({ status: 'refused', check: { allowed: false, reason: 'alreadyAsked', at: '2026-03-06T08:00:00.000Z' } });
    expect(life()?.events.filter((event) => event.kind === 'escalationRequested')).toHaveLength(1);
  });

  it('refuses too early, with from when, and records nothing', async () => {
    const { deps, life } = arrange('2026-03-05T15:00:00.000Z');

    const early = await askForEscalation(REFERENCE, TOKEN, deps);

    expect(early).toEqual({ status: 'refused', check: { allowed: false, reason: 'tooEarly', from: new Date('2026-03-06T08:00:00Z') } });
    expect(life()?.events).toHaveLength(1);
  });

  it('refuses a solved case', async () => {
    const { deps } = arrange('2026-03-06T08:00:00.000Z', 'solved');

    expect(await askForEscalation(REFERENCE, TOKEN, deps)).toEqual({ status: 'refused', check: { allowed: false, reason: 'ended', state: 'solved' } });
  });

  it.each([
    ['a wrong secret', REFERENCE, 'another-token-for-tests'],
    ['a malformed secret', REFERENCE, 'x'],
    ['an unknown reference', 'HDO-2026-000999', TOKEN],
    ['a malformed reference', '../HDO', TOKEN],
  ])('is not found alike for %s, and records nothing', async (_case, reference, token) => {
    const { deps, life } = arrange('2026-03-06T08:00:00.000Z');

    expect(await askForEscalation(reference, token, deps)).toEqual({ status: 'not-found' });
    expect(life()?.events).toHaveLength(1);
  });
});
