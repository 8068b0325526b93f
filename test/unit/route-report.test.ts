import { MAJOR_INCIDENT_SUBJECT } from '../../functions/core/major-incident-email.ts';
import { describe, expect, it } from 'vitest';
import type { MailLimits, Mailer, OutgoingEmail } from '../../functions/core/ports.ts';
import { ROUTERS, ROUTING_FAILED_KEY, ROUTING_LEASE_MS, routeReport, RoutingPaused, type RouteDependencies } from '../../functions/core/route-report.ts';
import { ROUTING_FAILED_SUBJECT } from '../../functions/core/routing-failure.ts';
import type { StoredReport } from '../../functions/core/stored-report.ts';
import type { Catalog } from '../../functions/catalog/load-catalog.ts';
import { realCatalog, storedReport, validSubmission } from './builders.ts';
import {
  clockAt,
  FailingMailer,
  fakeDeskLinks,
  messageRejected,
  FlakyMailer,
  GENEROUS_LIMITS,
  InMemoryMailCaps,
  InMemoryReportStore,
  RecordingMailer,
  RecordingSignals,
  RejectingMailer,
} from './fakes.ts';

const ROUTED_AT = '2026-03-05T12:00:07.000Z';
const DESK = 'servicedesk@hdo.example';
/** The product team ICCS escalates to; it gets e-mail only under a copy rule. */
const TEAM = 'team-kontrollrom@hdo.example';
const REPORTER = 'kari.nordmann@amk.example';
const INCIDENT_MANAGER = 'vakthavende@hdo.example';

/** The real content with a rule that copies every ICCS report to its product team (and P1 to the incident manager). */
function withIccsCopies(): Catalog {
  const catalog = realCatalog();
  return { ...catalog, routing: { ...catalog.routing, copies: { byService: { iccs: ['kontrollrom'] }, byPriority: { P1: ['vakthavende'] } } } };
}

/** A store holding `reports` as the submit function left them, and a mailer that records what it is asked to send. */
function arrange(
  reports: StoredReport[] = [storedReport()],
  mailer: Mailer = new RecordingMailer(),
  limits: Partial<MailLimits> = {},
  catalog: Catalog = realCatalog(),
) {
  const store = new InMemoryReportStore();
  for (const report of reports) store.reports.set(report.reference, report);
  const signals = new RecordingSignals();
  const caps = new InMemoryMailCaps();
  const deps: RouteDependencies = {
    catalog,
    store,
    mailer,
    now: clockAt(ROUTED_AT),
    statusUrlFor: (reference) => `https://portal.example.no/meld-feil/status/#referanse=${reference}&token=derived-${reference}`,
    deskLinksFor: fakeDeskLinks,
    caps,
    limits: { ...GENEROUS_LIMITS, ...limits },
    signals,
  };
  return { store, deps, signals, caps, sent: mailer instanceof RecordingMailer ? mailer.sent : [] };
}

const critical = () => validSubmission('iccs-valid', { urgent: 'yes', impact: { affected: 'many', workaround: 'no' } });
const numbered = (index: number, changes: Partial<StoredReport> = {}, submission = validSubmission()) =>
  storedReport({ reference: `HDO-2026-${String(index).padStart(6, '0')}`, ...changes }, submission);

