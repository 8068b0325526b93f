import type { Catalog } from '../catalog/load-catalog.ts';
import type { Team } from '../catalog/schema.ts';
import type { Priority } from './priority.ts';
import { isServiceId, SERVICE_IDS, type ServiceId } from './service-ids.ts';

export interface Recipient {
  /** Stable key for this delivery, so a retry knows whether it was sent. */
  key: string;
  team: Team;
  /**
   * `owner`: the team that handles the service's reports (never capped). `copy`: a copy the priority calls for
   * (P1 → the incident manager), capped per client unless it goes to the desk itself.
   */
  role: 'owner' | 'copy';
}

/** Every service category and the team that receives its reports: the compiler sees every category routed. */
export function routingTable(catalog: Catalog): Record<ServiceId, Team> {
  return Object.fromEntries(SERVICE_IDS.map((id) => [id, teamOrFallback(catalog, catalog.services[id].team)])) as Record<ServiceId, Team>;
}

export function fallbackTeam(catalog: Catalog): Team {
  const team = catalog.teams[catalog.routing.fallbackTeam];
  if (!team) throw new Error(`Reserveteamet «${catalog.routing.fallbackTeam}» finnes ikke.`);
  return team;
}

function teamOrFallback(catalog: Catalog, key: string | undefined): Team {
  return (key ? catalog.teams[key] : undefined) ?? fallbackTeam(catalog);
}

/** The service's team (the service desk for a service that no longer exists) and the copies its priority calls for. */
export function teamRecipients(report: { serviceId: string; priority: Priority }, catalog: Catalog): Recipient[] {
  const primary = isServiceId(report.serviceId) ? routingTable(catalog)[report.serviceId] : fallbackTeam(catalog);
  const copies = (catalog.routing.priorityCopies[report.priority] ?? []).map((key) => teamOrFallback(catalog, key));
  const unique = new Map<string, Recipient>();
  for (const [index, team] of [primary, ...copies].entries()) {
    if (!unique.has(team.address)) unique.set(team.address, { key: `team:${team.address}`, team, role: index === 0 ? 'owner' : 'copy' });
  }
  return [...unique.values()];
}

/** Whether e-mail to `team` goes to the desk (the fallback team), which no cap ever holds back. */
export function isDesk(team: Team, catalog: Catalog): boolean {
  return team.address === fallbackTeam(catalog).address;
}

export function majorIncidentTeam(catalog: Catalog): Team {
  return teamOrFallback(catalog, catalog.routing.majorIncident.team);
}
