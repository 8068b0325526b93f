import { describe, expect, it } from 'vitest';
import { MoveContendedError, moveReport } from '../../functions/core/move-report.ts';
import { CASE_STATES, NEXT_STATES, type CaseState, type ReportEvent } from '../../functions/core/report-life.ts';
import { storedReport } from './builders.ts';
import { appendEventInMemory, clockAt, InMemoryReportStore } from './fakes.ts';

const REFERENCE = 'HDO-2026-000001';
/** Inside the builders' report's retention (received 2026-03-05 12:00, kept 90 days). */
const NOW = '2026-03-05T13:00:00.000Z';

function arrange(state: CaseState = 'received') {
  const store = new InMemoryReportStore();
  const report = storedReport();
  store.reports.set(REFERENCE, { ...report, life: { ...report.life, state } });
  return { store, deps: { store, now: clockAt(NOW) } };
}

function event(changes: Partial<ReportEvent> = {}): ReportEvent {
  return { id: 'topdesk:evt-0001', kind: 'state', state: 'registered', at: NOW, actor: 'desk', ...changes };
}

const lifeIn = (store: InMemoryReportStore) => store.reports.get(REFERENCE)?.life;

describe('moveReport: a move the rules allow', () => {
  it('appends the event and moves the state, after the portal’s own received event', async () => {
    const { store, deps } = arrange();

    const outcome = await moveReport(REFERENCE, event({ message: 'Vi ser på saken.' }), deps);

    expect(outcome).toEqual({ status: 'moved', life: lifeIn(store) });
    expect(lifeIn(store)).toEqual({
      state: 'registered',
      events: [
        { id: `${REFERENCE}:received`, kind: 'state', state: 'received', at: '2026-03-05T12:00:00.000Z', actor: 'portal' },
        { id: 'topdesk:evt-0001', kind: 'state', state: 'registered', at: NOW, actor: 'desk', message: 'Vi ser på saken.' },
      ],
    });
  });

  it.each(CASE_STATES.flatMap((from) => NEXT_STATES[from].map((to) => ({ from, to }))))('moves $from → $to', async ({ from, to }) => {
    const { store, deps } = arrange(from);

    const outcome = await moveReport(REFERENCE, event({ state: to }), deps);

    expect(outcome.status).toBe('moved');
    expect(lifeIn(store)?.state).toBe(to);
  });
});

describe('moveReport: what changes nothing', () => {
  it('answers an event id it has seen with duplicate: five retries of one event leave one event', async () => {
    const { store, deps } = arrange();

    const outcomes = [];
    for (let attempt = 0; attempt < 5; attempt++) outcomes.push(await moveReport(REFERENCE, event(), deps));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['moved', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(lifeIn(store)?.events.filter((known) => known.id === 'topdesk:evt-0001')).toHaveLength(1);
  });

  it('answers duplicate to the same event sent five times at once, and keeps it once', async () => {
    const { store, deps } = arrange();

    const outcomes = await Promise.all(Array.from({ length: 5 }, () => moveReport(REFERENCE, event(), deps)));

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'moved']);
    expect(lifeIn(store)?.events).toHaveLength(2);
  });

  it.each(CASE_STATES.flatMap((from) => CASE_STATES.filter((to) => !NEXT_STATES[from].includes(to)).map((to) => ({ from, to }))))(
    'refuses $from → $to as not allowed, naming the state it is in',
    async ({ from, to }) => {
      const { store, deps } = arrange(from);
      const before = lifeIn(store);

      const outcome = await moveReport(REFERENCE, event({ state: to }), deps);

      expect(outcome).toEqual({ status: 'not-allowed', from });
      expect(lifeIn(store)).toEqual(before);
    },
  );

  it.each([
    ['an unknown reference', 'HDO-2026-999999', NOW],
    ['an expired report', REFERENCE, '2026-06-04T12:00:00.000Z'],
  ])('answers gone for %s', async (_case, reference, now) => {
    const { store } = arrange();

    expect(await moveReport(reference, event(), { store, now: clockAt(now) })).toEqual({ status: 'gone' });
  });
});

describe('moveReport: the reporter asks for escalation', () => {
  const request = (changes: Partial<ReportEvent> = {}) =>
    event({ id: 'reporter:escalate-1', kind: 'escalationRequested', actor: 'reporter', state: 'received', ...changes });

  it.each(['received', 'registered', 'escalated', 'awaitingReporter'] as const)(
    'is recorded in %s without moving the state, in the state it was asked in',
    async (state) => {
      const { store, deps } = arrange(state);

      const outcome = await moveReport(REFERENCE, request({ state: 'solved' }), deps);

      expect(outcome.status).toBe('moved');
      expect(lifeIn(store)?.state).toBe(state);
      expect(lifeIn(store)?.events.at(-1)).toMatchObject({ id: 'reporter:escalate-1', kind: 'escalationRequested', state });
    },
  );

  it.each(['solved', 'closed'] as const)('is not allowed once the case is %s', async (state) => {
    const { deps } = arrange(state);

    expect(await moveReport(REFERENCE, request(), deps)).toEqual({ status: 'not-allowed', from: state });
  });
});

describe('moveReport: two moves at once', () => {
  it('reads again after losing the race, and refuses a move the new state no longer allows', async () => {
    const { store, deps } = arrange('solved');
    store.beforeAppend = () => {
      store.beforeAppend = undefined;
      appendEventInMemory(store.reports, REFERENCE, event({ id: 'topdesk:evt-close', state: 'closed' }), 'solved');
    };

    const outcome = await moveReport(REFERENCE, event({ state: 'registered' }), deps);

    expect(outcome).toEqual({ status: 'not-allowed', from: 'closed' });
    expect(lifeIn(store)?.events.map((known) => known.id)).toEqual([`${REFERENCE}:received`, 'topdesk:evt-close']);
  });

  it('reads again after losing the race, and writes a move the new state still allows', async () => {
    const { store, deps } = arrange('received');
    store.beforeAppend = () => {
      store.beforeAppend = undefined;
      appendEventInMemory(store.reports, REFERENCE, event({ id: 'mail:registrer-1', state: 'registered' }), 'received');
    };

    const outcome = await moveReport(REFERENCE, event({ id: 'topdesk:evt-0002', state: 'solved' }), deps);

    expect(outcome.status).toBe('moved');
    expect(lifeIn(store)).toMatchObject({ state: 'solved', events: [{ state: 'received' }, { id: 'mail:registrer-1' }, { id: 'topdesk:evt-0002' }] });
  });

  it('gives up with an error to retry on, changing nothing, when it loses the race twice', async () => {
    const { store, deps } = arrange('received');
    let other = 0;
    store.beforeAppend = () => {
      const from = lifeIn(store)?.state ?? 'received';
      appendEventInMemory(store.reports, REFERENCE, event({ id: `other:${++other}-evt`, state: from === 'registered' ? 'escalated' : 'registered' }), from);
    };

    await expect(moveReport(REFERENCE, event({ id: 'topdesk:evt-0003', state: 'solved' }), deps)).rejects.toThrow(MoveContendedError);
    expect(lifeIn(store)?.events.map((known) => known.id)).not.toContain('topdesk:evt-0003');
  });
});