describe('routeReport: a new report', () => {
  it("sends the desk's e-mail and then the reporter's receipt", async () => {
    const { sent, deps } = arrange();

    const outcome = await routeReport('HDO-2026-000001', deps);

    expect(outcome).toEqual({ status: 'sent', to: [DESK], majorIncident: false });
    expect(sent.map((email) => [email.to, email.subject])).toEqual([
      [DESK, '[P2 HØY][ICCS] HDO-2026-000001 Operatørplass 3 mister radio'],
      [REPORTER, 'Mottatt: HDO-2026-000001 (P2 høy)'],
    ]);
  });

  it('puts the status link with its token in the receipt', async () => {
    const { sent, deps } = arrange();

    await routeReport('HDO-2026-000001', deps);

    expect(sent[1]?.text).toContain('https://portal.example.no/meld-feil/status/#referanse=HDO-2026-000001&token=derived-HDO-2026-000001');
  });

  it('marks the report routed once its e-mails are sent', async () => {
    const { store, deps } = arrange();

    await routeReport('HDO-2026-000001', deps);

    const stored = store.reports.get('HDO-2026-000001');
    expect(stored?.routing).toEqual({ status: 'routed', at: ROUTED_AT, to: [DESK] });
    expect(stored?.delivered).toEqual([`team:${DESK}`, 'receipt']);
  });

  it.each([
    { serviceId: 'iccs', escalation: 'Eskaleres til:\n  Team kontrollromsløsning\n' },
    { serviceId: 'radio', escalation: 'Eskaleres til:\n  Team Nødnett og radioterminaler\n' },
    { serviceId: 'other', escalation: 'Eskaleres til:\n  Ingen: Servicedesk behandler den selv\n' },
  ])('sends a report for $serviceId to the desk, naming the product team it escalates to', async ({ serviceId, escalation }) => {
    const { sent, deps } = arrange([storedReport({ serviceId, answers: {} })]);

    await routeReport('HDO-2026-000001', deps);

    expect(sent.map((email) => email.to)).toEqual([DESK, REPORTER]);
    expect(sent[0]?.text).toContain(escalation);
  });

  it('sends a report about a service since removed to the desk, naming no product team', async () => {
    const { sent, deps } = arrange([storedReport({ serviceId: 'a-service-since-removed', answers: {} })]);

    await routeReport('HDO-2026-000001', deps);

    expect(sent.map((email) => email.to)).toEqual([DESK, REPORTER]);
    expect(sent[0]?.text).not.toContain('Eskaleres til');
  });

  it('copies a P1 report to the incident manager', async () => {
    const { sent, deps } = arrange([storedReport({ priority: 'P1' }, critical())]);

    const outcome = await routeReport('HDO-2026-000001', deps);

    expect(outcome).toMatchObject({ to: [DESK, INCIDENT_MANAGER] });
    expect(sent.map((email) => email.to)).toEqual([DESK, INCIDENT_MANAGER, REPORTER]);
    expect(sent[1]?.subject).toBe('[P1 KRITISK][ICCS][kopi] HDO-2026-000001 Operatørplass 3 mister radio');
  });

  it('copies a report to its product team only under a rule in content/routing.yaml, marked as a copy', async () => {
    const { sent, deps } = arrange([storedReport()], new RecordingMailer(), {}, withIccsCopies());

    expect(await routeReport('HDO-2026-000001', deps)).toMatchObject({ to: [DESK, TEAM] });

    expect(sent.map((email) => [email.to, email.subject])).toEqual([
      [DESK, '[P2 HØY][ICCS] HDO-2026-000001 Operatørplass 3 mister radio'],
      [TEAM, '[P2 HØY][ICCS][kopi] HDO-2026-000001 Operatørplass 3 mister radio'],
      [REPORTER, 'Mottatt: HDO-2026-000001 (P2 høy)'],
    ]);
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

    expect(flaky.sent.map((email) => email.to)).toEqual([DESK]);
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

describe('routeReport: a failure that will come back (finding 1)', () => {
  /** SES refusing the desk's e-mail about the report itself (not the desk's address): its notice still reaches it. */
  const refusingTheReport = () =>
    new (class extends RecordingMailer {
      readonly refused: OutgoingEmail[] = [];
      override async send(email: OutgoingEmail) {
        if (email.to === DESK && email.tags.kind === 'team') {
          this.refused.push(email);
          throw messageRejected(DESK);
        }
        await super.send(email);
      }
    })();

  it("marks the report failed when SES refuses the desk's e-mail for good, tells the desk, and still sends the copies and the receipt", async () => {
    const mailer = refusingTheReport();
    const { store, deps, signals } = arrange([storedReport()], mailer, {}, withIccsCopies());

    const outcome = await routeReport('HDO-2026-000001', deps);

    const reason =
      'Servicedesk: MessageRejected: Email address is not verified. The following identities failed the check in region EU-NORTH-1: [e-postadresse]';
    expect(outcome).toEqual({ status: 'failed', reason });
    expect(store.reports.get('HDO-2026-000001')?.routing).toEqual({ status: 'failed', at: ROUTED_AT, reason });
    expect(mailer.sent.map((email) => [email.to, email.subject])).toEqual([
      [TEAM, '[P2 HØY][ICCS][kopi] HDO-2026-000001 Operatørplass 3 mister radio'],
      [REPORTER, 'Mottatt: HDO-2026-000001 (P2 høy)'],
      [DESK, `${ROUTING_FAILED_SUBJECT} HDO-2026-000001 (P2): meldingen kom ikke fram til teamet`],
    ]);
    expect(signals.failed).toEqual([{ reference: 'HDO-2026-000001', reason }]);
  });

  it('writes the desk a short Norwegian notice: which report, who to call, what went wrong, and no address SES named', async () => {
    const mailer = refusingTheReport();
    const { deps } = arrange([storedReport()], mailer);

    await routeReport('HDO-2026-000001', deps);

    const notice = mailer.sent.find((email) => email.tags.kind === 'routing-failed');
    for (const part of [
      'Meldingen HDO-2026-000001 kom ikke fram',
      'Kari Nordmann, Sykehuset Innlandet',
      '+47 912 34 567',
      'Skulle til:\n  Servicedesk',
      'Slå opp referansen i meldingstabellen',
      'ring den som meldte',
    ]) {
      expect(notice?.text).toContain(part);
    }
    expect(notice?.text).not.toContain(DESK);
    expect(notice?.text).not.toContain('Operatørplass 3 mister radio');
    expect(notice?.tags.kind).toBe('routing-failed');
  });

  it('is done with a failed report: a replay sends nothing and signals nothing', async () => {
    const mailer = refusingTheReport();
    const { deps, signals } = arrange([storedReport()], mailer);
    await routeReport('HDO-2026-000001', deps);

    const replay = await routeReport('HDO-2026-000001', deps);

    expect(replay).toEqual({ status: 'already-failed' });
    expect(mailer.sent).toHaveLength(2);
    expect(mailer.refused).toHaveLength(1);
    expect(signals.failed).toHaveLength(1);
  });

  it("routes a report whose product team's copy SES refuses: the desk has it, the copy is recorded as refused", async () => {
    const mailer = new RejectingMailer(TEAM);
    const { store, deps, signals } = arrange([storedReport({ priority: 'P1' }, critical())], mailer, {}, withIccsCopies());

    expect(await routeReport('HDO-2026-000001', deps)).toMatchObject({ status: 'sent', to: [DESK, INCIDENT_MANAGER] });

    expect(mailer.sent.map((email) => email.to)).toEqual([DESK, INCIDENT_MANAGER, REPORTER]);
    expect(store.reports.get('HDO-2026-000001')?.delivered).toContain(`team:${TEAM}:rejected`);
    expect(signals.rejected).toEqual([{ reference: 'HDO-2026-000001', mail: 'copy', reason: expect.stringContaining('[e-postadresse]') }]);
    expect(signals.failed).toEqual([]);
  });

  it('treats an SDK serialisation error (URIError) as permanent; a desk notice that fails too is only signalled', async () => {
    const { store, deps, signals } = arrange([storedReport()], new FailingMailer(new URIError('URI malformed')));

    const outcome = await routeReport('HDO-2026-000001', deps);

    expect(outcome).toEqual({ status: 'failed', reason: 'Servicedesk: URIError: URI malformed' });
    expect(store.reports.get('HDO-2026-000001')?.routing.status).toBe('failed');
    expect(store.reports.get('HDO-2026-000001')?.delivered).toEqual(['receipt:rejected']);
    expect(signals.rejected.map((rejection) => rejection.mail)).toEqual(['receipt', 'routing-failed']);
  });

  it('marks a stored report it cannot read failed and tells the desk by reference alone', async () => {
    const mailer = new RecordingMailer();
    const { store, deps, signals } = arrange([storedReport({ schemaVersion: 99 as never })], mailer);

    const outcome = await routeReport('HDO-2026-000001', deps);

    expect(outcome).toMatchObject({ status: 'failed', reason: expect.stringContaining('Lagret melding kan ikke leses') });
    expect(store.reports.get('HDO-2026-000001')?.routing.status).toBe('failed');
    expect(mailer.sent.map((email) => [email.to, email.subject])).toEqual([
      [DESK, `${ROUTING_FAILED_SUBJECT} HDO-2026-000001: meldingen kom ikke fram til teamet`],
    ]);
    expect(mailer.sent[0]?.text).toContain('i en form Serviceportalen ikke kan lese');
    expect(store.reports.get('HDO-2026-000001')?.delivered).toEqual([ROUTING_FAILED_KEY]);
    expect(signals.failed).toHaveLength(1);
  });

  it('leaves a receipt SES refuses out, recorded as refused, and routes the report', async () => {
    const mailer = new RejectingMailer(REPORTER);
    const { store, deps, signals } = arrange([storedReport()], mailer);

    expect(await routeReport('HDO-2026-000001', deps)).toEqual({ status: 'sent', to: [DESK], majorIncident: false });

    expect(store.reports.get('HDO-2026-000001')?.delivered).toEqual([`team:${DESK}`, 'receipt:rejected']);
    expect(signals.rejected).toEqual([{ reference: 'HDO-2026-000001', mail: 'receipt', reason: expect.stringContaining('[e-postadresse]') }]);
    expect(signals.failed).toEqual([]);
  });

  it('keeps a failure that may pass (throttling) for a retry: pending, lease given back', async () => {
    const { store, deps } = arrange([storedReport()], new FailingMailer(Object.assign(new Error('Rate exceeded'), { name: 'Throttling' })));

    await expect(routeReport('HDO-2026-000001', deps)).rejects.toThrow('Rate exceeded');

    expect(store.reports.get('HDO-2026-000001')?.routing).toEqual({ status: 'pending' });
    expect(store.leases.has('HDO-2026-000001')).toBe(false);
  });
});

describe('routeReport: the routing lease (finding 5)', () => {
  it('goes on where its own failed attempt left off when it could not give the lease back (the database was down)', async () => {
    const { store, deps, sent } = arrange();
    store.leases.set('HDO-2026-000001', { holder: ROUTERS.stream, until: Date.parse(ROUTED_AT) + 50_000 });
    store.reports.set('HDO-2026-000001', { ...store.reports.get('HDO-2026-000001')!, delivered: [`team:${DESK}`] });

    const bySweeper = await routeReport('HDO-2026-000001', deps, { holder: ROUTERS.sweeper });
    const retried = await routeReport('HDO-2026-000001', deps, { holder: ROUTERS.stream });

    expect(bySweeper).toEqual({ status: 'busy' });
    expect(retried).toMatchObject({ status: 'sent' });
    expect(sent.map((email) => email.to)).toEqual([REPORTER]);
  });

  it('leaves a report alone while another router holds its lease, and takes it once the lease has run out', async () => {
    const { store, deps, sent } = arrange();
    store.leases.set('HDO-2026-000001', { holder: 'the-sweeper', until: Date.parse(ROUTED_AT) + 1000 });

    expect(await routeReport('HDO-2026-000001', deps)).toEqual({ status: 'busy' });
    expect(sent).toEqual([]);

    const later = { ...deps, now: clockAt('2026-03-05T12:00:09.000Z') };
    expect(await routeReport('HDO-2026-000001', later)).toMatchObject({ status: 'sent' });
    expect(sent).toHaveLength(2);
  });

  it('lets two routers at once send each e-mail once: one routes, the other finds it busy', async () => {
    const slow = new (class extends RecordingMailer {
      override async send(email: OutgoingEmail) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await super.send(email);
      }
    })();
    const { deps } = arrange([storedReport()], slow);

    const outcomes = await Promise.all([
      routeReport('HDO-2026-000001', deps, { holder: 'stream' }),
      routeReport('HDO-2026-000001', deps, { holder: 'sweeper' }),
    ]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['busy', 'sent']);
    expect(slow.sent.map((email) => email.to)).toEqual([DESK, REPORTER]);
  });

  it('holds the lease for longer than the router may run (10 s), and ends it once routed', async () => {
    const { store, deps } = arrange();
    let leaseWhileSending: number | undefined;
    const mailer = new (class extends RecordingMailer {
      override async send(email: OutgoingEmail) {
        leaseWhileSending ??= store.leases.get('HDO-2026-000001')?.until;
        await super.send(email);
      }
    })();

    await routeReport('HDO-2026-000001', { ...deps, mailer });

    expect(ROUTING_LEASE_MS).toBeGreaterThan(10_000);
    expect(leaseWhileSending).toBe(Date.parse(ROUTED_AT) + ROUTING_LEASE_MS);
    expect(store.leases.has('HDO-2026-000001')).toBe(false);
  });

  it('starts no e-mail without time for it, and gives the lease back for the retry', async () => {
    const { store, deps, sent } = arrange();

    await expect(routeReport('HDO-2026-000001', deps, { canStartSend: () => false })).rejects.toBeInstanceOf(RoutingPaused);

    expect(sent).toEqual([]);
    expect(store.leases.has('HDO-2026-000001')).toBe(false);
    expect(store.reports.get('HDO-2026-000001')?.routing.status).toBe('pending');
  });
});

describe('routeReport: mail caps (mail that cannot be turned against anyone)', () => {
  it('routes a report past the daily cap of its receipt address without a receipt, and a retry sends none either', async () => {
    const reports = Array.from({ length: 3 }, (_, index) => numbered(index + 1));
    const { store, deps, sent, signals } = arrange(reports, new RecordingMailer(), { receiptsPerAddressPerDay: 2 });

    for (const report of reports) expect(await routeReport(report.reference, deps)).toMatchObject({ status: 'sent', to: [DESK] });

    expect(sent.filter((email) => email.to === REPORTER)).toHaveLength(2);
    expect(sent.filter((email) => email.to === DESK)).toHaveLength(3);
    expect(store.reports.get('HDO-2026-000003')?.delivered).toEqual([`team:${DESK}`, 'receipt:capped']);
    expect(signals.caps).toEqual([{ reference: 'HDO-2026-000003', mail: 'receipt', scope: 'receipt-address' }]);
  });

  it('caps receipts per recipient domain too, counting each address apart', async () => {
    const reports = ['a', 'b', 'c'].map((name, index) =>
      numbered(index + 1, {}, validSubmission('iccs-valid', { contact: { ...validSubmission().contact, email: `${name}@Sykehus.example` } })),
    );
    const { caps, sent, deps, signals } = arrange(reports, new RecordingMailer(), { receiptsPerDomainPerDay: 2 });

    for (const report of reports) await routeReport(report.reference, deps);

    expect(sent.filter((email) => email.subject.startsWith('Mottatt')).map((email) => email.to)).toEqual(['a@Sykehus.example', 'b@Sykehus.example']);
    expect(signals.caps).toEqual([{ reference: 'HDO-2026-000003', mail: 'receipt', scope: 'receipt-domain' }]);
    expect(caps.taken.filter((take) => take.scope === 'receipt-domain').map((take) => take.subject)).toEqual(['sykehus.example', 'sykehus.example']);
  });

  it("caps P1 copies to the incident manager per client per hour, and never the desk's e-mail", async () => {
    const reports = Array.from({ length: 3 }, (_, index) => numbered(index + 1, { priority: 'P1', clientTag: 'klient-a' }, critical()));
    const other = numbered(4, { priority: 'P1', clientTag: 'klient-b' }, critical());
    const { store, deps, sent, signals } = arrange([...reports, other], new RecordingMailer(), { urgentCopiesPerClientPerHour: 2 });

    for (const report of [...reports, other]) await routeReport(report.reference, deps);

    expect(sent.filter((email) => email.to === DESK)).toHaveLength(4);
    expect(sent.filter((email) => email.to === INCIDENT_MANAGER).map((email) => email.subject.split(' ')[2])).toEqual([
      'HDO-2026-000001',
      'HDO-2026-000002',
      'HDO-2026-000004',
    ]);
    expect(store.reports.get('HDO-2026-000003')?.routing).toMatchObject({ status: 'routed', to: [DESK] });
    expect(signals.caps).toEqual([{ reference: 'HDO-2026-000003', mail: 'urgent-copy', scope: 'urgent-client' }]);
  });

  it("caps a product team's copies per client too, like every copy that does not go to the desk", async () => {
    const reports = Array.from({ length: 2 }, (_, index) => numbered(index + 1, { clientTag: 'klient-a' }));
    const { deps, sent, signals } = arrange(reports, new RecordingMailer(), { urgentCopiesPerClientPerHour: 1 }, withIccsCopies());

    for (const report of reports) await routeReport(report.reference, deps);

    expect(sent.filter((email) => email.to === DESK)).toHaveLength(2);
    expect(sent.filter((email) => email.to === TEAM)).toHaveLength(1);
    expect(signals.caps).toEqual([{ reference: 'HDO-2026-000002', mail: 'urgent-copy', scope: 'urgent-client' }]);
  });

  it('counts reports without a client tag under one shared client', async () => {
    const reports = Array.from({ length: 2 }, (_, index) => numbered(index + 1, { priority: 'P1' }, critical()));
    const { deps, sent } = arrange(reports, new RecordingMailer(), { urgentCopiesPerClientPerHour: 1 });

    for (const report of reports) await routeReport(report.reference, deps);

    expect(sent.filter((email) => email.to === INCIDENT_MANAGER)).toHaveLength(1);
  });

  it('caps storhendelse alerts by the client of the report that would raise them', async () => {
    const reports = [14, 10, 6, 3, 0].map((minutes, index) =>
      numbered(index + 101, {
        receivedAt: new Date(Date.parse(ROUTED_AT) - minutes * 60_000).toISOString(),
        clientTag: index === 0 ? 'flooder' : `klient-${index}`,
      }),
    );
    const { deps, sent, signals, caps } = arrange(reports, new RecordingMailer(), { urgentCopiesPerClientPerHour: 1 });
    await caps.take('urgent-client', 'flooder', 1, new Date(ROUTED_AT));

    for (const report of reports) await routeReport(report.reference, deps);

    expect(sent.filter((email) => email.subject.startsWith(MAJOR_INCIDENT_SUBJECT))).toEqual([]);
    // The store holds all five at once, so the first one routed is the one that finds the cluster.
    expect(signals.caps).toEqual([{ reference: 'HDO-2026-000101', mail: 'major-incident', scope: 'urgent-client' }]);
  });
});

describe('routeReport: a report no e-mail can be written from', () => {
  it('fails the report and tells the desk when building its e-mails fails for good, instead of retrying it until it expires', async () => {
    const mailer = new RecordingMailer();
    const { store, deps, signals } = arrange([storedReport()], mailer);
    const broken = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'address')");
    };

    const outcome = await routeReport('HDO-2026-000001', { ...deps, statusUrlFor: broken });

    expect(outcome).toEqual({ status: 'failed', reason: "TypeError: Cannot read properties of undefined (reading 'address')" });
    expect(store.reports.get('HDO-2026-000001')?.routing.status).toBe('failed');
    expect(mailer.sent.map((email) => email.to)).toEqual([DESK]);
    expect(signals.failed).toHaveLength(1);
    expect(store.leases.has('HDO-2026-000001')).toBe(false);
  });
});
