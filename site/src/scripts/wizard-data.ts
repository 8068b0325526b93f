import type { OpeningHours } from '../../../functions/core/opening-hours.ts';
import type { Journey } from '../../../functions/core/journey.ts';
import type { PriorityPolicy } from '../../../functions/core/priority.ts';

/** What the form page hands the wizard (data-wizard on the form): the journey and the rules it follows. */
export interface WizardData {
  journey: Journey;
  policy: PriorityPolicy;
  /** When written reports are handled (content/priority.yaml handledBy): the promise on «Sjekk svarene» depends on it. */
  handledHours: OpeningHours | undefined;
  /** Where the reporter can e-mail the report when the API fails. */
  fallbackAddress: string;
}

/** «Steg 2 av 6 · Radioterminaler og Nødnett», the same before and after the wizard's script has started. */
export function stepLine(steps: readonly string[], current: string, serviceName: string): string {
  return `Steg ${steps.indexOf(current) + 1} av ${steps.length} · ${serviceName}`;
}
