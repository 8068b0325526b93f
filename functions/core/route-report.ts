import { renderMajorIncidentEmail } from './major-incident-email.ts';
import type { CapScope, MailCaps, Mailer, MailLimits, RoutingLease, RoutingSignals, RoutingStore } from './ports.ts';
import { deliveriesFor, type Delivery, type DeliveryDependencies } from './report-deliveries.ts';
import { failureReason, isPermanentRoutingError, renderRoutingFailedEmail } from './routing-failure.ts';
import { deskTeam, isDesk, majorIncidentTeam } from './routing.ts';
import { isServiceId } from './service-ids.ts';
import type { StoredReport } from './stored-report.ts';
import { journeyOfReport } from './build-journey.ts';

export { isPermanentRoutingError } from './routing-failure.ts';

export interface RouteDependencies extends DeliveryDependencies {
  store: RoutingStore;
  mailer: Mailer;
  /** Counters behind the caps on receipts, P1 copies and storhendelse alerts. */
  caps: MailCaps;
  limits: MailLimits;
  signals: RoutingSignals;
}

export interface RouteOptions {
  /**
   * Who takes the report's lease: `stream` or `sweeper` (ROUTERS), so that each one's retry can take back a lease
   * its failed attempt could not give back (the database was down); a fresh id for each call unless given.
   */
  holder?: string;
  /** False once too little of the invocation is left to start another e-mail: its send could outlive it. */
  canStartSend?: () => boolean;
}

export type RouteOutcome =
  | { status: 'sent'; to: string[]; majorIncident: boolean }
  /** Can never be routed: marked failed and the desk told (this call did it). */
  | { status: 'failed'; reason: string }
  | { status: 'already-routed' }
  | { status: 'already-failed' }
  /** Another router holds the report's lease (the stream or the sweeper): it is theirs to finish. */
  | { status: 'busy' }
  | { status: 'gone' };

/**
 * How long a router holds a report once it has claimed it. Longer than the router's 10 s Lambda timeout
 * (infra/aws/portal-function.ts), so a claim from a router that was stopped mid-report never lets another start
 * while it may still be sending; and long enough for the sweeper to finish one report (below).
 */
export const ROUTING_LEASE_MS = 60_000;

/** The two routers' names as lease holders: one stream shard and one sweep at a time each, so a name is one router. */
export const ROUTERS = { stream: 'stream', sweeper: 'sweeper' } as const;
/**
 * No e-mail is started in the last part of a lease: one send (≤ 4 s, adapters/route-dependencies.ts) and its
 * record (≤ 5 s of pauses, DELIVERY_RECORD_BUDGET_MS) end before the lease does.
 */
const LEASE_SEND_MARGIN_MS = 15_000;

/** A failure that passes: routing stopped before an e-mail for want of time; the next attempt sends the rest. */
export class RoutingPaused extends Error {
  override name = 'RoutingPaused';
}

/** The delivery key of the desk's notice about a report that failed. */
export const ROUTING_FAILED_KEY = 'routing-failed';
/** Marks a delivery that was settled without being sent, so a retry leaves it alone. */
const cappedKey = (key: string) => `${key}:capped`;
const rejectedKey = (key: string) => `${key}:rejected`;
/** Reports stored without a client tag (the address was unknown) count under this one. */
const SHARED_CLIENT = 'ukjent-klient';

/**
 * Sends a new report's e-mails and marks it routed, under a lease, so the stream and the sweeper never route one
 * report at once. Each e-mail is recorded as delivered once sent, so a retry (a replayed stream record, a batch
 * retried after SES failed half-way) sends only what is missing.
 *
 * A failure that will come back (see routing-failure.ts) does not go back to the caller to be retried: a team
 * e-mail SES refuses, or a report that cannot be read, marks the report failed and tells the desk; a refused
 * receipt is left out. Anything else is thrown, with the report still pending and the lease given back.
 */
