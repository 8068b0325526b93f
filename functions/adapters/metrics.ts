import { METRICS_NAMESPACE, type MetricName } from './metric-names.ts';

export type MetricUnit = 'Count' | 'Seconds';

/**
 * One metric as a CloudWatch embedded metric format (EMF) document: a JSON line in the function's log that
 * CloudWatch Logs turns into a metric in `METRICS_NAMESPACE`. No dimensions (`[[]]`): the alarms in infra/aws
 * watch the metric by namespace and name alone. `properties` (a reference, say) are searchable in the log only.
 */
export function emfDocument(name: MetricName, value: number, unit: MetricUnit, at: Date, properties: Record<string, string | number> = {}): string {
  return JSON.stringify({
    ...properties,
    _aws: { Timestamp: at.getTime(), CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [[]], Metrics: [{ Name: name, Unit: unit }] }] },
    [name]: value,
  });
}

export type MetricWriter = (line: string) => void;

/**
 * Straight to stdout, as Powertools' own loggers write (the Lambda runtime's console would put a prefix before
 * the JSON, and CloudWatch would not read it as EMF). With POWERTOOLS_DEV set (tests) to the global console, so
 * the test runner captures it like the logs.
 */
export const stdoutWriter: MetricWriter = (line) => {
  if (process.env.POWERTOOLS_DEV) console.log(line);
  else process.stdout.write(`${line}\n`);
};

export interface Metrics {
  emit(name: MetricName, value: number, unit: MetricUnit, properties?: Record<string, string | number>): void;
}

export function createMetrics(write: MetricWriter = stdoutWriter, now: () => Date = () => new Date()): Metrics {
  return {
    emit(name, value, unit, properties = {}) {
      write(emfDocument(name, value, unit, now(), properties));
    },
  };
}
