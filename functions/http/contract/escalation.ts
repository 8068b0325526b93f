import type { EscalationCheck } from '../../core/escalation-request.ts';
import type { ApiErrors } from './errors.ts';
import { isString, objectOf, oneOf, optional } from '../../vocabulary/json-guards.ts';

/**
 * POST /api/reports/{reference}/eskalering, with the status link's secret in core/page-paths.ts STATUS_TOKEN_HEADER
 * (handlers/move-report.ts): «Be om eskalering» from the status page's script. 200 when asked; 409 when it may not
 * be asked now, with why, from when or since when, and the sentence to show in `errors` (errors.ts); 404 otherwise.
 */
export { ESCALATION_ROUTE, escalationPath } from '../../core/page-paths.ts';

export type EscalationRefusal = Extract<EscalationCheck, { allowed: false }>['reason'];
const REFUSALS = ['tooEarly', 'alreadyAsked', 'ended', 'notOffered'] as const satisfies readonly EscalationRefusal[];
true satisfies EscalationRefusal extends (typeof REFUSALS)[number] ? true : false;

export interface EscalationAsked {
  status: 'asked';
  at: string;
}
export const isEscalationAsked = objectOf<EscalationAsked>({ status: oneOf(['asked']), at: isString });

/** The 409, besides its sentence in `errors`. */
export interface EscalationRefused {
  reason: EscalationRefusal;
  /** `tooEarly`: from when it may be asked. */
  from?: string;
  /** `alreadyAsked`: when it was. */
  at?: string;
}
export const isEscalationRefused = objectOf<EscalationRefused>({ reason: oneOf(REFUSALS), from: optional(isString), at: optional(isString) });

/** What the handler sends with a 409. */
export type EscalationRefusedAnswer = EscalationRefused & ApiErrors;