export async function routeReport(reference: string, deps: RouteDependencies, options: RouteOptions = {}): Promise<RouteOutcome> {
  const claimedAt = deps.now();
  const lease: RoutingLease = { holder: options.holder ?? crypto.randomUUID(), until: claimedAt.getTime() + ROUTING_LEASE_MS };
  const claimed = await deps.store.claimRouting(reference, lease, claimedAt);
  let report: StoredReport | undefined;
  try {
    report = await deps.store.get(reference, deps.now());
  } catch (error) {
    // An unreadable report someone else holds (or has failed already) is theirs.
    if (!claimed) {
      if (isPermanentRoutingError(error)) return { status: 'busy' };
      throw error;
    }
    return underLease(reference, lease, deps, async () => {
      if (!isPermanentRoutingError(error)) throw error;
      return failRouting({ reference, report: undefined, teams: [], reason: failureReason(error), delivered: new Set() }, lease, deps, options);
    });
  }
  if (!claimed) {
    if (!report) return { status: 'gone' };
    if (report.routing.status === 'routed') return { status: 'already-routed' };
    if (report.routing.status === 'failed') return { status: 'already-failed' };
    return { status: 'busy' };
  }
  const current = report;
  return underLease(reference, lease, deps, async () => {
    if (!current) {
      await deps.store.releaseRouting(reference, lease.holder);
      return { status: 'gone' };
    }
    try {
      return await deliver(current, lease, deps, options);
    } catch (error) {
      // Refusals by SES are settled inside; anything else that will come back (an e-mail that cannot be
      // written from this report, say) fails the report too, rather than being retried until it expires.
      if (!isPermanentRoutingError(error)) throw error;
      return failRouting({ reference, report: current, teams: [], reason: failureReason(error), delivered: new Set(current.delivered) }, lease, deps, options);
    }
  });
}

/** Runs `work` under the lease; if it fails, gives the lease back (best effort: it runs out anyway) and fails too. */
async function underLease<T>(reference: string, lease: RoutingLease, deps: RouteDependencies, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await deps.store.releaseRouting(reference, lease.holder).catch(() => undefined);
    throw error;
  }
}

async function deliver(report: StoredReport, lease: RoutingLease, deps: RouteDependencies, options: RouteOptions): Promise<RouteOutcome> {
  const { reference } = report;
  const delivered = new Set(report.delivered);
  const refused: { team: string; reason: string }[] = [];
  const teamsReached: string[] = [];
  for (const delivery of deliveriesFor(report, deps)) {
    if (delivered.has(delivery.key)) {
      if (delivery.team) teamsReached.push(delivery.email.to);
      continue;
    }
    if (delivered.has(cappedKey(delivery.key)) || delivered.has(rejectedKey(delivery.key))) continue;
    ensureTimeToSend(lease, deps, options);
    const cap = await capReached(delivery, report, deps);
    if (cap) {
      await deps.store.markDelivered(reference, cappedKey(delivery.key));
      deps.signals.capped(reference, delivery.role === 'receipt' ? 'receipt' : 'urgent-copy', cap);
      continue;
    }
    try {
      await deps.mailer.send(delivery.email);
    } catch (error) {
      if (!isPermanentRoutingError(error)) throw error;
      const reason = failureReason(error);
      if (delivery.role === 'owner' && delivery.team) {
        // The desk's queue refused: the other e-mails still go (a P1 copy, the receipt); then the report fails and
        // the desk is told (by the same address, so mostly the RoutingFailed alarm tells it).
        refused.push({ team: delivery.team.name, reason });
      } else {
        // A copy or the receipt: the desk has the report all the same, so it is routed without that e-mail.
        await deps.store.markDelivered(reference, rejectedKey(delivery.key));
        deps.signals.mailRejected(reference, delivery.role === 'copy' ? 'copy' : 'receipt', reason);
      }
      continue;
    }
    await deps.store.markDelivered(reference, delivery.key);
    if (delivery.team) teamsReached.push(delivery.email.to);
  }
  if (refused.length > 0) {
    const reason = refused.map((refusal) => `${refusal.team}: ${refusal.reason}`).join('; ');
    return failRouting({ reference, report, teams: refused.map((refusal) => refusal.team), reason, delivered }, lease, deps, options);
  }
  const routedNow = await deps.store.markRouted(reference, teamsReached, deps.now());
  const majorIncident = routedNow ? await alertIfMajorIncident(report, deps) : false;
  return { status: 'sent', to: teamsReached, majorIncident };
}

