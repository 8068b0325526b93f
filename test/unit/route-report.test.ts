import { describe, expect, it } from 'vitest';
import { routeReport, teamFor, type RouteDependencies } from '../../functions/core/route-report.ts';
import type { Mailer } from '../../functions/core/ports.ts';
import type { StoredReport } from '../../functions/core/stored-report.ts';
import { realCatalog, storedReport } from './builders.ts';
import { clockAt, FailingMailer, InMemoryReportStore, RecordingMailer } from './fakes.ts';

const ROUTED_AT = '2026-03-05T12:00:07.000Z';

/** A store holding `report` as the submit function left it, and a mailer that records what it is asked to send. */
function arrange(report: StoredReport = storedReport(), mailer: Mailer = new RecordingMailer()) {
  const store = new InMemoryReportStore();
  store.reports.set(report.reference, report);
  const deps: RouteDependencies = { catalog: realCatalog(), store, mailer, now: clockAt(ROUTED_AT) };
  return { report, store, deps, sent: mailer instanceof RecordingMailer ? mailer.sent : [] };
}

describe('routeReport: a new report', () => {
  it('sends one e-mail, to the team of the service', async () => {
    const { report, sent, deps } = arrange();

    const outcome = await routeReport(report, deps);

    expect(outcome).toEqual({ status: 'sent', to: ['team-kontrollrom@hdo.example'] });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: 'team-kontrollrom@hdo.example', subject: '[ICCS] HDO-2026-000001 Operatørplass 3 mister radio' });
  });

  it('marks the report routed, with the recipient and the time it was sent', async () => {
    const { report, store, deps } = arrange();

    await routeReport(report, deps);

    expect((await store.get(report.reference))?.routing).toEqual({ status: 'routed', at: ROUTED_AT, to: ['team-kontrollrom@hdo.example'] });
  });

  it('sends each service to its own team', async () => {
    const { report, sent, deps } = arrange(storedReport({ serviceId: 'other', answers: {} }));

    await routeReport(report, deps);

    expect(sent.map((email) => email.to)).toEqual(['servicedesk@hdo.example']);
  });
});

describe('routeReport: a replayed stream record', () => {
  it('does not send a report that is already routed', async () => {
    const { report, sent, store, deps } = arrange();
    await routeReport(report, deps);

    const replay = await routeReport(report, deps);

    expect(replay).toEqual({ status: 'already-routed' });
    expect(sent).toHaveLength(1);
    expect(store.calls.markRouted).toBe(1);
  });

  it('trusts the store over the (stale) record it was handed', async () => {
    const routed = storedReport({ routing: { status: 'routed', at: ROUTED_AT, to: ['team-kontrollrom@hdo.example'] } });
    const { sent, deps } = arrange(routed);

    const outcome = await routeReport(storedReport({ routing: { status: 'pending' } }), deps);

    expect(outcome).toEqual({ status: 'already-routed' });
    expect(sent).toEqual([]);
  });
});

describe('routeReport: when the e-mail cannot be sent', () => {
  it('lets the error through so the stream retries, and leaves the report pending', async () => {
    const outage = new Error('SES: Throttling');
    const { report, store, deps } = arrange(storedReport(), new FailingMailer(outage));

    await expect(routeReport(report, deps)).rejects.toBe(outage);

    expect((await store.get(report.reference))?.routing).toEqual({ status: 'pending' });
    expect(store.calls.markRouted).toBe(0);
  });

  it('sends it on the retry once the mailer works again', async () => {
    const { report, store, deps } = arrange(storedReport(), new FailingMailer(new Error('SES: Throttling')));
    await expect(routeReport(report, deps)).rejects.toThrow('SES: Throttling');
    const mailer = new RecordingMailer();

    const outcome = await routeReport(report, { ...deps, mailer });

    expect(outcome.status).toBe('sent');
    expect(mailer.sent).toHaveLength(1);
    expect((await store.get(report.reference))?.routing.status).toBe('routed');
  });
});

describe('teamFor', () => {
  it('finds the team a service points at', () => {
    expect(teamFor('radio', realCatalog())).toEqual({ name: 'Team Nødnett og radioterminaler', address: 'team-nodnett@hdo.example' });
  });

  it('fails loudly, in Norwegian, when the team is gone', () => {
    const { kontrollrom: _removed, ...otherTeams } = realCatalog().teams;

    expect(() => teamFor('iccs', { ...realCatalog(), teams: otherTeams })).toThrow('Tjenesten iccs peker på et team som ikke finnes.');
  });
});
