import type { Journey } from './journey.ts';
import type { ReportStore } from './ports.ts';
import { priorityOf, type Priority, type PriorityPolicy } from './priority.ts';
import { formatReference, referenceCounterScope, referenceYear } from './reference.ts';
import { parseSubmission, type FieldError, type ReportSubmission } from './report-submission.ts';
import type { ServiceId } from './service-ids.ts';
import { newStoredReport, type StoredReport } from './stored-report.ts';
import { IdempotencyKeyReusedError, SUBMISSION_CLAIM_VERSION, submissionHash } from './submission-claim.ts';

export interface SubmitDependencies {
  journeys: Readonly<Record<ServiceId, Journey>>;
  priorityPolicy: PriorityPolicy;
  store: ReportStore;
  now: () => Date;
  newStatusToken: () => string;
  referencePrefix: string;
  retentionDays: number;
  /** How long an Idempotency-Key stays bound to the report it first became. */
  idempotencyHours: number;
}

export type SubmitResult =
  | { ok: true; reference: string; priority: Priority; statusToken: string }
  | { ok: false; errors: FieldError[] };

/**
 * Validates a submission, gives it the next reference and stores it. Routing happens later, from the stream.
 * With an Idempotency-Key the submission is stored at most once, even when an earlier attempt's outcome is unknown:
 * a retry stores and answers with the report the key was first claimed for. Throws IdempotencyKeyReusedError when
 * the key was claimed for another submission.
 */
export async function submitReport(input: unknown, deps: SubmitDependencies, idempotencyKey?: string): Promise<SubmitResult> {
  const parsed = parseSubmission(deps.journeys, input);
  if (!parsed.ok) return parsed;

  const receivedAt = deps.now();
  const report =
    idempotencyKey === undefined ? await newReport(parsed.submission, receivedAt, deps) : await claimedReport(parsed.submission, idempotencyKey, receivedAt, deps);
  await deps.store.insert(report);
  const statusToken = report.receiptToken;
  // A stored claim always holds the report as first built, secret included; anything else is a broken item.
  if (statusToken === undefined) throw new Error(`Meldingen ${report.reference} mangler statusnøkkelen i kravet sitt.`);
  return { ok: true, reference: report.reference, priority: report.priority, statusToken };
}

async function newReport(submission: ReportSubmission, receivedAt: Date, deps: SubmitDependencies): Promise<StoredReport> {
  const year = referenceYear(receivedAt);
  const sequence = await deps.store.nextSequence(referenceCounterScope(deps.referencePrefix, year));
  return newStoredReport({
    submission,
    reference: formatReference(deps.referencePrefix, year, sequence),
    priority: priorityOf(deps.priorityPolicy, submission),
    statusToken: deps.newStatusToken(),
    receivedAt,
    retentionDays: deps.retentionDays,
  });
}

async function claimedReport(submission: ReportSubmission, idempotencyKey: string, now: Date, deps: SubmitDependencies): Promise<StoredReport> {
  const hash = submissionHash(submission);
  const claim =
    (await deps.store.findClaim(idempotencyKey, now)) ??
    (await deps.store.claim(
      idempotencyKey,
      { schemaVersion: SUBMISSION_CLAIM_VERSION, submissionHash: hash, report: await newReport(submission, now, deps), expiresAt: Math.floor(now.getTime() / 1000) + deps.idempotencyHours * 3600 },
      now,
    ));
  if (claim.submissionHash !== hash) throw new IdempotencyKeyReusedError();
  return claim.report;
}
