import type { Catalog } from '../catalog/load-catalog.ts';
import type { ReportStore } from './ports.ts';
import { PRIORITY_DESCRIPTIONS, type Priority, type PriorityDescription } from './priority.ts';
import { REQUEST_TYPE_LABELS, type RequestType } from './request-details.ts';
import { teamRecipients } from './routing.ts';
import { isServiceId } from './service-ids.ts';
import { statusTokenMatches } from './status-token.ts';

/** What the reporter's status link shows: where the report is, never what it says. */
export interface ReportStatusView {
  reference: string;
  service: { id: string; name: string };
  requestType: { id: RequestType; name: string };
  priority: { level: Priority } & PriorityDescription;
  status: 'received' | 'routed';
  receivedAt: string;
  routedAt?: string;
  teams: string[];
}

/** Undefined for an unknown reference, a wrong token and an expired report alike: none of them may be told apart. */
export async function reportStatus(
  reference: string,
  token: string,
  deps: { store: ReportStore; catalog: Catalog; now: () => Date },
): Promise<ReportStatusView | undefined> {
  if (!reference || !token) return undefined;
  const report = await deps.store.get(reference, deps.now());
  if (!report || !statusTokenMatches(token, report.statusTokenHash)) return undefined;

  const service = isServiceId(report.serviceId) ? deps.catalog.services[report.serviceId] : undefined;
  const priority = PRIORITY_DESCRIPTIONS[report.priority];
  return {
    reference: report.reference,
    service: { id: report.serviceId, name: service?.name ?? 'Servicedesk' },
    requestType: { id: report.requestType, name: REQUEST_TYPE_LABELS[report.requestType] },
    priority: { level: report.priority, ...priority },
    status: report.routing.status === 'routed' ? 'routed' : 'received',
    receivedAt: report.receivedAt,
    ...(report.routing.status === 'routed' ? { routedAt: report.routing.at } : {}),
    teams: report.routing.status === 'routed' ? teamRecipients(report, deps.catalog).map((recipient) => recipient.team.name) : [],
  };
}
