import type { DeskLink } from '../../functions/core/action-links.ts';
import type { CaseEvent } from '../../functions/core/case-event-schema.ts';
import type { CaseEventPublisher, CaseEventSignals, CaseEventStore } from '../../functions/core/ports.ts';
import type {
  CapScope,
  MailCaps,
  Mailer,
  OptionalMail,
  OutgoingEmail,
  ReportStore,
  RoutingLease,
  RoutingSignals,
  UnroutedReport,
} from '../../functions/core/ports.ts';
import { withEvent, type CaseState, type ReportEvent } from '../../functions/core/report-life.ts';
import { isExpired, storedReportSchema, type StoredReport } from '../../functions/core/stored-report.ts';
import { isClaimExpired, type SubmissionClaim } from '../../functions/core/submission-claim.ts';

/** A ReportStore in memory, with the same contract as the DynamoDB adapter (see ports.ts). */
export class InMemoryReportStore implements ReportStore {
  readonly reports = new Map<string, StoredReport>();
  readonly counters = new Map<string, number>();
  readonly clusters = new Map<string, Date>();
  readonly claims = new Map<string, SubmissionClaim>();
  /** Routing leases by reference (on the report item in DynamoDB; beside it here, as StoredReport has no lease). */
  readonly leases = new Map<string, RoutingLease>();
  readonly calls = { nextSequence: 0, insert: 0, markRouted: 0, markDelivered: 0 };

  async nextSequence(scope: string): Promise<number> {
    this.calls.nextSequence++;
    const next = (this.counters.get(scope) ?? 0) + 1;
    this.counters.set(scope, next);
    return next;
  }

  async insert(report: StoredReport): Promise<void> {
    this.calls.insert++;
    const existing = this.reports.get(report.reference);
    if (existing?.statusTokenHash === report.statusTokenHash) return;
    if (existing) throw new Error(`Referansen ${report.reference} er allerede brukt av en annen melding.`);
    this.reports.set(report.reference, structuredClone(report));
  }

  async findClaim(idempotencyKey: string, now: Date): Promise<SubmissionClaim | undefined> {
    return this.liveClaim(idempotencyKey, now);
  }

  /** Atomic, like the adapter's conditional put: no await between the check and the write. */
  async claim(idempotencyKey: string, claim: SubmissionClaim, now: Date): Promise<SubmissionClaim> {
    const holder = this.liveClaim(idempotencyKey, now);
    if (holder) return holder;
    this.claims.set(idempotencyKey, structuredClone(claim));
    return claim;
  }

  async get(reference: string, now: Date): Promise<StoredReport | undefined> {
    const report = this.reports.get(reference);
    // Like the adapter: what is read back from storage is checked against the schema.
    return report && !isExpired(report, now) ? storedReportSchema.parse(structuredClone(report)) : undefined;
  }

  async markDelivered(reference: string, deliveryKey: string): Promise<void> {
    this.calls.markDelivered++;
    const report = this.reports.get(reference);
    if (report && !report.delivered.includes(deliveryKey)) report.delivered.push(deliveryKey);
  }

  /** Atomic, like the adapter's conditional update. The stored routing state is read as stored, schema or not. */
  async claimRouting(reference: string, lease: RoutingLease, now: Date): Promise<boolean> {
    const report = this.reports.get(reference);
    const held = this.leases.get(reference);
    if (!report || report.routing?.status !== 'pending' || (held && held.until >= now.getTime() && held.holder !== lease.holder)) return false;
    this.leases.set(reference, { ...lease });
    return true;
  }

  async releaseRouting(reference: string, holder: string): Promise<void> {
    if (this.leases.get(reference)?.holder === holder) this.leases.delete(reference);
  }

  async markRouted(reference: string, to: readonly string[], at: Date): Promise<boolean> {
    this.calls.markRouted++;
    const report = this.reports.get(reference);
    if (!report || report.routing.status !== 'pending') return false;
    this.reports.set(reference, { ...report, routing: { status: 'routed', at: at.toISOString(), to: [...to] } });
    this.leases.delete(reference);
    return true;
  }

