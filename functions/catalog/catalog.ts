import type { FormDefinition } from '../core/form-definition.ts';
import type { PriorityPolicy } from '../core/priority.ts';
import type { EscalationLevels } from '../core/case-event-email.ts';
import type { CaseWords } from '../core/report-life.ts';
import type { ServiceId } from '../core/service-ids.ts';
import type { DeskContact } from './contact-schema.ts';
import type { RoutingRules } from './routing-schema.ts';
import type { Service, Team } from './schema.ts';

/** Everything the functions need from `content/`: the form, the services, the teams, the rules for routing and priority. */
export interface Catalog {
  services: Record<ServiceId, Service>;
  /** The fixed questions and the pages of the journey (content/form.yaml). */
  form: FormDefinition;
  priority: PriorityPolicy;
  teams: Record<string, Team>;
  routing: RoutingRules;
  /** Channels and the fallback ladder, which the reporter's receipt repeats. */
  contact: DeskContact;
  /** The words for a report's life at the desk: each state's label and explanation, each actor's word (content/case-states.yaml). */
  caseStates: CaseWords;
  /** Who is told when a reporter asks for escalation, per priority (content/escalation.yaml). */
  escalation: EscalationLevels;
}

/** Both loaders (`load-yaml-catalog.ts`, `load-prebuilt-catalog.ts`) have this shape, so either can stand behind `load-catalog.ts`. */
export type LoadCatalog = (contentDir: string) => Catalog;
