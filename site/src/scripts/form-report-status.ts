import { escalationPath, STATUS_TOKEN_HEADER } from '../../../functions/core/page-paths.ts';
import type { ReportStatusView } from '../../../functions/core/report-status.ts';

/** `GET /api/reports/{reference}` with the link's secret in a header: where a report is, never what it says. */

/** The API's answer, as functions/core/report-status.ts shapes it (a type only: nothing of the core is bundled). */
export type ReportStatus = ReportStatusView;

export type StatusAnswer = { kind: 'found'; status: ReportStatus } | { kind: 'notFound' } | { kind: 'failed' };

export async function fetchStatus(reference: string, token: string): Promise<StatusAnswer> {
  try {
    const response = await fetch(`/api/reports/${encodeURIComponent(reference)}`, { headers: { accept: 'application/json', [STATUS_TOKEN_HEADER]: token } });
    if (response.status === 404) return { kind: 'notFound' };
    if (!response.ok) return { kind: 'failed' };
    return { kind: 'found', status: (await response.json()) as ReportStatus };
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
  | { kind: 'refused'; reason: string; message: string; from?: string; at?: string }
  | { kind: 'notFound' }
  | { kind: 'failed'; message?: string };

export async function postEscalation(reference: string, token: string): Promise<EscalationAnswer> {
  try {
    const response = await fetch(escalationPath(reference), { method: 'POST', headers: { accept: 'application/json', [STATUS_TOKEN_HEADER]: token } });
    if (response.status === 404) return { kind: 'notFound' };
    const body = (await response.json().catch(() => ({}))) as { at?: string; from?: string; reason?: string; errors?: { message: string }[] };
    const message = body.errors?.[0]?.message;
    if (response.ok && body.at) return { kind: 'asked', at: body.at };
    if (response.status === 409 && body.reason && message) {
      return { kind: 'refused', reason: body.reason, message, ...(body.from ? { from: body.from } : {}), ...(body.at ? { at: body.at } : {}) };
    }
    return { kind: 'failed', ...(message ? { message } : {}) };
  } catch {
    return { kind: 'failed' };
  }
}

const OSLO = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });
export const formatTime = (iso: string) => OSLO.format(new Date(iso));
