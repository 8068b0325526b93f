import * as z from 'zod/mini';
import { AFFECTED_SCOPES, REQUEST_TYPES, YES_NO } from './fixed-questions.ts';
import { PRIORITIES, type Priority } from './priority.ts';
import { newReportLife, reportLifeSchema } from './report-life.ts';
import type { ReportSubmission } from './report-submission.ts';
import { hashStatusToken } from './status-token.ts';

/**
 * A report as it is kept in the table and handed to the router by the stream. Bump the version when the shape
 * changes, and keep reading the old one until every item of that version has expired. zod/mini, like the rest
 * of the Lambda code, so the bundles carry only the validators used.
 *
 * Version 2: the urgent question is asked of every report (`urgent`, was `impact.emergencyResponse` for faults
 * only), and `calledDesk` says whether the reporter phoned first.
 * Version 3: the status secret is never stored (it is derived from the reference, core/status-token.ts), and
 * `clientTag` names the client the report came from for per-client caps, as a keyed pseudonym.
 * Version 4: `life`, the report's case at the desk (core/report-life.ts): its state and every event. Older reports
 * are read as received by the portal when they were stored, which is all that was known of them. `routing` stays
 * what it was: the portal's delivery, not the desk's case.
 */
export const STORED_REPORT_VERSION = 4;

/**
 * Where routing stands: pending until its e-mails are sent (routed), or failed when it never can be (a report
 * SES refuses for good, one that cannot be read): the desk has been told and passes it on by hand; `reason` is
 * a short technical text without e-mail addresses.
 */
export const routingStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending') }),
  z.object({ status: z.literal('routed'), at: z.iso.datetime(), to: z.array(z.string()) }),
  z.object({ status: z.literal('failed'), at: z.iso.datetime(), reason: z.string() }),
]);

const common = {
  reference: z.string(),
  /** A plain string, not the current list: a report for a service that has since been removed is still routed. */
  serviceId: z.string(),
  requestType: z.enum(REQUEST_TYPES),
  priority: z.enum(PRIORITIES),
  summary: z.string(),
  description: z.string(),
  answers: z.record(z.string(), z.string()),
  contact: z.object({ name: z.string(), organisation: z.string(), phone: z.string(), email: z.string(), issi: z.optional(z.string()) }),
  receivedAt: z.iso.datetime(),
  /** Epoch seconds after which the item is deleted (DynamoDB TTL) and never shown. */
  expiresAt: z.int(),
  /** SHA-256 of the secret in the reporter's status link; the secret itself is never stored. */
  statusTokenHash: z.string(),
  routing: routingStateSchema,
  /** Keys of the e-mails already sent for this report, so a retried delivery sends only what is missing. */
  delivered: z._default(z.array(z.string()), []),
};

const version3Fields = {
  ...common,
  urgent: z.enum(YES_NO),
  calledDesk: z.boolean(),
  impact: z.optional(z.object({ affected: z.enum(AFFECTED_SCOPES), workaround: z.enum(YES_NO) })),
  /** Keyed pseudonym of the client address (core/status-token.ts), absent when the address was unknown. */
  clientTag: z.optional(z.string()),
};

const currentSchema = z.object({
  ...version3Fields,
  schemaVersion: z.literal(STORED_REPORT_VERSION),
  /** The desk's case: its state and every event, oldest first. */
  life: reportLifeSchema,
});
export type StoredReport = z.infer<typeof currentSchema>;

/**
 * Before version 4 no life was kept at first; one the desk has moved since carries it (the store adds `life` to an
 * item of any version when the first event is appended, and leaves the rest of the item as it was).
 */
const lifeAddedLater = { life: z.optional(reportLifeSchema) };

/** Version 3, read until its items expire. */
const version3Schema = z.object({ ...version3Fields, ...lifeAddedLater, schemaVersion: z.literal(3) });

/** Version 2, read until its items expire: it kept the status secret (`receiptToken`) until routed; it is dropped. */
const version2Schema = z.object({
  ...common,
  ...lifeAddedLater,
  schemaVersion: z.literal(2),
  urgent: z.enum(YES_NO),
  calledDesk: z.boolean(),
  impact: z.optional(z.object({ affected: z.enum(AFFECTED_SCOPES), workaround: z.enum(YES_NO) })),
});

/** Version 1, read until its items expire: faults carried the urgent answer as `impact.emergencyResponse`. */
const version1Schema = z.object({
  ...common,
  ...lifeAddedLater,
  schemaVersion: z.literal(1),
  impact: z.optional(z.object({ affected: z.enum(AFFECTED_SCOPES), workaround: z.enum(YES_NO), emergencyResponse: z.enum(YES_NO) })),
});

export const storedReportSchema = z.pipe(
  z.union([currentSchema, version3Schema, version2Schema, version1Schema]),
  z.transform((report): StoredReport => {
    if (report.schemaVersion === STORED_REPORT_VERSION) return report;
    const life = report.life ?? lifeBeforeVersion4(report);
    if (report.schemaVersion === 3 || report.schemaVersion === 2) return { ...report, schemaVersion: STORED_REPORT_VERSION, life };
    const { impact, schemaVersion: _old, ...rest } = report;
    return {
      ...rest,
      schemaVersion: STORED_REPORT_VERSION,
      urgent: impact?.emergencyResponse ?? 'no',
      calledDesk: false,
      ...(impact ? { impact: { affected: impact.affected, workaround: impact.workaround } } : {}),
      life,
    };
  }),
);

/** A report stored before version 4 that nobody has moved: all that is known is that the portal received it when it was stored. */
function lifeBeforeVersion4(report: { reference: string; receivedAt: string }) {
  return newReportLife(report.reference, new Date(report.receivedAt));
}

export const DAY_SECONDS = 24 * 60 * 60;

export function newStoredReport(options: {
  submission: ReportSubmission;
  reference: string;
  priority: Priority;
  statusToken: string;
  clientTag?: string;
  receivedAt: Date;
  retentionDays: number;
}): StoredReport {
  const { submission, receivedAt } = options;
  return {
    schemaVersion: STORED_REPORT_VERSION,
    reference: options.reference,
    ...submission,
    priority: options.priority,
    receivedAt: receivedAt.toISOString(),
    expiresAt: Math.floor(receivedAt.getTime() / 1000) + options.retentionDays * DAY_SECONDS,
    statusTokenHash: hashStatusToken(options.statusToken),
    ...(options.clientTag ? { clientTag: options.clientTag } : {}),
    routing: { status: 'pending' },
    delivered: [],
    life: newReportLife(options.reference, receivedAt),
  };
}

export function isExpired(report: Pick<StoredReport, 'expiresAt'>, now: Date): boolean {
  return report.expiresAt * 1000 <= now.getTime();
}
