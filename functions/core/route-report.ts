import type { Catalog } from '../catalog/load-catalog.ts';
import type { Team } from '../catalog/schema.ts';
import type { Mailer, ReportStore } from './ports.ts';
import type { ServiceId } from './service-ids.ts';
import type { StoredReport } from './stored-report.ts';
import { renderTeamEmail } from './team-email.ts';

export interface RouteDependencies {
  catalog: Catalog;
  store: ReportStore;
  mailer: Mailer;
  now: () => Date;
}

export type RouteOutcome = { status: 'sent'; to: string[] } | { status: 'already-routed' };

/** The team that receives reports for a service. The catalog loader guarantees that every service's team exists. */
export function teamFor(serviceId: ServiceId, catalog: Catalog): Team {
  const team = catalog.teams[catalog.services[serviceId].team];
  if (!team) throw new Error(`Tjenesten ${serviceId} peker på et team som ikke finnes.`);
  return team;
}

/**
 * Sends a new report to its team and marks it routed. A report that is already marked routed (a replayed stream
 * record) is not sent again.
 */
export async function routeReport(report: StoredReport, deps: RouteDependencies): Promise<RouteOutcome> {
  const current = await deps.store.get(report.reference);
  if (current?.routing.status === 'routed') return { status: 'already-routed' };

  const service = deps.catalog.services[report.serviceId];
  const team = teamFor(report.serviceId, deps.catalog);
  const email = renderTeamEmail(report, service, team);
  await deps.mailer.send(email);
  await deps.store.markRouted(report.reference, [email.to], deps.now());
  return { status: 'sent', to: [email.to] };
}
