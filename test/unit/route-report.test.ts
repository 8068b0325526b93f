import { MAJOR_INCIDENT_SUBJECT } from '../../functions/core/major-incident-email.ts';
import { describe, expect, it } from 'vitest';
import type { Mailer } from '../../functions/core/ports.ts';
import { routeReport, type RouteDependencies } from '../../functions/core/route-report.ts';
import type { StoredReport } from '../../functions/core/stored-report.ts';
import { realCatalog, storedReport, validSubmission } from './builders.ts';
import { clockAt, FailingMailer, FlakyMailer, InMemoryReportStore, RecordingMailer } from './fakes.ts';

const ROUTED_AT = '2026-03-05T12:00:07.000Z';
const TEAM = 'team-kontrollrom@hdo.example';
const REPORTER = 'kari.nordmann@amk.example';

/** A store holding `reports` as the submit function left them, and a mailer that records what it is asked to send. */
function arrange(reports: StoredReport[] = [storedReport()], mailer: Mailer = new RecordingMailer()) {
  const store = new InMemoryReportStore();
  for (const report of reports) store.reports.set(report.reference, report);
  const deps: RouteDependencies = {
    catalog: realCatalog(),
    store,
    mailer,
    now: clockAt(ROUTED_AT),
    statusUrlFor: (reference, token) => `https://portal.example.no/meld-feil/status/?referanse=${reference}&token=${token}`,
  };
  return { store, deps, sent: mailer instanceof RecordingMailer ? mailer.sent : [] };
}

describe('routeReport: a new report', () => {
  it("sends the team's e-mail and then the reporter's receipt", async () => {
    const { sent, deps } = arrange();

    const outcome = await routeReport('HDO-2026-000001', deps);

    expect(outcome).toEqual({ status: 'sent', to: [TEAM], majorIncident: false });
    expect(sent.map((email) => [email.to, email.subject])).toEqual([
      [TEAM, '[P2 HØY][ICCS] HDO-2026-000001 Operatørplass 3 mister radio'],
      [REPORTER, 'Mottatt: HDO-2026-000001 (P2 høy)'],
    ]);
  });

  it('puts the status link with its token in the receipt', async () => {
    const { sent, deps } = arrange();

    await routeReport('HDO-2026-000001', deps);

    expect(sent[1]?.text).toContain('https://portal.example.no/meld-feil/status/?referanse=HDO-2026-000001&token=status-token-for-tests');
  });

  it('marks the report routed and forgets the status token once the receipt is sent', async () => {
    const { store, deps } = arrange();

    await routeReport('HDO-2026-000001', deps);

    const stored = store.reports.get('HDO-2026-000001');
    expect(stored?.routing).toEqual({ status: 'routed', at: ROUTED_AT, to: [TEAM] });
    expect(stored?.receiptToken).toBeUndefined();
    expect(stored?.delivered).toEqual([`team:${TEAM}`, 'receipt']);
  });

  it.each([
    { serviceId: 'other', team: 'servicedesk@hdo.example' },
    { serviceId: 'radio', team: 'team-nodnett@hdo.example' },
    { serviceId: 'a-service-since-removed', team: 'servicedesk@hdo.example' },
  ])('sends a report for $serviceId to $team', async ({ serviceId, team }) => {
    const { sent, deps } = arrange([storedReport({ serviceId, answers: {} })]);

    await routeReport('HDO-2026-000001', deps);

    expect(sent[0]?.to).toBe(team);
  });

  it('copies a P1 report to the incident manager', async () => {
    const critical = validSubmission('iccs-valid', { urgent: 'yes', impact: { affected: 'many', workaround: 'no' } });
    const { sent, deps } = arrange([storedReport({ priority: 'P1' }, critical)]);

    const outcome = await routeReport('HDO-2026-000001', deps);

    expect(outcome).toMatchObject({ to: [TEAM, 'vakthavende@hdo.example'] });
    expect(sent.map((email) => email.to)).toEqual([TEAM, 'vakthavende@hdo.example', REPORTER]);
  });
});

describe('routeReport: retries and replays', () => {
  it('sends nothing for a report that is already routed', async () => {
    const { sent, store, deps } = arrange();
    await routeReport('HDO-2026-000001', deps);

    const replay = await routeReport('HDO-2026-000001', deps);

    expect(replay).toEqual({ status: 'already-routed' });
    expect(sent).toHaveLength(2);
    expect(store.calls.markRouted).toBe(1);
  });

  it('after SES failed half-way, sends only the e-mails that are still missing', async () => {
    const flaky = new FlakyMailer(1);
    const { store, deps } = arrange([storedReport()], flaky);
    await expect(routeReport('HDO-2026-000001', deps)).rejects.toThrow('SES er nede');
    const mailer = new RecordingMailer();

    await routeReport('HDO-2026-000001', { ...deps, mailer });

    expect(flaky.sent.map((email) => email.to)).toEqual([TEAM]);
    expect(mailer.sent.map((email) => email.to)).toEqual([REPORTER]);
    expect(store.reports.get('HDO-2026-000001')?.routing.status).toBe('routed');
  });

  it('leaves the report pending and lets the error through when SES is down, so the stream retries', async () => {
    const { store, deps } = arrange([storedReport()], new FailingMailer(new Error('Throttling')));

    await expect(routeReport('HDO-2026-000001', deps)).rejects.toThrow('Throttling');

    expect(store.reports.get('HDO-2026-000001')?.routing).toEqual({ status: 'pending' });
  });

  it('ignores a report that has expired or was deleted', async () => {
    const { sent, deps } = arrange([storedReport({ expiresAt: Math.floor(Date.parse(ROUTED_AT) / 1000) - 1 })]);

    expect(await routeReport('HDO-2026-000001', deps)).toEqual({ status: 'gone' });
    expect(sent).toEqual([]);
  });
});

describe('routeReport: many reports about one service', () => {
  const reportsAt = (minutes: number[]) =>
    minutes.map((minute, index) =>
      storedReport({ reference: `HDO-2026-00010${index}`, receivedAt: new Date(Date.parse(ROUTED_AT) - minute * 60_000).toISOString() }),
    );

  it('alerts the incident manager once when the fifth report within 15 minutes is routed', async () => {
    const reports = reportsAt([14, 10, 6, 3, 0]);
    const { sent, deps } = arrange(reports);

    for (const report of reports) await routeReport(report.reference, deps);

    const alerts = sent.filter((email) => email.subject.startsWith(MAJOR_INCIDENT_SUBJECT));
    // Written out: the incident manager's mail rules match this subject.
    expect(alerts.map((email) => [email.to, email.subject])).toEqual([['vakthavende@hdo.example', '[Mulig storhendelse][ICCS] 5 meldinger på 15 min']]);
  });

  it('sends no second alert for a sixth report in the same cluster', async () => {
    const reports = reportsAt([14, 10, 6, 3, 1, 0]);
    const { sent, deps } = arrange(reports);

    for (const report of reports) await routeReport(report.reference, deps);

    expect(sent.filter((email) => email.subject.startsWith(MAJOR_INCIDENT_SUBJECT))).toHaveLength(1);
  });

  it('does not alert for reports spread over more than the window', async () => {
    const reports = reportsAt([40, 30, 20, 10, 0]);
    const { sent, deps } = arrange(reports);

    for (const report of reports) await routeReport(report.reference, deps);

    expect(sent.filter((email) => email.subject.startsWith(MAJOR_INCIDENT_SUBJECT))).toEqual([]);
  });
});
