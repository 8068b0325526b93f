import type { Catalog } from './catalog-shape.ts';
import { renderEscalationRequestEmail, renderReporterUpdateEmail } from './case-event-email.ts';
import { CASE_EVENT_SCHEMA, caseEventSchema, type CaseEvent, type CaseEventType } from './case-event-schema.ts';
import type { CaseEventPublisher, CaseEventSignals, CaseEventStore, Mailer, OutgoingEmail } from './ports.ts';
import type { CaseState, ReportEvent } from './report-life.ts';
import { escalationTeam } from './routing.ts';
import { isServiceId } from './service-ids.ts';
import type { StoredReport } from './stored-report.ts';

/**
 * A report's life leaving the system: every life event on a report is published once as a case event (for the
 * desk's case system: an EventBridge bus in AWS, a JSONL outbox and a webhook locally), and the events a person
 * must hear of are e-mailed once: the reporter when the case waits for them or is solved, the escalation contact
 * for the report's priority when the reporter asks for escalation.
 *
 * Each is recorded on the report by key once done (`published:<eventId>`, `reporter-mail:<eventId>`,
 * `escalation-mail:<eventId>`), with a conditional write, so a replayed stream record does nothing twice. Done
 * first and recorded after: a crash between the two sends again (at least once, never lost); consumers dedupe by
 * the event's `id`.
 */

/** What the reporter is e-mailed about: the case waits for them, or is solved. */
export const REPORTER_MAIL_STATES: readonly CaseState[] = ['awaitingReporter', 'solved'];

export const publishedKey = (eventId: string) => `published:${eventId}`;
export const reporterMailKey = (eventId: string) => `reporter-mail:${eventId}`;
export const escalationMailKey = (eventId: string) => `escalation-mail:${eventId}`;
/** A delivery settled without being done (it never can be), so a replay leaves it alone. */
export const failedKey = (key: string) => `${key}:failed`;

function typeOf(event: ReportEvent): CaseEventType {
  if (event.kind === 'escalationRequested') return 'report.escalation-requested';
  return event.state === 'received' && event.actor === 'portal' ? 'report.received' : 'report.state-changed';
}

/** The case event for one life event: the report's facts the desk already has, and the event; validated. */
export function caseEventFor(report: StoredReport, event: ReportEvent, catalog: Catalog): CaseEvent {
  const service = isServiceId(report.serviceId) ? catalog.services[report.serviceId] : undefined;
  return caseEventSchema.parse({
    schema: CASE_EVENT_SCHEMA,
    id: event.id,
    type: typeOf(event),
    reference: report.reference,
    serviceId: report.serviceId,
    category: service?.name ?? report.serviceId,
    escalatesTo: escalationTeam(report.serviceId, catalog)?.name ?? '',
    priority: report.priority,
    state: event.state,
    at: event.at,
    actor: event.actor,
    // A reporter's own words never leave: only the desk's (or a team's, or the case system's) message.
    ...(event.message && event.actor !== 'reporter' ? { message: event.message } : {}),
  });
}

export interface CaseEventDependencies {
  catalog: Catalog;
  store: CaseEventStore;
  publisher: CaseEventPublisher;
  mailer: Mailer;
  now: () => Date;
  /** The same status link the router's receipt carries (adapters/route-dependencies.ts). */
  statusUrlFor: (reference: string) => string;
  signals: CaseEventSignals;
  /** Failures that will come back however often they are tried (core/routing-failure.ts and the publisher's own). */
  isPermanent: (error: unknown) => boolean;
}

interface Delivery {
  key: string;
  what: 'case-event' | 'reporter-mail' | 'escalation-mail';
  run: () => Promise<void>;
}

/** Everything a report's life calls for, in the order of its events: each event's case event, then its e-mail. */
export function deliveriesFor(report: StoredReport, deps: Pick<CaseEventDependencies, 'catalog' | 'publisher' | 'mailer' | 'statusUrlFor'>): Delivery[] {
  const send = (email: () => OutgoingEmail) => () => deps.mailer.send(email());
  return report.life.events.flatMap((event): Delivery[] => {
    const deliveries: Delivery[] = [
      { key: publishedKey(event.id), what: 'case-event', run: () => deps.publisher.publish(caseEventFor(report, event, deps.catalog)) },
    ];
    if (event.kind === 'state' && REPORTER_MAIL_STATES.includes(event.state)) {
      deliveries.push({
        key: reporterMailKey(event.id),
        what: 'reporter-mail',
        run: send(() => renderReporterUpdateEmail(report, event, { catalog: deps.catalog, statusUrl: deps.statusUrlFor(report.reference) })),
      });
    }
    if (event.kind === 'escalationRequested') {
      deliveries.push({
        key: escalationMailKey(event.id),
        what: 'escalation-mail',
        run: send(() => renderEscalationRequestEmail(report, event, { catalog: deps.catalog })),
      });
    }
    return deliveries;
  });
}

/** Whether anything in the report's life is still to be published or e-mailed, judged from `report.delivered`. */
export function hasPendingDeliveries(report: StoredReport, deps: Pick<CaseEventDependencies, 'catalog' | 'publisher' | 'mailer' | 'statusUrlFor'>): boolean {
  const done = new Set(report.delivered);
  return deliveriesFor(report, deps).some((delivery) => !done.has(delivery.key) && !done.has(failedKey(delivery.key)));
}

export interface PublishOutcome {
  /** Keys of what this call did (published or e-mailed). */
  done: string[];
  /** Keys of what can never be done: settled, logged and counted. */
  failed: string[];
}

/**
 * Publishes and e-mails what the report's life calls for and has not had yet. A failure that will come back (an
 * address SES refuses for good, an event the bus refuses as invalid) is settled (`<key>:failed`), signalled and
 * passed over; any other failure is thrown, for the stream to retry: what was done is recorded, so the retry does
 * only the rest.
 */
export async function publishCaseEvents(report: StoredReport, deps: CaseEventDependencies): Promise<PublishOutcome> {
  const done = new Set(report.delivered);
  const outcome: PublishOutcome = { done: [], failed: [] };
  for (const delivery of deliveriesFor(report, deps)) {
    if (done.has(delivery.key) || done.has(failedKey(delivery.key))) continue;
    try {
      await delivery.run();
    } catch (error) {
      if (!deps.isPermanent(error)) throw error;
      await deps.store.markPublished(report.reference, failedKey(delivery.key));
      deps.signals.failed(report.reference, delivery.what, error);
      outcome.failed.push(delivery.key);
      continue;
    }
    await deps.store.markPublished(report.reference, delivery.key);
    outcome.done.push(delivery.key);
  }
  return outcome;
}

/** Reads the report as it is now (a stream image may be older than what was recorded since) and publishes what it lacks. */
export async function publishForReport(reference: string, deps: CaseEventDependencies): Promise<PublishOutcome | 'gone'> {
  const report = await deps.store.get(reference, deps.now());
  if (!report) return 'gone';
  return publishCaseEvents(report, deps);
}