/** Marks the report failed once the desk knows; a notice that SES refuses too is only logged. */
async function failRouting(
  failure: { reference: string; report: StoredReport | undefined; teams: string[]; reason: string; delivered: ReadonlySet<string> },
  lease: RoutingLease,
  deps: RouteDependencies,
  options: RouteOptions,
): Promise<RouteOutcome> {
  const { reference, report, reason } = failure;
  if (!failure.delivered.has(ROUTING_FAILED_KEY)) {
    ensureTimeToSend(lease, deps, options);
    const service = report && isServiceId(report.serviceId) ? deps.catalog.services[report.serviceId] : undefined;
    const journey = report ? journeyOfReport(deps.catalog, report.serviceId) : undefined;
    const notice = renderRoutingFailedEmail({ reference, report, service, journey, desk: deskTeam(deps.catalog), teams: failure.teams, reason });
    let sent = true;
    try {
      await deps.mailer.send(notice);
    } catch (error) {
      if (!isPermanentRoutingError(error)) throw error;
      sent = false;
      deps.signals.mailRejected(reference, 'routing-failed', failureReason(error));
    }
    if (sent) await deps.store.markDelivered(reference, ROUTING_FAILED_KEY);
  }
  if (await deps.store.markFailed(reference, { at: deps.now(), reason })) deps.signals.routingFailed(reference, reason);
  return { status: 'failed', reason };
}

/** The cap a delivery has reached, if any: receipts per address and domain, copies per client; the desk never. */
async function capReached(delivery: Delivery, report: StoredReport, deps: RouteDependencies): Promise<CapScope | undefined> {
  const now = deps.now();
  if (delivery.role === 'receipt') {
    const address = delivery.email.to.trim().toLowerCase();
    // The address first: one address at its cap does not use up its domain's.
    if (!(await deps.caps.take('receipt-address', address, deps.limits.receiptsPerAddressPerDay, now))) return 'receipt-address';
    if (!(await deps.caps.take('receipt-domain', address.slice(address.lastIndexOf('@') + 1), deps.limits.receiptsPerDomainPerDay, now)))
      return 'receipt-domain';
    return undefined;
  }
  if (delivery.role === 'copy' && delivery.team && !isDesk(delivery.team, deps.catalog)) {
    if (!(await takeUrgent(report, deps, now))) return 'urgent-client';
  }
  return undefined;
}

const takeUrgent = (report: StoredReport, deps: RouteDependencies, now: Date) =>
  deps.caps.take('urgent-client', report.clientTag ?? SHARED_CLIENT, deps.limits.urgentCopiesPerClientPerHour, now);

/** Before each e-mail: with its lease nearly out, or the invocation, routing stops; the next attempt sends the rest. */
function ensureTimeToSend(lease: RoutingLease, deps: RouteDependencies, options: RouteOptions): void {
  if (deps.now().getTime() > lease.until - LEASE_SEND_MARGIN_MS || (options.canStartSend && !options.canStartSend())) {
    throw new RoutingPaused('Too little time left to send another e-mail');
  }
}

async function alertIfMajorIncident(report: StoredReport, deps: RouteDependencies): Promise<boolean> {
  const { threshold, windowMinutes } = deps.catalog.routing.majorIncident;
  const now = deps.now();
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  // Every routed report asks; counting only up to the threshold keeps that cheap however many reports pour in.
  if ((await deps.store.countReceivedSince(report.serviceId, since, threshold)) < threshold) return false;
  if (!(await deps.store.openCluster(report.serviceId, now, windowMinutes))) return false;
  const team = majorIncidentTeam(deps.catalog);
  if (!isDesk(team, deps.catalog) && !(await takeUrgent(report, deps, now))) {
    deps.signals.capped(report.reference, 'major-incident', 'urgent-client');
    return false;
  }
  const count = await deps.store.countReceivedSince(report.serviceId, since);
  const service = isServiceId(report.serviceId) ? deps.catalog.services[report.serviceId] : undefined;
  try {
    await deps.mailer.send(renderMajorIncidentEmail({ report, service, team, count, windowMinutes }));
  } catch (error) {
    if (!isPermanentRoutingError(error)) throw error;
    deps.signals.mailRejected(report.reference, 'major-incident', failureReason(error));
    return false;
  }
  return true;
}
