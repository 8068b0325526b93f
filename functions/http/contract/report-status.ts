import type { RequestType } from '../../core/fixed-questions.ts';
import type { Actor, CaseState, ReportEvent } from '../../core/report-life.ts';
import type { ReportStatusView, TimelineEntry } from '../../core/report-status.ts';
import { arrayOf, isString, objectOf, oneOf, optional } from '../../vocabulary/json-guards.ts';
import { PRIORITY_LEVELS } from './reports.ts';

/**
 * GET /api/reports/{reference}, with the status link's secret in core/page-paths.ts STATUS_TOKEN_HEADER
 * (handlers/report-status.ts): where a report is, as core/report-status.ts shapes it (ReportStatusView), or 404.
 * The status page and the confirmation page (site/src/scripts/form-report-status.ts) check it with isReportStatus.
 */
export const REPORT_STATUS_ROUTE = '/api/reports/{reference}';
export const reportStatusPath = (reference: string) => REPORT_STATUS_ROUTE.replace('{reference}', encodeURIComponent(reference));

export type ReportStatusAnswer = ReportStatusView;

// core/report-life.ts keeps these lists beside its zod schemas, which an import would bring into the browser
// (some 10 kB), and core/fixed-questions.ts is part of the wizard's own chunk (see reports.ts): the lists again,
// held to the core's types both ways.
const CASE_STATES = ['received', 'registered', 'escalated', 'awaitingReporter', 'solved', 'closed'] as const satisfies readonly CaseState[];
true satisfies CaseState extends (typeof CASE_STATES)[number] ? true : false;
const ACTORS = ['desk', 'team', 'caseSystem', 'reporter', 'portal'] as const satisfies readonly Actor[];
true satisfies Actor extends (typeof ACTORS)[number] ? true : false;
const EVENT_KINDS = ['state', 'escalationRequested'] as const satisfies readonly ReportEvent['kind'][];
true satisfies ReportEvent['kind'] extends (typeof EVENT_KINDS)[number] ? true : false;
const REQUEST_TYPES = ['fault', 'change', 'question', 'order'] as const satisfies readonly RequestType[];
true satisfies RequestType extends (typeof REQUEST_TYPES)[number] ? true : false;
const STATUSES = ['received', 'routed'] as const satisfies readonly ReportStatusView['status'][];
true satisfies ReportStatusView['status'] extends (typeof STATUSES)[number] ? true : false;

const isTimelineEntry = objectOf<TimelineEntry>({
  at: isString,
  kind: oneOf(EVENT_KINDS),
  state: oneOf(CASE_STATES),
  label: isString,
  actor: oneOf(ACTORS),
  actorWord: isString,
  team: optional(isString),
  message: optional(isString),
});

export const isReportStatus = objectOf<ReportStatusAnswer>({
  reference: isString,
  service: objectOf({ id: isString, name: isString }),
  requestType: objectOf({ id: oneOf(REQUEST_TYPES), label: isString, name: isString }),
  priority: objectOf({
    level: oneOf(PRIORITY_LEVELS),
    label: isString,
    title: isString,
    meaning: isString,
    responseLabel: isString,
    expectedResponse: isString,
    settledTogether: isString,
  }),
  status: oneOf(STATUSES),
  receivedAt: isString,
  routedAt: optional(isString),
  teams: arrayOf(isString),
  life: objectOf({ state: oneOf(CASE_STATES), label: isString, explanation: isString, events: arrayOf(isTimelineEntry) }),
});
