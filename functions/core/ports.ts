import type { StoredReport } from './stored-report.ts';
import type { SubmissionClaim } from './submission-claim.ts';

/** Where reports are kept. The DynamoDB adapter implements it; the domain never sees the SDK. */
export interface ReportStore {
  /** Atomically increments and returns the counter for `scope`, starting at 1. */
  nextSequence(scope: string): Promise<number>;
  /**
   * Stores a new report. Storing the very same report again (same reference and status secret: a retried write
   * whose first answer was lost) changes nothing; another report under a taken reference fails.
   */
  insert(report: StoredReport): Promise<void>;
  /** The claim on an Idempotency-Key, unless there is none or it has expired at `now`. */
  findClaim(idempotencyKey: string, now: Date): Promise<SubmissionClaim | undefined>;
  /**
   * Claims the key for `claim`, unless a claim that has not expired at `now` holds it already. Returns the claim
   * that holds the key afterwards: this one, or the one that got there first.
   */
  claim(idempotencyKey: string, claim: SubmissionClaim, now: Date): Promise<SubmissionClaim>;
  /** The report, or undefined if there is none or it has expired. */
  get(reference: string, now: Date): Promise<StoredReport | undefined>;
  /** Remembers that one of the report's e-mails was sent (by key), so a retry does not send it again. */
  markDelivered(reference: string, deliveryKey: string): Promise<void>;
  /** Records that the report was sent, only if it was still pending. Returns false if someone else got there first. */
  markRouted(reference: string, to: readonly string[], at: Date): Promise<boolean>;
  /** References of reports still not routed that were received before `receivedBefore`, oldest first. */
  listUnrouted(receivedBefore: Date, limit: number): Promise<string[]>;
  /** How many reports for the service were received at or after `since`; counting stops at `atMost` if given. */
  countReceivedSince(serviceId: string, since: Date, atMost?: number): Promise<number>;
  /**
   * Opens a cluster of reports for the service unless one is open (its last report within the window), and
   * notes `at` as its latest report. Returns true only for the call that opened it.
   */
  openCluster(serviceId: string, at: Date, windowMinutes: number): Promise<boolean>;
}

export interface OutgoingEmail {
  /** Exactly one recipient per message. */
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** Headers of our own, for the recipients' mail rules (the layout version). */
  headers: Record<string, string>;
  /** For SES's records of what happened to the message (sent, bounced), by kind. */
  tags: Record<string, string>;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
}
