import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { REPOSITORY_ROOT } from '../infra/repository.ts';
import type { LoadRequest, LoadResult } from './load-worker.ts';

export interface ApiLoadRun {
  connections: number;
  durationSeconds: number;
  /** Requests per second started whatever the answers do (open loop); absent: closed loop, which saturates. */
  offeredRate?: number;
}

/**
 * What `npm run bench` measures: 1 connection (latency without queueing), 10 connections closed loop (the
 * saturation throughput; latency there is connections ÷ throughput, so it says little about latency), and 10
 * connections at a fixed rate below saturation (the latency the target is about).
 */
export const API_LOAD_RUNS: readonly ApiLoadRun[] = [
  { connections: 1, durationSeconds: 5 },
  { connections: 10, durationSeconds: 10 },
  { connections: 10, durationSeconds: 10, offeredRate: 30 },
];

export interface ApiLoadFigures {
  connections: number;
  seconds: number;
  /** Requests per second offered in an open-loop run; undefined for a closed loop. */
  offeredRate?: number;
  requests: number;
  /** Answers per second, all statuses. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  /** Connection errors and timeouts, plus answers other than 201. */
  errors: number;
  created: number;
}

/**
 * Each run first sends the same load for this long, unmeasured: a fresh portal's first requests pay for JIT
 * compilation, new sockets and an empty database cache, which a Lambda's cold start is measured for separately
 * (module init). Its reports are stored all the same, so they are counted with the stored ones.
 */
export const WARMUP_SECONDS = 2;

/** A valid ICCS fault report, the one the browser tests submit. */
export function validSubmission(): string {
  return readFileSync(join(REPOSITORY_ROOT, 'test', 'fixtures', 'requests', 'iccs-report.json'), 'utf8');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** POSTs valid reports to `${baseUrl}/api/reports` from a worker thread for a bounded time. */
export function loadApi(baseUrl: string, options: ApiLoadRun): Promise<ApiLoadFigures> {
  const request: LoadRequest = { url: `${baseUrl}/api/reports`, body: validSubmission(), ...options };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: request });
    worker.once('error', reject);
    worker.once('message', (result: LoadResult) => {
      void worker.terminate();
      const sorted = [...result.latenciesMs].sort((a, b) => a - b);
      const created = result.statuses['201'] ?? 0;
      resolve({
        connections: options.connections,
        seconds: result.seconds,
        ...(options.offeredRate ? { offeredRate: options.offeredRate } : {}),
        requests: sorted.length,
        throughput: sorted.length / options.durationSeconds,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: sorted.at(-1) ?? 0,
        statuses: result.statuses,
        errors: result.errors + result.timeouts + (sorted.length - created),
        created,
      });
    });
  });
}
