import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

/**
 * Runs autocannon in a thread of its own, so the load generator does not share an event loop with the portal it
 * measures. Reports every response time and status code; the parent computes percentiles.
 */
export interface LoadRequest {
  url: string;
  body: string;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  latenciesMs: number[];
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  seconds: number;
}

const request = workerData as LoadRequest;
const latenciesMs: number[] = [];
const statuses: Record<string, number> = {};
const started = performance.now();
const instance = autocannon(
  {
    url: request.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: request.body,
    connections: request.connections,
    duration: request.durationSeconds,
    timeout: 10,
  },
  (error, result) => {
    if (error) throw error;
    const output: LoadResult = { latenciesMs, statuses, errors: result.errors, timeouts: result.timeouts, seconds: (performance.now() - started) / 1000 };
    parentPort?.postMessage(output);
  },
);
instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
  latenciesMs.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});