  async markFailed(reference: string, failure: { at: Date; reason: string }): Promise<boolean> {
    const report = this.reports.get(reference);
    if (!report || report.routing?.status !== 'pending') return false;
    this.reports.set(reference, { ...report, routing: { status: 'failed', at: failure.at.toISOString(), reason: failure.reason } });
    this.leases.delete(reference);
    return true;
  }

  private liveClaim(idempotencyKey: string, now: Date): SubmissionClaim | undefined {
    const claim = this.claims.get(idempotencyKey);
    return claim && !isClaimExpired(claim, now) ? structuredClone(claim) : undefined;
  }

  async listUnrouted(receivedBefore: Date, limit: number): Promise<UnroutedReport[]> {
    return [...this.reports.values()]
      .filter((report) => report.routing?.status === 'pending' && new Date(report.receivedAt) < receivedBefore)
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
      .slice(0, limit)
      .map((report) => ({ reference: report.reference, receivedAt: report.receivedAt }));
  }

  async countReceivedSince(serviceId: string, since: Date, atMost = Number.POSITIVE_INFINITY): Promise<number> {
    return Math.min(atMost, [...this.reports.values()].filter((report) => report.serviceId === serviceId && new Date(report.receivedAt) >= since).length);
  }

  /** Atomic, like the adapter's conditional update (appendEventInMemory). */
  async appendEvent(reference: string, event: ReportEvent, expectedState: CaseState): Promise<boolean> {
    await this.beforeAppend?.(reference);
    return appendEventInMemory(this.reports, reference, event, expectedState);
  }

  /** Runs between a mover's read and its write: a test moves the report here, as a call running alongside would. */
  beforeAppend: ((reference: string) => Promise<void> | void) | undefined;

  async openCluster(serviceId: string, at: Date, windowMinutes: number): Promise<boolean> {
    const last = this.clusters.get(serviceId);
    const open = last !== undefined && at.getTime() - last.getTime() <= windowMinutes * 60_000;
    this.clusters.set(serviceId, at);
    return !open;
  }
}

/** Mail caps in memory, with the adapter's contract: a refused e-mail is not counted. Windows by the hour or day (UTC). */
export class InMemoryMailCaps implements MailCaps {
  readonly counts = new Map<string, number>();
  readonly taken: { scope: CapScope; subject: string }[] = [];

  async take(scope: CapScope, subject: string, limit: number, now: Date): Promise<boolean> {
    const window = now.toISOString().slice(0, scope === 'urgent-client' ? 13 : 10);
    const key = `${scope}|${subject}|${window}`;
    const count = this.counts.get(key) ?? 0;
    if (count >= limit) return false;
    this.counts.set(key, count + 1);
    this.taken.push({ scope, subject });
    return true;
  }
}

/** Caps as high as the configuration allows: tests about something else never meet them. */
export const GENEROUS_LIMITS = { receiptsPerAddressPerDay: 1000, receiptsPerDomainPerDay: 100_000, urgentCopiesPerClientPerHour: 1000 } as const;

/** Keeps what routing signals, in order, as the adapter would log and count it. */
export class RecordingSignals implements RoutingSignals {
  readonly failed: { reference: string; reason: string }[] = [];
  readonly caps: { reference: string; mail: string; scope: CapScope }[] = [];
  readonly rejected: { reference: string; mail: OptionalMail; reason: string }[] = [];
  readonly oldestAges: number[] = [];

  routingFailed(reference: string, reason: string): void {
    this.failed.push({ reference, reason });
  }

  capped(reference: string, mail: 'receipt' | 'urgent-copy' | 'major-incident', scope: CapScope): void {
    this.caps.push({ reference, mail, scope });
  }

  mailRejected(reference: string, mail: OptionalMail, reason: string): void {
    this.rejected.push({ reference, mail, reason });
  }

  oldestUnrouted(ageSeconds: number): void {
    this.oldestAges.push(ageSeconds);
  }
}

/** An error named as the SDK names SES's refusal, with SES's own wording (which names the recipient). */
export function messageRejected(address: string): Error {
  return Object.assign(new Error(`Email address is not verified. The following identities failed the check in region EU-NORTH-1: ${address}`), {
    name: 'MessageRejected',
  });
}

/** Keeps every e-mail it is asked to send. */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];

  async send(email: OutgoingEmail): Promise<void> {
    this.sent.push(email);
  }
}

