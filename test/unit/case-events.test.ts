import { describe, expect, it } from 'vitest';
import {
  caseEventFor,
  escalationMailKey,
  failedKey,
  hasPendingDeliveries,
  publishCaseEvents,
  publishedKey,
  publishForReport,
  reporterMailKey,
  type CaseEventDependencies,
} from '../../functions/core/case-events.ts';
import { CASE_EVENT_SCHEMA } from '../../functions/core/case-event-schema.ts';
import { escalationContactFor } from '../../functions/core/case-event-email.ts';
import { isPermanentCaseEventError } from '../../functions/adapters/case-event-publisher.ts';
import { withEvent, type ReportEvent } from '../../functions/core/report-life.ts';
import type { StoredReport } from '../../functions/core/stored-report.ts';
import { realCatalog, storedReport } from './builders.ts';
import {
  caseEventStoreOf,
  InMemoryReportStore,
  messageRejected,
  RecordingCaseEventPublisher,
  RecordingCaseEventSignals,
  RecordingMailer,
  RejectingMailer,
} from './fakes.ts';

/**
 * core/case-events.ts: each life event leaves once as a versioned case event; the reporter is e-mailed only when the
 * case waits for them or is solved, the escalation contact of the report's priority when the reporter asks; a
 * replayed record does nothing twice; nothing the reporter wrote leaves.
 */

const NOW = new Date('2026-03-05T14:00:00Z');
const catalog = realCatalog();

const move = (id: string, changes: Partial<ReportEvent>): ReportEvent => ({
  id,
  kind: 'state',
  state: 'registered',
  at: '2026-03-05T13:00:00.000Z',
  actor: 'desk',
  ...changes,
});

function setup(report: StoredReport, mailer = new RecordingMailer()) {
  const reports = new InMemoryReportStore();
  reports.reports.set(report.reference, structuredClone(report));
  const store = caseEventStoreOf(reports);
  const publisher = new RecordingCaseEventPublisher();
  const signals = new RecordingCaseEventSignals();
  const deps: CaseEventDependencies = {
    catalog,
    store,
    publisher,
    mailer,
    now: () => NOW,
    statusUrlFor: (reference) => `https://portal.example.no/meld-feil/status/#referanse=${reference}&token=t`,
    signals,
    isPermanent: isPermanentCaseEventError,
  };
  return { reports, store, publisher, signals, mailer, deps };
}

const withMoves = (...events: ReportEvent[]) => {
  const report = storedReport();
  return { ...report, life: events.reduce(withEvent, report.life) };
};

