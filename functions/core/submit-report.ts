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
  /** The secret of a report's status link, derived from its reference (core/status-token.ts): never stored. */
  statusTokenFor: (reference: string) => string;
  referencePrefix: string;
  retentionDays: number;
  /** How long an Idempotency-Key stays bound to the report it first became. */
  idempotencyHours: number;
}

export type SubmitResult = { ok: true; reference: string; priority: Priority; statusToken: string } | { ok: false; errors: FieldError[] };

export interface SubmitOptions {
  /** The client's Idempotency-Key: the same key with the same report stores it once and answers the same. */
  idempotencyKey?: string;
  /** Keyed pseudonym of the client address, kept with the report for per-client caps on urgent copies. */
  clientTag?: string;
}

/**
 * Validates a submission, gives it the next reference and stores it. Routing happens later, from the stream.
 *
 * Idempotency works as Stripe's does: a submission that fails validation stores nothing, so the corrected one sent
 * with the same key is taken. A valid one claims the key before the report is stored, so it is stored at most once
 * even when an earlier attempt's outcome is unknown: a retry stores and answers with the report the key was first
 * claimed for. Throws IdempotencyKeyReusedError when the key was claimed for another submission.
 */
export async function submitReport(input: unknown, deps: SubmitDependencies, options: SubmitOptions = {}): Promise<SubmitResult> {
  const parsed = parseSubmission(deps.journeys, input);
  if (!parsed.ok) return parsed;

  const receivedAt = deps.now();
  const report =
    options.idempotencyKey === undefined
      ? await newReport(parsed.submission, receivedAt, deps, options.clientTag)
      : await claimedReport(parsed.submission, options.idempotencyKey, receivedAt, deps, options.clientTag);
  await deps.store.insert(report);
  return { ok: true, reference: report.reference, priority: report.priority, statusToken: deps.statusTokenFor(report.reference) };
}

async function newReport(submission: ReportSubmission, receivedAt: Date, deps: SubmitDependencies, clientTag: string | undefined): Promise<StoredReport> {
  const year = referenceYear(receivedAt);
  const sequence = await deps.store.nextSequence(referenceCounterScope(deps.referencePrefix, year));
  const reference = formatReference(deps.referencePrefix, year, sequence);
  return newStoredReport({
    submission,
    reference,
    priority: priorityOf(deps.priorityPolicy, submission),
    statusToken: deps.statusTokenFor(reference),
    ...(clientTag ? { clientTag } : {}),
    receivedAt,
    retentionDays: deps.retentionDays,
  });
}

async function claimedReport(
  submission: ReportSubmission,
  idempotencyKey: string,
  now: Date,
  deps: SubmitDependencies,
  clientTag: string | undefined,
): Promise<StoredReport> {
  const hash = submissionHash(submission);
  const claim =
    (await deps.store.findClaim(idempotencyKey, now)) ??
    (await deps.store.claim(
      idempotencyKey,
      {
        schemaVersion: SUBMISSION_CLAIM_VERSION,
        submissionHash: hash,
        report: await newReport(submission, now, deps, clientTag),
        expiresAt: Math.floor(now.getTime() / 1000) + deps.idempotencyHours * 3600,
      },
      now,
    ));
  if (claim.submissionHash !== hash) throw new IdempotencyKeyReusedError();
  return claim.report;
}
