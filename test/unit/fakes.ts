import type { Mailer, OutgoingEmail, ReportStore } from '../../functions/core/ports.ts';
import { isExpired, storedReportSchema, type StoredReport } from '../../functions/core/stored-report.ts';
import { isClaimExpired, type SubmissionClaim } from '../../functions/core/submission-claim.ts';

/** A ReportStore in memory, with the same contract as the DynamoDB adapter (see ports.ts). */
export class InMemoryReportStore implements ReportStore {
  readonly reports = new Map<string, StoredReport>();
  readonly counters = new Map<string, number>();
  readonly clusters = new Map<string, Date>();
  readonly claims = new Map<string, SubmissionClaim>();
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

  async markRouted(reference: string, to: readonly string[], at: Date): Promise<boolean> {
    this.calls.markRouted++;
    const report = this.reports.get(reference);
    if (!report || report.routing.status !== 'pending') return false;
    const { receiptToken: _sent, ...rest } = report;
    this.reports.set(reference, { ...rest, routing: { status: 'routed', at: at.toISOString(), to: [...to] } });
    return true;
  }

  private liveClaim(idempotencyKey: string, now: Date): SubmissionClaim | undefined {
    const claim = this.claims.get(idempotencyKey);
    return claim && !isClaimExpired(claim, now) ? structuredClone(claim) : undefined;
  }

  async listUnrouted(receivedBefore: Date, limit: number): Promise<string[]> {
    return [...this.reports.values()]
      .filter((report) => report.routing.status === 'pending' && new Date(report.receivedAt) < receivedBefore)
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
      .slice(0, limit)
      .map((report) => report.reference);
  }

  async countReceivedSince(serviceId: string, since: Date, atMost = Number.POSITIVE_INFINITY): Promise<number> {
    return Math.min(atMost, [...this.reports.values()].filter((report) => report.serviceId === serviceId && new Date(report.receivedAt) >= since).length);
  }

  async openCluster(serviceId: string, at: Date, windowMinutes: number): Promise<boolean> {
    const last = this.clusters.get(serviceId);
    const open = last !== undefined && at.getTime() - last.getTime() <= windowMinutes * 60_000;
    this.clusters.set(serviceId, at);
    return !open;
  }
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
