import type { CaseEvent } from './case-event-schema.ts';
import type { CaseState, ReportEvent } from './report-life.ts';
import type { StoredReport } from './stored-report.ts';
import type { SubmissionClaim } from './submission-claim.ts';

/** Where reports are kept. The DynamoDB adapter implements it; the domain never sees the SDK. */
export interface ReportStore extends RoutingStore, CaseStore {
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
}

/** The part of the store routing uses (the stream's router and the sweeper). */
export interface RoutingStore {
  /** The report, or undefined if there is none or it has expired. */
  get(reference: string, now: Date): Promise<StoredReport | undefined>;
  /** Remembers that one of the report's e-mails was sent (by key), so a retry does not send it again. */
  markDelivered(reference: string, deliveryKey: string): Promise<void>;
  /**
   * Takes the report's routing lease for `lease.holder` until `lease.until`, if the report exists, is still
   * pending, and no other holder's lease on it is live at `now`. False otherwise: someone else is routing it (or
   * has). The stream and the sweeper take it before sending, so they never route one report at the same time; a
   * holder takes back its own lease, so its retry goes on where a failed attempt could not give the lease back.
   */
  claimRouting(reference: string, lease: RoutingLease, now: Date): Promise<boolean>;
  /** Gives the lease back if `holder` still holds it, so a retry need not wait for it to run out. */
  releaseRouting(reference: string, holder: string): Promise<void>;
  /**
   * Records that the report was sent, only if it was still pending, and ends its lease. Returns false if someone
   * else got there first.
   */
  markRouted(reference: string, to: readonly string[], at: Date): Promise<boolean>;
  /**
   * Records that the report can never be routed (with a reason free of e-mail addresses), only if it was still
   * pending, takes it off the list of unrouted reports and ends its lease. Returns true only for the call that did.
   */
  markFailed(reference: string, failure: { at: Date; reason: string }): Promise<boolean>;
  /** Reports still pending that were received before `receivedBefore`, oldest first (failed ones are not listed). */
  listUnrouted(receivedBefore: Date, limit: number): Promise<UnroutedReport[]>;
  /** How many reports for the service were received at or after `since`; counting stops at `atMost` if given. */
  countReceivedSince(serviceId: string, since: Date, atMost?: number): Promise<number>;
  /**
   * Opens a cluster of reports for the service unless one is open (its last report within the window), and
   * notes `at` as its latest report. Returns true only for the call that opened it.
   */
  openCluster(serviceId: string, at: Date, windowMinutes: number): Promise<boolean>;
}

/** The part of the store that moves a report's life at the desk (core/move-report.ts). */
export interface CaseStore {
  /** The report, or undefined if there is none or it has expired. */
  get(reference: string, now: Date): Promise<StoredReport | undefined>;
  /**
   * Appends `event` to the report's life, and moves its state when the event is a move (`kind: 'state'`), only if
   * the report exists, its state is still `expectedState` and no event with this id is there yet. One atomic
   * conditional write: false (nothing changed) when any of that does not hold, for core/move-report.ts to read
   * again and answer.
   */
  appendEvent(reference: string, event: ReportEvent, expectedState: CaseState): Promise<boolean>;
}

/** A claim on routing one report: who holds it, and until when (epoch milliseconds). */
export interface RoutingLease {
  holder: string;
  until: number;
}

export interface UnroutedReport {
  reference: string;
  receivedAt: string;
}

/**
 * What one sender, recipient address or domain can make the portal send is capped. Receipts are counted per
 * recipient address and per recipient domain per day (UTC), P1 copies and storhendelse alerts per client per hour.
 */
export type CapScope = 'receipt-address' | 'receipt-domain' | 'urgent-client';

/** Stored counters with a fixed window; `subject` (an address, a domain, a client tag) is kept only as a keyed hash. */
export interface MailCaps {
  /** Counts one e-mail for `subject` in the current window of `scope` if fewer than `limit` are counted; false (nothing counted) once the cap is reached. */
  take(scope: CapScope, subject: string, limit: number, now: Date): Promise<boolean>;
}

export interface MailLimits {
  receiptsPerAddressPerDay: number;
  receiptsPerDomainPerDay: number;
  urgentCopiesPerClientPerHour: number;
}

/** The e-mails routing may leave unsent without failing the report. */
export type OptionalMail = 'receipt' | 'copy' | 'major-incident' | 'routing-failed';

/**
 * What routing tells operations beside its outcome. The adapter writes each as a log line and, where an alarm
 * watches it, as a CloudWatch metric. Reasons are free of e-mail addresses.
 */
export interface RoutingSignals {
  /** A report that can never be routed was marked failed and the desk told. */
  routingFailed(reference: string, reason: string): void;
  /** An e-mail not sent because its recipient, domain or client reached its cap. */
  capped(reference: string, mail: 'receipt' | 'urgent-copy' | 'major-incident', scope: CapScope): void;
  /** An e-mail SES refused for good that does not fail the report (a receipt, a team's copy, a storhendelse alert, the desk's own notice). */
  mailRejected(reference: string, mail: OptionalMail, reason: string): void;
  /** Age of the oldest report still waiting to be routed (0 when none), from every sweep. */
  oldestUnrouted(ageSeconds: number): void;
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

/** What publishing a report's life reads and records (core/case-events.ts). */
export interface CaseEventStore {
  /** The report, or undefined if there is none or it has expired. */
  get(reference: string, now: Date): Promise<StoredReport | undefined>;
  /**
   * Records that one of the report's life events was published or e-mailed (by key, such as `published:<eventId>`),
   * in the same set as the router's delivery keys, with a conditional write: false if the key was there already (or
   * there is no report), so a replayed record never counts twice.
   */
  markPublished(reference: string, key: string): Promise<boolean>;
}

/** Where case events leave the system: an EventBridge bus in AWS, a JSONL outbox and a webhook locally. */
export interface CaseEventPublisher {
  /** Publishes one event; resolves once it is accepted. A refusal that will recur is thrown with a name the core knows as permanent. */
  publish(event: CaseEvent): Promise<void>;
}

/** What publishing tells operations beside its outcome: a log line and the CaseEventFailed metric. */
export interface CaseEventSignals {
  /** A case event or e-mail that can never be done: settled on the report and passed over. */
  failed(reference: string, what: 'case-event' | 'reporter-mail' | 'escalation-mail', error: unknown): void;
}
