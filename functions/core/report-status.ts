import type { Catalog } from '../catalog/load-catalog.ts';
import { journeyOfReport } from './build-journey.ts';
import { FIELD, type RequestType } from './fixed-questions.ts';
import { labelOfAnswer, questionByField } from './journey.ts';
import type { ReportStore } from './ports.ts';
import { expectedResponse, handlingHours, priorityName, writtenReportsHandled, type Priority } from './priority.ts';
import { teamRecipients } from './routing.ts';
import { isServiceId } from './service-ids.ts';
import { REFERENCE_PATTERN } from './reference.ts';
import { STATUS_TOKEN_PATTERN, statusTokenMatches } from './status-token.ts';

/** What the reporter's status link shows: where the report is, never what it says. */
export interface ReportStatusView {
  reference: string;
  service: { id: string; name: string };
  /** `label` is the question («Hva gjelder henvendelsen?»), `name` the answer. */
  requestType: { id: RequestType; label: string; name: string };
  priority: {
    level: Priority;
    /** «Foreslått prioritet». */
    label: string;
    /** «P3 middels». */
    title: string;
    meaning: string;
    /** «Hva skjer nå». */
    responseLabel: string;
    expectedResponse: string;
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
  // Checked before any lookup: a malformed reference or secret is simply not found, never a failed query.
  if (!REFERENCE_PATTERN.test(reference) || !STATUS_TOKEN_PATTERN.test(token)) return undefined;
  const report = await deps.store.get(reference, deps.now());
  if (!report || !statusTokenMatches(token, report.statusTokenHash)) return undefined;

  const { catalog } = deps;
  const service = isServiceId(report.serviceId) ? catalog.services[report.serviceId] : undefined;
  const policy = catalog.priority;
  const level = policy.levels[report.priority];
  const requestType = questionByField(journeyOfReport(catalog, report.serviceId), FIELD.requestType);
  return {
    reference: report.reference,
    service: { id: report.serviceId, name: service?.name ?? 'Servicedesk' },
    requestType: { id: report.requestType, label: requestType?.label ?? FIELD.requestType, name: labelOfAnswer(requestType, report.requestType) },
    priority: {
      level: report.priority,
      label: policy.label,
      title: priorityName(policy, report.priority),
      meaning: level.meaning,
      responseLabel: policy.responseLabel,
      expectedResponse: expectedResponse(level, writtenReportsHandled(handlingHours(catalog.contact.channels, policy), deps.now())),
      settledTogether: policy.settledTogether,
    },
    status: report.routing.status === 'routed' ? 'routed' : 'received',
    receivedAt: report.receivedAt,
    ...(report.routing.status === 'routed' ? { routedAt: report.routing.at } : {}),
    teams: report.routing.status === 'routed' ? teamRecipients(report, deps.catalog).map((recipient) => recipient.team.name) : [],
  };
}
