import { describe, expect, it } from 'vitest';
import { withEvent, type ReportEvent } from '../../functions/core/report-life.ts';
import { reportStatus } from '../../functions/core/report-status.ts';
import type { StoredReport } from '../../functions/core/stored-report.ts';
import { realCatalog, storedReport } from './builders.ts';
import { clockAt, InMemoryReportStore } from './fakes.ts';

const TOKEN = 'status-token-for-tests';

/** Thursday 5 March 2026 at 13:30 in Oslo: written reports are being handled (content/contact.yaml, portal). */
function arrange(changes: Parameters<typeof storedReport>[0] = {}, now = '2026-03-05T12:30:00Z') {
  const store = new InMemoryReportStore();
  const report = storedReport({ priority: 'P3', ...changes });
  store.reports.set(report.reference, report);
  return { deps: { store, catalog: realCatalog(), now: clockAt(now) }, report, store };
}

describe('reportStatus', () => {
  it('shows where a routed report is, with its priority, and nothing it says', async () => {
    const { deps, report } = arrange({ routing: { status: 'routed', at: '2026-03-05T12:00:05.000Z', to: ['team-kontrollrom@hdo.example'] } });

    const view = await reportStatus('HDO-2026-000001', TOKEN, deps);

    expect(view).toMatchObject({
      reference: 'HDO-2026-000001',
      service: { id: 'iccs', name: 'Kontrollromsløsningen (ICCS)' },
      requestType: { id: 'fault', label: 'Hva gjelder henvendelsen?', name: 'Feil eller driftsforstyrrelse' },
      priority: {
        level: 'P3',
        label: 'Foreslått prioritet',
        title: 'P3 middels',
        responseLabel: 'Hva skjer nå',
        expectedResponse: 'Servicedesk tar kontakt innen fire timer i åpningstiden, hverdager kl. 08–16.',
      },
      status: 'routed',
      receivedAt: '2026-03-05T12:00:00.000Z',
      routedAt: '2026-03-05T12:00:05.000Z',
      // Every report goes to the desk's queue (content/routing.yaml); a P3 about ICCS has no copies.
      teams: ['Servicedesk'],
    });
    const shown = JSON.stringify(view);
    for (const secret of [report.summary, report.contact.email, report.contact.phone, 'AMK Innlandet', report.statusTokenHash]) {
      expect(shown).not.toContain(secret);
    }
  });

  it('says, in the evening, from when the promised time is counted', async () => {
    const { deps } = arrange({}, '2026-03-05T19:30:00Z');

    expect((await reportStatus('HDO-2026-000001', TOKEN, deps))?.priority.expectedResponse).toBe(
      'Servicedesk tar kontakt innen fire timer i åpningstiden, hverdager kl. 08–16. Det er utenfor åpningstiden nå, så de fire timene regnes fra kl. 08 neste hverdag.',
    );
  });

  it('shows a report not yet routed as received', async () => {
    const { deps } = arrange();

    expect(await reportStatus('HDO-2026-000001', TOKEN, deps)).toMatchObject({ status: 'received', teams: [] });
  });

  it.each([
    { case: 'a wrong token', reference: 'HDO-2026-000001', token: 'guess' },
    { case: 'no token', reference: 'HDO-2026-000001', token: '' },
    { case: 'an unknown reference', reference: 'HDO-2026-999999', token: TOKEN },
  ])('finds nothing for $case', async ({ reference, token }) => {
    const { deps } = arrange();

    expect(await reportStatus(reference, token, deps)).toBeUndefined();
  });

  it('finds nothing once the report has expired, even with the right token', async () => {
    const { deps } = arrange({ expiresAt: Math.floor(Date.parse('2026-03-05T12:29:59Z') / 1000) });

    expect(await reportStatus('HDO-2026-000001', TOKEN, deps)).toBeUndefined();
  });
});

