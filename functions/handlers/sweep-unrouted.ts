import type { ScheduledEvent } from 'aws-lambda';
import { readEnv, sweepEnvSchema } from '../adapters/config.ts';
import { logger } from '../adapters/log.ts';
import { createRouteDependencies } from '../adapters/route-dependencies.ts';
import { sweepUnrouted, type SweepOutcome } from '../core/sweep-unrouted.ts';

/** Runs on a schedule: routes reports the stream gave up on, so an accepted report is never left unsent. */

const env = readEnv(sweepEnvSchema);
const deps = createRouteDependencies(env);

export async function handler(_event?: ScheduledEvent): Promise<SweepOutcome> {
  const outcome = await sweepUnrouted(deps, {
    minAgeMinutes: env.SWEEP_MIN_AGE_MINUTES,
    limit: 100,
    onError: (reference, error) => logger.error('Sweeper could not route report', { reference, error: error as Error }),
  });
  if (outcome.found > 0) logger.warn('Sweeper found unrouted reports', { found: outcome.found, routed: outcome.routed, failed: outcome.failed });
  return outcome;
}
