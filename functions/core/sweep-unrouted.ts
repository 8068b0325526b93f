import { processInOrder } from './process-batch.ts';
import { isPermanentRoutingError, routeReport, type RouteDependencies } from './route-report.ts';

export interface SweepOutcome {
  found: number;
  routed: string[];
  failed: string[];
}

/**
 * The safety net under the stream: a report the stream gave up on (SES down for longer than its retries, a
 * dead-lettered batch) is still in the table, pending. Route every such report older than `minAgeMinutes`.
 */
export async function sweepUnrouted(
  deps: RouteDependencies,
  options: { minAgeMinutes: number; limit: number; onError: (reference: string, error: unknown) => void },
): Promise<SweepOutcome> {
  const before = new Date(deps.now().getTime() - options.minAgeMinutes * 60_000);
  const references = await deps.store.listUnrouted(before, options.limit);
  const routed: string[] = [];
  const { failed } = await processInOrder(
    references,
    async (reference) => {
      const outcome = await routeReport(reference, deps);
      if (outcome.status === 'sent') routed.push(reference);
    },
    isPermanentRoutingError,
    (reference, error) => options.onError(reference, error),
  );
  return { found: references.length, routed, failed };
}
