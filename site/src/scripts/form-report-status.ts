import { STATUS_TOKEN_HEADER } from '../../../functions/core/page-paths.ts';

/** `GET /api/reports/{reference}` with the link's secret in a header: where a report is, never what it says. */

export interface ReportStatus {
  reference: string;
  service: { name: string };
  requestType: { label: string; name: string };
  priority: { level: string; label: string; title: string; meaning: string; responseLabel: string; expectedResponse: string; settledTogether: string };
  status: 'received' | 'routed';
  receivedAt: string;
  routedAt?: string;
  teams: string[];
}

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


const OSLO = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });
export const formatTime = (iso: string) => OSLO.format(new Date(iso));
