import type { Catalog } from '../../functions/core/catalog-shape.ts';
import { PRIORITIES, type Priority } from '../../functions/core/priority.ts';
import { CASE_STATES, type CaseState } from '../../functions/core/report-life.ts';
import type { StatsWords } from '../../functions/core/stats-html.ts';

/**
 * The names the statistics show, from the editors' content: each service's name (content/services/), each
 * priority's name (content/priority.yaml) and each state's label (content/case-states.yaml).
 */
export function statsWordsOf(catalog: Catalog): StatsWords {
  return {
    services: Object.fromEntries(Object.values(catalog.services).map((service) => [service.id, service.name])),
    priorities: Object.fromEntries(PRIORITIES.map((priority) => [priority, catalog.priority.levels[priority].name])) as Record<Priority, string>,
    states: Object.fromEntries(CASE_STATES.map((state) => [state, catalog.caseStates.states[state].label])) as Record<CaseState, string>,
  };
}
