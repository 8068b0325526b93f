/**
 * The desk's priority matrix (ITIL: priority = impact × urgency). Reporters never pick a priority; they answer
 * plain questions about impact and urgency, and the priority follows from this table.
 */

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How widely the fault is felt: the answer to "how many users or positions are affected?". */
export const AFFECTED_SCOPES = ['one', 'several', 'site', 'many'] as const;
export type AffectedScope = (typeof AFFECTED_SCOPES)[number];

export const YES_NO = ['yes', 'no'] as const;
export type YesNo = (typeof YES_NO)[number];

export interface ImpactAnswers {
  /** How many users or operator positions are affected. */
  affected: AffectedScope;
  /** Whether they can work around the fault meanwhile. */
  workaround: YesNo;
  /** Whether patient safety or emergency response is affected. */
  emergencyResponse: YesNo;
}

export type Impact = 'critical' | 'high' | 'medium' | 'low';
export type Urgency = 'immediate' | 'soon' | 'normal';

const IMPACT_BY_SCOPE: Record<AffectedScope, Impact> = { many: 'critical', site: 'high', several: 'medium', one: 'low' };

export function urgencyOf(answers: ImpactAnswers): Urgency {
  if (answers.emergencyResponse === 'yes') return 'immediate';
  return answers.workaround === 'no' ? 'soon' : 'normal';
}

export const PRIORITY_MATRIX: Record<Impact, Record<Urgency, Priority>> = {
  critical: { immediate: 'P1', soon: 'P1', normal: 'P2' },
  high: { immediate: 'P1', soon: 'P2', normal: 'P3' },
  medium: { immediate: 'P2', soon: 'P3', normal: 'P3' },
  low: { immediate: 'P2', soon: 'P3', normal: 'P4' },
};

export function priorityOf(answers: ImpactAnswers): Priority {
  return PRIORITY_MATRIX[IMPACT_BY_SCOPE[answers.affected]][urgencyOf(answers)];
}

export interface PriorityDescription {
  name: string;
  meaning: string;
  expectedResponse: string;
  /** Whether the reporter must also phone the desk rather than wait for the e-mail. */
  phoneNow: boolean;
}

export const PRIORITY_DESCRIPTIONS: Record<Priority, PriorityDescription> = {
  P1: {
    name: 'Kritisk',
    meaning: 'Nødmeldetjenesten eller pasientsikkerheten er berørt, eller mange brukere står uten tjenesten.',
    expectedResponse: 'Servicedesk starter arbeidet straks, hele døgnet. Ring 08915 nå hvis du ikke alt har gjort det.',
    phoneNow: true,
  },
  P2: {
    name: 'Høy',
    meaning: 'Et kontrollrom eller flere brukere er rammet, og det finnes ingen god midlertidig løsning.',
    expectedResponse: 'Servicedesk tar kontakt innen én time, hele døgnet.',
    phoneNow: false,
  },
  P3: {
    name: 'Middels',
    meaning: 'Feilen rammer noen brukere, men arbeidet kan gå videre.',
    expectedResponse: 'Servicedesk tar kontakt innen fire timer på hverdager.',
    phoneNow: false,
  },
  P4: {
    name: 'Lav',
    meaning: 'Feilen rammer én bruker, og det finnes en midlertidig løsning, eller henvendelsen er et spørsmål eller ønske.',
    expectedResponse: 'Servicedesk svarer innen to virkedager.',
    phoneNow: false,
  },
};
