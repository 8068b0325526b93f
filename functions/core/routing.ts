import type { Catalog, Team } from './catalog-shape.ts';
import type { Priority } from './priority.ts';
import { isServiceId, SERVICE_IDS, type ServiceId } from './service-ids.ts';
import { recordOf } from '../vocabulary/records.ts';

export interface Recipient {
  /** Stable key for this delivery, so a retry knows whether it was sent. */
  key: string;
  team: Team;
  /**
   * `owner`: the desk's queue, which gets every report (never capped). `copy`: a copy a rule in
   * content/routing.yaml calls for (per priority, per service), capped per client unless it goes to the desk itself.
   */
  role: 'owner' | 'copy';
}

/** The Servicedesk: the team whose queue receives every report (`desk` in content/routing.yaml). */
export function deskTeam(catalog: Catalog): Team {
  const team = catalog.teams[catalog.routing.desk];
  if (!team) throw new Error(`Servicedesk-teamet «${catalog.routing.desk}» finnes ikke.`);
  return team;
}

/**
 * Every service category and the product team the desk escalates it to (`team` in content/services/<id>.yaml):
 * the compiler sees every category routed.
 */
export function escalationTable(catalog: Catalog): Record<ServiceId, Team> {
  return recordOf(SERVICE_IDS, (id) => teamOrDesk(catalog, catalog.services[id].team));
}

/** The product team a report about `serviceId` escalates to; none for a service that no longer exists (the desk keeps it). */
export function escalationTeam(serviceId: string, catalog: Catalog): Team | undefined {
  return isServiceId(serviceId) ? escalationTable(catalog)[serviceId] : undefined;
}

function teamOrDesk(catalog: Catalog, key: string | undefined): Team {
  return (key ? catalog.teams[key] : undefined) ?? deskTeam(catalog);
}

/**
 * Who gets a report: the desk's queue first, always, then the copies content/routing.yaml calls for, by the
 * report's service and by its priority. A team named by several rules gets one e-mail; a copy to the desk none.
 */
export function teamRecipients(report: { serviceId: string; priority: Priority }, catalog: Catalog): Recipient[] {
  const { byService, byPriority } = catalog.routing.copies;
  const copyKeys = [...((isServiceId(report.serviceId) ? byService[report.serviceId] : undefined) ?? []), ...(byPriority[report.priority] ?? [])];
  const unique = new Map<string, Recipient>();
  for (const [index, team] of [deskTeam(catalog), ...copyKeys.map((key) => teamOrDesk(catalog, key))].entries()) {
    if (!unique.has(team.address)) unique.set(team.address, { key: `team:${team.address}`, team, role: index === 0 ? 'owner' : 'copy' });
  }
  return [...unique.values()];
}

/** Whether e-mail to `team` goes to the desk, which no cap ever holds back. */
export function isDesk(team: Team, catalog: Catalog): boolean {
  return team.address === deskTeam(catalog).address;
}

export function majorIncidentTeam(catalog: Catalog): Team {
  return teamOrDesk(catalog, catalog.routing.majorIncident.team);
}
