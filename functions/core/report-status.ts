import { journeyOfReport } from '../catalog/journeys.ts';
import type { Catalog } from '../catalog/load-catalog.ts';
import { writtenReportsHandled } from '../catalog/open-channels.ts';
import { FIELD, type RequestType } from './fixed-questions.ts';
import { labelOfAnswer, questionByField } from './journey.ts';
import type { ReportStore } from './ports.ts';
import { expectedResponse, type Priority } from './priority.ts';
import { teamRecipients } from './routing.ts';
import { isServiceId } from './service-ids.ts';
import { statusTokenMatches } from './status-token.ts';

/** What the reporter's status link shows: where the report is, never what it says. */
export interface ReportStatusView {
  reference: string;
  service: { id: string; name: string };
  requestType: { id: RequestType; name: string };
  priority: {
    level: Priority;
    /** «Foreslått prioritet». */
    label: string;
    name: string;
    meaning: string;
    expectedResponse: string;
    /** Must be phoned in. */
    phone: boolean;
    /** That the desk settles it with the reporter. */
    settledTogether: string;
  };
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

  const { catalog } = deps;
  const service = isServiceId(report.serviceId) ? catalog.services[report.serviceId] : undefined;
  const level = catalog.priority.levels[report.priority];
  return {
    reference: report.reference,
    service: { id: report.serviceId, name: service?.name ?? 'Servicedesk' },
    requestType: { id: report.requestType, name: labelOfAnswer(questionByField(journeyOfReport(catalog, report.serviceId), FIELD.requestType), report.requestType) },
    priority: {
      level: report.priority,
      label: catalog.priority.label,
      name: level.name,
      meaning: level.meaning,
      expectedResponse: expectedResponse(level, writtenReportsHandled(catalog, deps.now())),
      phone: level.phone,
      settledTogether: catalog.priority.settledTogether,
    },
    status: report.routing.status === 'routed' ? 'routed' : 'received',
    receivedAt: report.receivedAt,
    ...(report.routing.status === 'routed' ? { routedAt: report.routing.at } : {}),
    teams: report.routing.status === 'routed' ? teamRecipients(report, deps.catalog).map((recipient) => recipient.team.name) : [],
  };
}