describe('publishCaseEvents', () => {
  it('publishes each life event once, as a versioned case event with the service, its team and nothing the reporter wrote', async () => {
    const report = withMoves(move('desk:registered-1', {}));
    const { publisher, deps, reports } = setup(report);

    await publishForReport(report.reference, deps);

    expect(publisher.published.map((event) => [event.type, event.state, event.actor])).toEqual([
      ['report.received', 'received', 'portal'],
      ['report.state-changed', 'registered', 'desk'],
    ]);
    const [received] = publisher.published;
    expect(received).toMatchObject({
      schema: CASE_EVENT_SCHEMA,
      id: `${report.reference}:received`,
      reference: report.reference,
      serviceId: report.serviceId,
      priority: report.priority,
    });
    expect(received?.category).toBe(catalog.services.iccs.name);
    expect(received?.escalatesTo).toBe(catalog.teams[catalog.services.iccs.team]?.name);
    const leaving = JSON.stringify(publisher.published);
    for (const written of [report.summary, report.description, report.contact.email, report.contact.name, report.contact.phone])
      expect(leaving).not.toContain(written);
    expect(reports.reports.get(report.reference)?.delivered).toEqual(
      expect.arrayContaining([publishedKey(`${report.reference}:received`), publishedKey('desk:registered-1')]),
    );
  });

  it('publishes nothing and e-mails no one again when the record is replayed', async () => {
    const report = withMoves(move('cs:solved-1', { state: 'solved', actor: 'caseSystem' }));
    const { publisher, mailer, deps } = setup(report);

    await publishForReport(report.reference, deps);
    const replay = await publishForReport(report.reference, deps);

    expect(publisher.published).toHaveLength(2);
    expect(mailer.sent).toHaveLength(1);
    expect(replay).toEqual({ done: [], failed: [] });
    expect(hasPendingDeliveries((await deps.store.get(report.reference, NOW))!, deps)).toBe(false);
  });

  it('after a failure that may pass, does only the rest on the retry', async () => {
    const report = withMoves(move('desk:registered-1', {}));
    const { publisher, deps } = setup(report);
    publisher.failWith = Object.assign(new Error('timeout'), { name: 'TimeoutError' });

    await expect(publishForReport(report.reference, deps)).rejects.toThrow('timeout');
    publisher.failWith = undefined;
    await publishForReport(report.reference, deps);

    expect(publisher.published.map((event) => event.id)).toEqual([`${report.reference}:received`, 'desk:registered-1']);
  });

  it('e-mails the reporter only when the case waits for them or is solved', async () => {
    const report = withMoves(
      move('desk:registered-1', {}),
      move('desk:escalated-1', { state: 'escalated', team: 'nodnett' }),
      move('desk:waiting-1', { state: 'awaitingReporter', message: 'Send oss et skjermbilde.' }),
      move('desk:registered-2', {}),
      move('desk:solved-1', { state: 'solved' }),
      move('desk:closed-1', { state: 'closed' }),
    );
    const { mailer, deps, reports } = setup(report);

    await publishForReport(report.reference, deps);

    expect(mailer.sent.map((email) => [email.to, email.subject, email.tags.kind])).toEqual([
      [report.contact.email, `Venter på deg: ${report.reference}`, 'reporter-update'],
      [report.contact.email, `Løst: ${report.reference}`, 'reporter-update'],
    ]);
    expect(mailer.sent[0]?.text).toContain('Send oss et skjermbilde.');
    expect(mailer.sent[0]?.text).toContain('https://portal.example.no/meld-feil/status/#referanse=');
    expect(reports.reports.get(report.reference)?.delivered).toEqual(
      expect.arrayContaining([reporterMailKey('desk:waiting-1'), reporterMailKey('desk:solved-1')]),
    );
  });

  it('escapes the desk’s message in the HTML part and repeats nothing the reporter wrote', async () => {
    const report = withMoves(move('desk:solved-1', { state: 'solved', message: '<script>alert(1)</script> & «ferdig»' }));
    const { mailer, deps } = setup(report);

    await publishForReport(report.reference, deps);

    const [email] = mailer.sent;
    expect(email?.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; «ferdig»');
    expect(email?.html).not.toContain('<script>');
    for (const written of [report.summary, report.description, ...Object.values(report.answers)]) {
      expect(email?.text).not.toContain(written);
      expect(email?.html).not.toContain(written);
    }
  });

  it('e-mails the escalation contact for the report’s priority when the reporter asks, with reference, priority, service and when asked', async () => {
    const asked = {
      id: 'reporter:escalate-1',
      kind: 'escalationRequested',
      state: 'registered',
      at: '2026-03-05T13:30:00.000Z',
      actor: 'reporter',
      message: 'Mitt hemmelige',
    } as const;
    for (const priority of ['P1', 'P2', 'P3', 'P4'] as const) {
      const report = { ...withMoves(move('desk:registered-1', {}), asked), priority };
      const { mailer, publisher, deps } = setup(report);

      await publishForReport(report.reference, deps);

      const contact = escalationContactFor(catalog, priority);
      expect(mailer.sent.map((email) => [email.to, email.tags.kind])).toEqual([[contact.address, 'escalation-request']]);
      const [email] = mailer.sent;
      expect(email?.subject).toBe(`[Eskalering] ${priority} ${report.reference}`);
      expect(email?.text).toContain(catalog.services.iccs.name);
      expect(email?.text).toContain('5. mars 2026 kl. 14:30');
      expect(email?.text).not.toContain('Mitt hemmelige');
      expect(publisher.published.at(-1)).toMatchObject({ type: 'report.escalation-requested', actor: 'reporter', state: 'registered' });
      expect(publisher.published.at(-1)).not.toHaveProperty('message');
    }
  });

  it('resolves the levels of content/escalation.yaml: P1 to the duty officer’s team, P4 to the desk', () => {
    expect(escalationContactFor(catalog, 'P1')).toEqual({ name: catalog.teams.vakthavende?.name, address: catalog.teams.vakthavende?.address });
    expect(escalationContactFor(catalog, 'P4').address).toBe(catalog.teams.servicedesk?.address);
  });

  it('settles an e-mail SES refuses for good, signals it and goes on; a replay leaves it alone', async () => {
    const report = withMoves(move('desk:solved-1', { state: 'solved' }));
    const mailer = new RejectingMailer(report.contact.email);
    const { signals, deps, reports, publisher } = setup(report, mailer);

    const outcome = await publishCaseEvents(report, deps);
    await publishForReport(report.reference, deps);

    expect(outcome.failed).toEqual([reporterMailKey('desk:solved-1')]);
    expect(signals.failures).toEqual([{ reference: report.reference, what: 'reporter-mail', error: messageRejected(report.contact.email) }]);
    expect(mailer.refused).toHaveLength(1);
    expect(publisher.published).toHaveLength(2);
    expect(reports.reports.get(report.reference)?.delivered).toContain(failedKey(reporterMailKey('desk:solved-1')));
  });

  it('gives a refused case event the same treatment: settled, signalled, and the e-mails still go', async () => {
    const report = withMoves(move('desk:solved-1', { state: 'solved' }));
    const { publisher, signals, mailer, deps } = setup(report);
    publisher.failWith = Object.assign(new Error('refused'), { name: 'CaseEventRejected' });

    await publishForReport(report.reference, deps);

    expect(signals.failures.map((failure) => failure.what)).toEqual(['case-event', 'case-event']);
    expect(mailer.sent).toHaveLength(1);
    expect(escalationMailKey('x')).toBe('escalation-mail:x');
  });

  it('builds a case event that passes its own schema, without a message the reporter wrote', () => {
    const report = storedReport();
    const event = caseEventFor(
      report,
      { id: 'reporter:x-12345', kind: 'escalationRequested', state: 'received', at: NOW.toISOString(), actor: 'reporter', message: 'mine ord' },
      catalog,
    );
    expect(event).not.toHaveProperty('message');
    expect(event.type).toBe('report.escalation-requested');
  });
});
