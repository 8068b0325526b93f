import type { DeskContact } from './desk-contact.ts';
import type { RequestType } from './fixed-questions.ts';
import type { FormDefinition, ServicePage } from './form-definition.ts';
import type { Priority, PriorityPolicy } from './priority.ts';
import type { CaseWords } from './report-life.ts';
import type { ServiceId } from './service-ids.ts';

/**
 * What the functions read from `content/`, in the shape the core works with. It is the core's, so that the core
 * never imports the catalog (functions/catalog/ reads and validates the files, and its schemas must give exactly
 * these shapes); the catalog imports the core, never the other way (.dependency-cruiser.cjs).
 */

/** A service category (content/services/<id>.yaml). */
export interface Service {
  id: ServiceId;
  name: string;
  /** For the subject line of e-mails, such as «ICCS». */
  shortName: string;
  description: string;
  /** The key in `Catalog.teams` of the product team the desk escalates the service's reports to. */
  team: string;
  requestTypes: RequestType[];
  pages: ServicePage[];
  /** The link to the form when the service takes no faults; the site's default when absent. */
  formLink?: string | undefined;
  checkFirst: string[];
}

/** A team that gets reports by e-mail (content/teams.yaml). */
export interface Team {
  name: string;
  address: string;
  /** Whether the address takes attachments, so the receipt may ask for a reply with them. */
  takesAttachments?: boolean | undefined;
}

/** Who gets a report (content/routing.yaml); every team named is a key in `Catalog.teams`. */
export interface RoutingRules {
  /** The Servicedesk, which gets every report. */
  desk: string;
  copies: {
    byPriority: Partial<Record<Priority, string[]>>;
    byService: Partial<Record<ServiceId, string[]>>;
  };
  /** One alert to `team` when `threshold` reports about one service come within `windowMinutes`. */
  majorIncident: { team: string; threshold: number; windowMinutes: number };
}

/** One level of escalation (content/escalation.yaml): a team in content/teams.yaml, or a role with its own address. */
export type EscalationContact = { team: string } | { name: string; address: string };
export interface EscalationLevels {
  levels: Record<Priority, EscalationContact>;
}

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
