import { AFFECTED_SCOPES, FIELD, isOneOf, REQUEST_TYPES, YES_NO } from './fixed-questions.ts';
import { isWrittenAfterCall, visiblePages, type Journey, type Values } from './journey.ts';
import { mustPhone, priorityOf, type Priority, type PriorityPolicy } from './priority.ts';

/**
 * The screens a reporter goes through, in order: the journey's pages that apply, the phone page where the matter
 * turns out to be urgent, and «Sjekk svarene» at the end. «Steg N av M» counts these, so it follows the answers.
 */

export const PHONE_STEP = 'phone';
export const REVIEW_STEP = 'review';

/** The priority the answers so far suggest; undefined while a fault's impact is not answered yet. */
export function suggestedPriority(policy: PriorityPolicy, values: Values): Priority | undefined {
  const requestType = values[FIELD.requestType];
  const urgent = values[FIELD.urgent];
  if (!isOneOf(REQUEST_TYPES, requestType) || !isOneOf(YES_NO, urgent)) return undefined;
  const affected = values[FIELD.affected];
  const workaround = values[FIELD.workaround];
  const impact = isOneOf(AFFECTED_SCOPES, affected) && isOneOf(YES_NO, workaround) ? { affected, workaround } : undefined;
  // A fault is asked about its impact, unless it was phoned in as urgent and this is the written record.
  if (requestType === 'fault' && !impact && !isWrittenAfterCall(values)) return undefined;
  return priorityOf(policy, { urgent, impact });
}

/** Why the phone page is on the way: the reporter said it is urgent, or the answers give a priority to phone in. */
export type PhoneReason = 'urgent' | 'priority';

export interface Steps {
  steps: string[];
  phone?: PhoneReason | undefined;
}

/**
 * `skip`: pages the reporter need not see (contact details remembered on this device). Until the reporter chooses
 * the written report after calling, the phone page is the last step.
 */
export function stepsFor(journey: Journey, policy: PriorityPolicy, values: Values, skip: ReadonlySet<string> = new Set()): Steps {
  const pages = visiblePages(journey, values);
  const ids = pages.map((page) => page.id);
  const called = values[FIELD.calledDesk] === 'yes';
  const withPhoneAfter = (index: number, phone: PhoneReason): Steps => {
    const rest = called ? [...ids.slice(index + 1).filter((id) => !skip.has(id)), REVIEW_STEP] : [];
    return { steps: [...ids.slice(0, index + 1), PHONE_STEP, ...rest], phone };
  };

  if (values[FIELD.urgent] === 'yes')
    return withPhoneAfter(
      pages.findIndex((page) => page.questions.some((question) => question.field === FIELD.urgent)),
      'urgent',
    );
  const priority = suggestedPriority(policy, values);
  const impactPage = pages.findLastIndex((page) => page.questions.some((question) => question.field === FIELD.affected || question.field === FIELD.workaround));
  if (priority && impactPage >= 0 && mustPhone(policy, priority)) return withPhoneAfter(impactPage, 'priority');
  return { steps: [...ids.filter((id) => !skip.has(id)), REVIEW_STEP] };
}
