import { STATUS_TOKEN_HEADER } from '../../../functions/core/page-paths.ts';
import { fieldErrorsOf } from '../../../functions/http/contract/errors.ts';
import { escalationPath, isEscalationAsked, isEscalationRefused, type EscalationRefusal } from '../../../functions/http/contract/escalation.ts';
import { isReportStatus, reportStatusPath, type ReportStatusAnswer } from '../../../functions/http/contract/report-status.ts';

/** `GET /api/reports/{reference}` with the link's secret in a header: where a report is, never what it says. */

/** The API's answer, as the contract reads it (functions/http/contract/report-status.ts). */
export type ReportStatus = ReportStatusAnswer;

/** An answer that is not the contract's counts as `failed`, as a failed request does. */
export type StatusAnswer = { kind: 'found'; status: ReportStatus } | { kind: 'notFound' } | { kind: 'failed' };

export async function fetchStatus(reference: string, token: string): Promise<StatusAnswer> {
  try {
    const response = await fetch(reportStatusPath(reference), { headers: { accept: 'application/json', [STATUS_TOKEN_HEADER]: token } });
    if (response.status === 404) return { kind: 'notFound' };
    if (!response.ok) return { kind: 'failed' };
    const status: unknown = await response.json();
    return isReportStatus(status) ? { kind: 'found', status } : { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

/**
 * `POST /api/reports/{reference}/eskalering` with the link's secret in a header: «Be om eskalering». `refused` is the
 * API's 409 (asked already, not yet, or the case is closed), with its sentence and, for «not yet», from when.
 */
export type EscalationAnswer =
  | { kind: 'asked'; at: string }
  | { kind: 'refused'; reason: EscalationRefusal; message: string; from?: string; at?: string }
  | { kind: 'notFound' }
  | { kind: 'failed'; message?: string };

export async function postEscalation(reference: string, token: string): Promise<EscalationAnswer> {
  try {
    const response = await fetch(escalationPath(reference), { method: 'POST', headers: { accept: 'application/json', [STATUS_TOKEN_HEADER]: token } });
    if (response.status === 404) return { kind: 'notFound' };
    const body: unknown = await response.json().catch(() => undefined);
    const message = fieldErrorsOf(body)[0]?.message;
    if (response.ok && isEscalationAsked(body)) return { kind: 'asked', at: body.at };
    if (response.status === 409 && isEscalationRefused(body) && message) {
      const { reason, from, at } = body;
      return { kind: 'refused', reason, message, ...(from ? { from } : {}), ...(at ? { at } : {}) };
    }
    return { kind: 'failed', ...(message ? { message } : {}) };
  } catch {
    return { kind: 'failed' };
  }
}
