import type { Priority } from '../../core/priority.ts';
import { isString, objectOf, oneOf } from '../../vocabulary/json-guards.ts';

/**
 * POST /api/reports (handlers/submit-report.ts): a report as JSON, answered 201 with its receipt, or 400 with
 * what to correct (errors.ts). The wizard (site/src/scripts/wizard-send.ts) reads the receipt, and hands it to the
 * confirmation page (site/src/scripts/form-receipt.ts) in the tab's session storage (rememberReceipt, below).
 */
export const REPORTS_ROUTE = '/api/reports';

// core/priority.ts's PRIORITIES again: importing it would split the wizard's own copy of that module into a chunk of
// its own, which its JavaScript budget has no room for. Held to the core's type both ways.
export const PRIORITY_LEVELS = ['P1', 'P2', 'P3', 'P4'] as const satisfies readonly Priority[];
true satisfies Priority extends (typeof PRIORITY_LEVELS)[number] ? true : false;

export interface Receipt {
  reference: string;
  /** The status page with the link's secret in its fragment (core/page-paths.ts statusPath). */
  statusUrl: string;
  priority: Priority;
}

export const isReceipt = objectOf<Receipt>({ reference: isString, statusUrl: isString, priority: oneOf(PRIORITY_LEVELS) });

/**
 * The receipt's hand-over from the wizard to the confirmation page it leaves for, in this tab's session. Here rather
 * than in a script of the site's own: a module of its own would be one more file on the report form, whose
 * JavaScript budget has no room for it, and this one the form and that page load already.
 */
const RECEIPT_KEY = 'serviceportal.kvittering';

/** Without a receipt (an answer that could not be read), the one kept from an earlier report in this tab goes. */
export function rememberReceipt(receipt: Receipt | undefined): void {
  try {
    if (receipt) sessionStorage.setItem(RECEIPT_KEY, JSON.stringify(receipt));
    else sessionStorage.removeItem(RECEIPT_KEY);
  } catch {
    // The confirmation page then shows what the query string carries.
  }
}

export function recalledReceipt(): Receipt | undefined {
  try {
    const receipt: unknown = JSON.parse(sessionStorage.getItem(RECEIPT_KEY) ?? 'null');
    return isReceipt(receipt) ? receipt : undefined;
  } catch {
    return undefined;
  }
}
