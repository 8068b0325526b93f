import { processInOrder } from './process-batch.ts';
import { isPermanentRoutingError, routeReport, ROUTERS, type RouteDependencies } from './route-report.ts';

export interface SweepOutcome {
  /** Pending reports old enough to be swept. */
  found: number;
  routed: string[];
  /** Could never be routed: marked failed (off the list of unrouted reports) and the desk told. */
  failed: string[];
  /** Still pending after a failure that may pass (SES or DynamoDB unavailable): the next sweep tries again. */
  retry: string[];
  /** Left for now: another router holds the report's lease, or the sweep ran out of time before it. */
  skipped: string[];
  /** Age of the oldest report still waiting once the sweep is done, 0 when there is none. */
  oldestUnroutedAgeSeconds: number;
}

/**
 * The safety net under the stream: a report the stream gave up on (SES down for longer than its retries, a
 * dead-lettered batch) is still in the table, pending. Route every such report older than `minAgeMinutes`, each
 * on its own: one report's failure, whether it will pass or not, never keeps the sweep from the next. Every sweep
 * reports the age of the oldest report still waiting, so an alarm sees reports that are stuck.
 */
export async function sweepUnrouted(
  deps: RouteDependencies,
  options: {
    minAgeMinutes: number;
    limit: number;
    onError: (reference: string, error: unknown) => void;
    /** False once too little time is left to take on another report. */
    shouldStart?: () => boolean;
    /** False once too little time is left to start another e-mail. */
    canStartSend?: () => boolean;
  },
): Promise<SweepOutcome> {
  const before = new Date(deps.now().getTime() - options.minAgeMinutes * 60_000);
  const pending = await deps.store.listUnrouted(before, options.limit);
  const routed: string[] = [];
  const failed: string[] = [];
  const skipped: string[] = [];
  const batch = await processInOrder(
    pending.map((report) => report.reference),
    async (reference) => {
      const outcome = await routeReport(reference, deps, { holder: ROUTERS.sweeper, ...(options.canStartSend ? { canStartSend: options.canStartSend } : {}) });
      if (outcome.status === 'sent') routed.push(reference);
      else if (outcome.status === 'failed') failed.push(reference);
      else if (outcome.status === 'busy') skipped.push(reference);
    },
    isPermanentRoutingError,
    (reference, error) => options.onError(reference, error),
    { onTransient: 'go-on', ...(options.shouldStart ? { shouldStart: options.shouldStart } : {}) },
  );
  skipped.push(...batch.notTried);

  const [oldest] = await deps.store.listUnrouted(deps.now(), 1);
  const oldestUnroutedAgeSeconds = oldest ? Math.max(0, Math.floor((deps.now().getTime() - Date.parse(oldest.receivedAt)) / 1000)) : 0;
  deps.signals.oldestUnrouted(oldestUnroutedAgeSeconds);
  return { found: pending.length, routed, failed, retry: [...batch.permanent, ...batch.retry], skipped, oldestUnroutedAgeSeconds };
}
