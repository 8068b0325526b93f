import type { Context, ScheduledEvent } from 'aws-lambda';
import { readEnv, sweepEnvSchema } from '../adapters/config.ts';
import { logger } from '../adapters/log.ts';
import { createRouteDependencies, MIN_MS_TO_START_SEND } from '../adapters/route-dependencies.ts';
import { sweepUnrouted, type SweepOutcome } from '../core/sweep-unrouted.ts';

/**
 * Runs on a schedule: routes reports the stream gave up on, so an accepted report is never left unsent. Every run
 * emits the age of the oldest report still waiting. A report that still could not be routed (a failure that may
 * pass) makes the invocation fail once the others are done, so the function's Errors alarm sees it.
 */

const env = readEnv(sweepEnvSchema);
const deps = createRouteDependencies(env);
/** A report is taken on only with time for a few of its e-mails; one e-mail only with time for its send. */
const MIN_MS_TO_START_REPORT = 3 * MIN_MS_TO_START_SEND;

export class SweepIncomplete extends Error {
  override name = 'SweepIncomplete';
  readonly outcome: SweepOutcome;

  constructor(outcome: SweepOutcome) {
    super(`${outcome.retry.length} unrouted report(s) could not be routed and stay pending for the next sweep: ${outcome.retry.join(', ')}`);
    this.outcome = outcome;
  }
}

export async function handler(_event?: ScheduledEvent, context?: Context): Promise<SweepOutcome> {
  const timeLeft = () => context?.getRemainingTimeInMillis() ?? Number.POSITIVE_INFINITY;
  const outcome = await sweepUnrouted(deps, {
    minAgeMinutes: env.SWEEP_MIN_AGE_MINUTES,
    limit: 100,
    onError: (reference, error) => logger.error('Sweeper could not route report', { reference, error }),
    shouldStart: () => timeLeft() > MIN_MS_TO_START_REPORT,
    canStartSend: () => timeLeft() > MIN_MS_TO_START_SEND,
  });
  if (outcome.found > 0) logger.warn('Sweeper found unrouted reports', { ...outcome });
  if (outcome.retry.length > 0) throw new SweepIncomplete(outcome);
  return outcome;
}
