import { z } from 'zod';
import { SERVICE_IDS } from './service-ids.ts';
import type { ReportSubmission } from './report-submission.ts';

/**
 * A report as it is kept in the table and handed to the router by the stream. Bump the version when the shape
 * changes, and keep reading the old one until every item of that version has expired.
 */
export const STORED_REPORT_VERSION = 1;

export const routingStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending') }),
  z.object({ status: z.literal('routed'), at: z.iso.datetime(), to: z.array(z.string()) }),
]);

export const storedReportSchema = z.object({
  schemaVersion: z.literal(STORED_REPORT_VERSION),
  reference: z.string(),
  serviceId: z.enum(SERVICE_IDS),
  summary: z.string(),
  description: z.string(),
  answers: z.record(z.string(), z.string()),
  contact: z.object({ name: z.string(), organisation: z.string(), phone: z.string(), email: z.string() }),
  receivedAt: z.iso.datetime(),
  /** Epoch seconds after which the item is deleted (DynamoDB TTL) and never shown. */
  expiresAt: z.number().int(),
  routing: routingStateSchema,
});
export type StoredReport = z.infer<typeof storedReportSchema>;

export const DAY_SECONDS = 24 * 60 * 60;

export function newStoredReport(submission: ReportSubmission, reference: string, receivedAt: Date, retentionDays: number): StoredReport {
  return {
    schemaVersion: STORED_REPORT_VERSION,
    reference,
    ...submission,
    receivedAt: receivedAt.toISOString(),
    expiresAt: Math.floor(receivedAt.getTime() / 1000) + retentionDays * DAY_SECONDS,
    routing: { status: 'pending' },
  };
}