/** A mailer whose provider is down: every send fails with the given error. */
export class FailingMailer implements Mailer {
  attempts = 0;
  readonly error: Error;

  constructor(error: Error) {
    this.error = error;
  }

  async send(): Promise<void> {
    this.attempts++;
    throw this.error;
  }
}

/** A mailer that sends the first `successes` e-mails and then fails, as SES going down mid-batch would. */
export class FlakyMailer extends RecordingMailer {
  private remaining: number;

  constructor(successes: number) {
    super();
    this.remaining = successes;
  }

  override async send(email: OutgoingEmail): Promise<void> {
    if (this.remaining <= 0) throw new Error('SES er nede');
    this.remaining--;
    await super.send(email);
  }
}

/** A clock that returns the given instants in turn, then keeps returning the last one. */
export function clockAt(...isoTimes: [string, ...string[]]): () => Date {
  let index = 0;
  return () => new Date(isoTimes[Math.min(index++, isoTimes.length - 1)] as string);
}

/** A mailer that refuses the given recipients for good (SES's MessageRejected) and sends the rest. */
export class RejectingMailer extends RecordingMailer {
  readonly refused: OutgoingEmail[] = [];
  private readonly rejected: Set<string>;

  constructor(...addresses: string[]) {
    super();
    this.rejected = new Set(addresses);
  }

  override async send(email: OutgoingEmail): Promise<void> {
    if (this.rejected.has(email.to)) {
      this.refused.push(email);
      throw messageRejected(email.to);
    }
    await super.send(email);
  }
}

/**
 * The part of InMemoryReportStore that moves a report's life, with the adapter's contract (ports.ts CaseStore):
 * atomic, no await between the check and the write.
 */
export function appendEventInMemory(reports: Map<string, StoredReport>, reference: string, event: ReportEvent, expectedState: CaseState): boolean {
  const stored = reports.get(reference);
  if (!stored) return false;
  const { life } = storedReportSchema.parse(structuredClone(stored));
  if (life.state !== expectedState || life.events.some((known) => known.id === event.id)) return false;
  reports.set(reference, { ...stored, life: withEvent(life, structuredClone(event)) });
  return true;
}

/** The desk's action links as the router's deps give them, unsigned: what the e-mail shows, not what they do. */
export function fakeDeskLinks(reference: string, escalateTo: readonly { key: string; name: string }[]): DeskLink[] {
  const url = (action: string, team?: string) => `https://portal.example.no/api/reports/${reference}/handling?${action}${team ? `.${team}` : ''}`;
  return [
    { action: 'registered', label: 'Registrer', url: url('registered') },
    ...escalateTo.map((team): DeskLink => ({ action: 'escalated', team: team.key, label: `Eskaler til ${team.name}`, url: url('escalated', team.key) })),
    { action: 'awaitingReporter', label: 'Venter på melder', url: url('awaitingReporter') },
    { action: 'solved', label: 'Løst', url: url('solved') },
  ];
}

/**
 * The publisher's part of the store (ports.ts CaseEventStore) over an InMemoryReportStore's reports, with the
 * adapter's contract: markPublished adds the key to the report's delivery keys, true only for the call that added it.
 */
export function caseEventStoreOf(store: InMemoryReportStore): CaseEventStore & { marked: string[] } {
  const marked: string[] = [];
  return {
    marked,
    get: (reference, now) => store.get(reference, now),
    async markPublished(reference, key) {
      const report = store.reports.get(reference);
      if (!report || report.delivered.includes(key)) return false;
      report.delivered.push(key);
      marked.push(key);
      return true;
    },
  };
}

/** Keeps what it was given to publish; throws `failWith` instead while it is set. */
export class RecordingCaseEventPublisher implements CaseEventPublisher {
  readonly published: CaseEvent[] = [];
  failWith: Error | undefined;

  async publish(event: CaseEvent): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.published.push(structuredClone(event));
  }
}

export class RecordingCaseEventSignals implements CaseEventSignals {
  readonly failures: { reference: string; what: string; error: unknown }[] = [];

  failed(reference: string, what: 'case-event' | 'reporter-mail' | 'escalation-mail', error: unknown): void {
    this.failures.push({ reference, what, error });
  }
}
