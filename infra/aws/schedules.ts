import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { SCHEDULES, type HandlerName } from '../wiring.ts';

/** An EventBridge rule for every entry of SCHEDULES in infra/wiring.ts (the local runtime uses a timer). */
export function scheduleHandlers(scope: Construct, functions: Record<HandlerName, IFunction>): Rule[] {
  return SCHEDULES.map(
    (schedule) =>
      new Rule(scope, `${schedule.handler}Schedule`, {
        description: `Kjører ${schedule.handler} hvert ${String(schedule.everyMinutes)}. minutt`,
        schedule: Schedule.rate(Duration.minutes(schedule.everyMinutes)),
        // A missed run is made up by the next one; retrying would only overlap with it.
        targets: [new LambdaFunction(functions[schedule.handler], { retryAttempts: 0 })],
      }),
  );
}
