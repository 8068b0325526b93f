import type { Catalog } from '../../functions/core/catalog-shape.ts';
import { PRIORITIES, type Priority } from '../../functions/core/priority.ts';
import { CASE_STATES, type CaseState } from '../../functions/core/report-life.ts';
import type { StatsWords } from '../../functions/core/stats-html.ts';
import { recordOf } from '../../functions/vocabulary/records.ts';

/**
 * The names the statistics show, from the editors' content: each service's name (content/services/), each
 * priority's name (content/priority.yaml) and each state's label (content/case-states.yaml).
 */
export function statsWordsOf(catalog: Catalog): StatsWords {
  return {
    services: Object.fromEntries(Object.values(catalog.services).map((service) => [service.id, service.name])),
    priorities: recordOf(PRIORITIES, (priority) => catalog.priority.levels[priority].name),
    states: recordOf(CASE_STATES, (state) => catalog.caseStates.states[state].label),
  };
}
