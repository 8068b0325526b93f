import { $ZodError } from 'zod/v4/core';
import type { Catalog } from '../catalog/load-catalog.ts';
import { journeyOfReport } from './build-journey.ts';
import { renderMajorIncidentEmail } from './major-incident-email.ts';
import type { Mailer, OutgoingEmail, ReportStore } from './ports.ts';
import { handlingHours, writtenReportsHandled } from './priority.ts';
import { renderReceiptEmail } from './receipt-email.ts';
import { fallbackTeam, majorIncidentTeam, teamRecipients } from './routing.ts';
import { isServiceId } from './service-ids.ts';
import type { StoredReport } from './stored-report.ts';
import { renderTeamEmail } from './team-email.ts';

export interface RouteDependencies {
  catalog: Catalog;
  store: ReportStore;
  mailer: Mailer;
  now: () => Date;
  /** Absolute link to the reporter's status page. */
  statusUrlFor: (reference: string, statusToken: string) => string;
}

export type RouteOutcome = { status: 'sent'; to: string[]; majorIncident: boolean } | { status: 'already-routed' } | { status: 'gone' };

interface Delivery {
  key: string;
  email: OutgoingEmail;
}

/** Every e-mail a report causes: its team, any priority copies, and the reporter's receipt. */
export function deliveriesFor(report: StoredReport, deps: Pick<RouteDependencies, 'catalog' | 'statusUrlFor' | 'now'>): Delivery[] {
  const { catalog } = deps;
  const service = isServiceId(report.serviceId) ? catalog.services[report.serviceId] : undefined;
  const journey = journeyOfReport(catalog, report.serviceId);
  const teams = teamRecipients(report, catalog).map((recipient) => ({
    key: recipient.key,
    email: renderTeamEmail(report, { service, journey, team: recipient.team, policy: catalog.priority }),
  }));
  const statusUrl = report.receiptToken ? deps.statusUrlFor(report.reference, report.receiptToken) : undefined;
  const receipt = renderReceiptEmail(report, {
    service,
    journey,
    policy: catalog.priority,
    handledNow: writtenReportsHandled(handlingHours(catalog.contact.channels, catalog.priority), deps.now()),
    replyTo: fallbackTeam(catalog),
    contact: catalog.contact,
    ...(statusUrl ? { statusUrl } : {}),
  });
  return [...teams, { key: 'receipt', email: receipt }];
}

/**
 * Sends a new report's e-mails and marks it routed. Each e-mail is recorded as delivered once sent, so a retry
 * (a replayed stream record, or a batch retried after SES failed half-way) sends only what is missing.
 */
export async function routeReport(reference: string, deps: RouteDependencies): Promise<RouteOutcome> {
  const report = await deps.store.get(reference, deps.now());
  if (!report) return { status: 'gone' };
  if (report.routing.status === 'routed') return { status: 'already-routed' };

  const deliveries = deliveriesFor(report, deps);
  const delivered = new Set(report.delivered);
  for (const delivery of deliveries) {
    if (delivered.has(delivery.key)) continue;
    await deps.mailer.send(delivery.email);
    await deps.store.markDelivered(reference, delivery.key);
  }
  const teamAddresses = deliveries.filter((delivery) => delivery.key.startsWith('team:')).map((delivery) => delivery.email.to);
  const routedNow = await deps.store.markRouted(reference, teamAddresses, deps.now());
  const majorIncident = routedNow ? await alertIfMajorIncident(report, deps) : false;
  return { status: 'sent', to: teamAddresses, majorIncident };
}

async function alertIfMajorIncident(report: StoredReport, deps: RouteDependencies): Promise<boolean> {
  const { threshold, windowMinutes } = deps.catalog.routing.majorIncident;
  const now = deps.now();
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  // Every routed report asks; counting only up to the threshold keeps that cheap however many reports pour in.
  if ((await deps.store.countReceivedSince(report.serviceId, since, threshold)) < threshold) return false;
  if (!(await deps.store.openCluster(report.serviceId, now, windowMinutes))) return false;
  const count = await deps.store.countReceivedSince(report.serviceId, since);
  const service = isServiceId(report.serviceId) ? deps.catalog.services[report.serviceId] : undefined;
  await deps.mailer.send(renderMajorIncidentEmail({ report, service, team: majorIncidentTeam(deps.catalog), count, windowMinutes }));
  return true;
}

/** A stored report that cannot be read will never route, however often it is retried; anything else (SES, DynamoDB) may pass. */
export function isPermanentRoutingError(error: unknown): boolean {
  return error instanceof $ZodError;
}
