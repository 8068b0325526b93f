import { Agent, request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

/**
 * Runs the load in a thread of its own, so the load generator does not share an event loop with the portal it
 * measures. Reports every response time and status code; the parent computes percentiles.
 *
 * Without `offeredRate` it is a closed loop (autocannon): each connection sends its next request when the last
 * one is answered, so it measures saturation. With `offeredRate` it is an open loop: requests start at evenly
 * spaced times whatever the answers do, over at most `connections` sockets, and each latency counts from the
 * time the request was due, so waiting for a free socket is included. autocannon's own `overallRate` is not used
 * because it sends each connection's share of a second back to back at the start of the second, a burst.
 */
export interface LoadRequest {
  url: string;
  body: string;
  connections: number;
  durationSeconds: number;
  offeredRate?: number;
}

export interface LoadResult {
  latenciesMs: number[];
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  seconds: number;
}

const TIMEOUT_SECONDS = 10;
const request = workerData as LoadRequest;
const started = performance.now();
const result = request.offeredRate ? await openLoop(request, request.offeredRate) : await closedLoop(request);
parentPort?.postMessage({ ...result, seconds: (performance.now() - started) / 1000 } satisfies LoadResult);

function closedLoop(load: LoadRequest): Promise<Omit<LoadResult, 'seconds'>> {
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: load.body,
        connections: load.connections,
        duration: load.durationSeconds,
        timeout: TIMEOUT_SECONDS,
      },
      (error, summary) => (error ? reject(error) : resolve({ latenciesMs, statuses, errors: summary.errors, timeouts: summary.timeouts })),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latenciesMs.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

async function openLoop(load: LoadRequest, rate: number): Promise<Omit<LoadResult, 'seconds'>> {
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  // FIFO keeps every socket busy: one left idle past the server's keep-alive timeout can be reset as it is reused.
  const agent = new Agent({ keepAlive: true, maxSockets: load.connections, scheduling: 'fifo' });
  const first = performance.now();
  const sent: Promise<void>[] = [];
  for (let index = 0; index < Math.round(rate * load.durationSeconds); index++) {
    const due = first + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    sent.push(
      post(load, agent).then(
        (status) => {
          latenciesMs.push(performance.now() - due);
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
        (error: unknown) => {
          if (error instanceof Error && error.name === 'AbortError') timeouts += 1;
          else errors += 1;
        },
      ),
    );
  }
  await Promise.all(sent);
  agent.destroy();
  return { latenciesMs, statuses, errors, timeouts };
}

function post(load: LoadRequest, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      load.url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000) },
      (incoming) => {
        incoming.resume();
        incoming.on('end', () => resolve(incoming.statusCode ?? 0));
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(load.body);
  });
}
