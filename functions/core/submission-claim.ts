import { createHash } from 'node:crypto';
import type { ReportSubmission } from './report-submission.ts';
import type { StoredReport } from './stored-report.ts';

/** Bump when the claim's shape changes, and keep reading the old one until its claims have expired. */
export const SUBMISSION_CLAIM_VERSION = 1;

/**
 * What a submission sent with an Idempotency-Key became: written before the report itself. A retry after an
 * unknown outcome (the write went through, the answer did not) finds it and stores that same report under that same
 * reference, instead of filing the fault twice.
 */
export interface SubmissionClaim {
  schemaVersion: typeof SUBMISSION_CLAIM_VERSION;
  /** Fingerprint of the validated submission: the same key with another report is refused. */
  submissionHash: string;
  report: StoredReport;
  /** Epoch seconds after which the key is free again. */
  expiresAt: number;
}

export function submissionHash(submission: ReportSubmission): string {
  return createHash('sha256').update(JSON.stringify(submission), 'utf8').digest('base64url');
}

export function isClaimExpired(claim: Pick<SubmissionClaim, 'expiresAt'>, now: Date): boolean {
  return claim.expiresAt * 1000 <= now.getTime();
}

/** The same Idempotency-Key was used earlier for a different report. */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('The Idempotency-Key was used for another submission.');
    this.name = 'IdempotencyKeyReusedError';
  }
}
