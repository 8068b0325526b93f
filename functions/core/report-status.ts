import type { Catalog } from './catalog-shape.ts';
import { journeyOfReport } from './build-journey.ts';
import { FIELD, type RequestType } from './fixed-questions.ts';
import { labelOfAnswer, questionByField } from './journey.ts';
import type { ReportStore } from './ports.ts';
import { expectedResponse, handlingHours, priorityName, writtenReportsHandled, type Priority } from './priority.ts';
import { teamRecipients } from './routing.ts';
import { isServiceId } from './service-ids.ts';
import { REFERENCE_PATTERN } from './reference.ts';
import type { Actor, CaseState, CaseWords, ReportEvent, ReportLife } from './report-life.ts';
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
  /** The portal's delivery of the report (routing), which is not the desk's case: see `life`. */
  status: 'received' | 'routed';
  receivedAt: string;
  routedAt?: string;
  teams: string[];
  /** The desk's case: where it is now, and what has happened to it, oldest first. */
  life: {
    state: CaseState;
    /** «Registrert». */
    label: string;
    /** What the state means for the reporter, in a sentence. */
    explanation: string;
    events: TimelineEntry[];
  };
}

/**
 * One event of the case as the reporter reads it: when, what (the state's label, or that they asked for
 * escalation), who (the actor's word), to which team, and the desk's message. A message is shown only from the desk,
 * a team or the case system: never anything the reporter wrote. Text, to be escaped where it is shown.
 */
export interface TimelineEntry {
  at: string;
  kind: ReportEvent['kind'];
  state: CaseState;
  /** «Sendt til fagteam», or «Du ba om eskalering». */
  label: string;
  actor: Actor;
  /** «Servicedesk», «fagteamet». */
  actorWord: string;
  /** The name of the team it was escalated to. */
  team?: string;
  message?: string;
}

/** Actors whose messages the reporter may read: theirs is the desk's side of the case. */
const MESSAGE_FROM: readonly Actor[] = ['desk', 'team', 'caseSystem'];

/** The life as the reporter reads it, in the words of content/case-states.yaml. */
export function lifeView(life: ReportLife, words: CaseWords, teamName: (key: string) => string | undefined): ReportStatusView['life'] {
  const current = words.states[life.state];
  return {
    state: life.state,
    label: current.label,
    explanation: current.explanation,
    events: life.events.map((event) => {
      const team = event.kind === 'state' && event.state === 'escalated' && event.team ? teamName(event.team) : undefined;
      return {
        at: event.at,
        kind: event.kind,
        state: event.state,
        label: event.kind === 'escalationRequested' ? words.escalationRequested : words.states[event.state].label,
        actor: event.actor,
        actorWord: words.actors[event.actor],
        ...(team ? { team } : {}),
        ...(event.message && MESSAGE_FROM.includes(event.actor) ? { message: event.message } : {}),
      };
    }),
  };
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
    life: lifeView(report.life, catalog.caseStates, (key) => catalog.teams[key]?.name),
  };
}