describe('reportStatus: the case’s life, in the words of content/case-states.yaml', () => {
  const moved = (events: ReportEvent[]): Partial<StoredReport> => {
    const { life } = storedReport();
    return { life: events.reduce(withEvent, life) };
  };

  it('shows a new report as received by the portal', async () => {
    const { deps } = arrange();

    expect((await reportStatus('HDO-2026-000001', TOKEN, deps))?.life).toEqual({
      state: 'received',
      label: 'Mottatt',
      explanation: 'Serviceportalen har tatt imot meldingen, og Servicedesk får den.',
      events: [{ at: '2026-03-05T12:00:00.000Z', kind: 'state', state: 'received', label: 'Mottatt', actor: 'portal', actorWord: 'Serviceportalen' }],
    });
  });

  it('shows the current state and every event, oldest first, with the actor’s word, the team’s name and the desk’s message', async () => {
    const { deps } = arrange(
      moved([
        { id: 'mail:registrer-1', kind: 'state', state: 'registered', at: '2026-03-05T12:10:00.000Z', actor: 'desk' },
        {
          id: 'topdesk:evt-2',
          kind: 'state',
          state: 'escalated',
          at: '2026-03-05T12:20:00.000Z',
          actor: 'caseSystem',
          team: 'kontrollrom',
          message: 'Fagteamet <ser> på loggene.',
        },
        { id: 'topdesk:evt-3', kind: 'state', state: 'awaitingReporter', at: '2026-03-05T12:25:00.000Z', actor: 'team', message: 'Når skjedde det sist?' },
      ]),
    );

    const life = (await reportStatus('HDO-2026-000001', TOKEN, deps))?.life;

    expect(life).toMatchObject({ state: 'awaitingReporter', label: 'Venter på deg', explanation: expect.stringContaining('trenger noe fra deg') });
    expect(life?.events.map((event) => [event.label, event.actorWord, event.team, event.message])).toEqual([
      ['Mottatt', 'Serviceportalen', undefined, undefined],
      ['Registrert', 'Servicedesk', undefined, undefined],
      ['Sendt til fagteam', 'saksbehandlingssystemet', 'Team kontrollromsløsning', 'Fagteamet <ser> på loggene.'],
      ['Venter på deg', 'fagteamet', undefined, 'Når skjedde det sist?'],
    ]);
  });

  it('shows the reporter’s request to escalate in its own words, without anything the reporter wrote with it', async () => {
    const { deps, report } = arrange(
      moved([
        {
          id: 'reporter:escalate-1',
          kind: 'escalationRequested',
          state: 'received',
          at: '2026-03-05T16:00:00.000Z',
          actor: 'reporter',
          message: 'Haster! Ring 99 88 77 66',
        },
      ]),
    );

    const view = await reportStatus('HDO-2026-000001', TOKEN, deps);

    expect(view?.life.state).toBe('received');
    expect(view?.life.events.at(-1)).toEqual({
      at: '2026-03-05T16:00:00.000Z',
      kind: 'escalationRequested',
      state: 'received',
      label: 'Du ba om eskalering',
      actor: 'reporter',
      actorWord: 'deg',
    });
    expect(JSON.stringify(view)).not.toContain('99 88 77 66');
    expect(JSON.stringify(view)).not.toContain(report.description);
  });

  it('shows a report stored before the life was kept (version 3) as received, whether or not it was routed', async () => {
    const { deps, store } = arrange({ routing: { status: 'routed', at: '2026-03-05T12:00:05.000Z', to: ['team-kontrollrom@hdo.example'] } });
    const { life: _none, ...version3 } = store.reports.get('HDO-2026-000001') as StoredReport;
    store.reports.set('HDO-2026-000001', { ...version3, schemaVersion: 3 } as never);

    expect((await reportStatus('HDO-2026-000001', TOKEN, deps))?.life).toMatchObject({
      state: 'received',
      label: 'Mottatt',
      events: [{ actor: 'portal', at: '2026-03-05T12:00:00.000Z' }],
    });
  });
});
