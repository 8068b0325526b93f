import { createHash } from 'node:crypto';
import { validSubmission } from './api-load.ts';

/** One POST /api/reports and what came back; `reference` only on 201. */
export interface Answer {
  status: number;
  reference?: string;
  summary: string;
  key?: string;
  ms: number;
}

const base = JSON.parse(validSubmission()) as Record<string, unknown> & { contact: Record<string, unknown> };

/**
 * The fixture report with its own summary, so every stored item says which drill step sent it, and a reporter
 * address of its own (the same for the same summary, so a retry is the same request): the portal caps receipts per
 * address per day, and a drill is about delivery, not about one reporter filing hundreds of reports.
 */
export function report(
  summary: string,
  extra: Record<string, unknown> = {},
  template: Record<string, unknown> & { contact: Record<string, unknown> } = base,
): string {
  return JSON.stringify({ ...template, summary, contact: { ...template.contact, email: reporterAddress(summary) }, ...extra });
}

/** Letters only: digits in an address could look like a national identity number, which the API refuses. */
export function reporterAddress(summary: string): string {
  const letters = [...createHash('sha256').update(summary).digest().subarray(0, 10)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');
  return `ovelse.${letters}@example.no`;
}

export async function submit(url: string, body: string, summary: string, key?: string): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    const payload = (await response.json().catch(() => ({}))) as { reference?: string };
    return {
      status: response.status,
      summary,
      ms: performance.now() - started,
      ...(key ? { key } : {}),
      ...(response.status === 201 && payload.reference ? { reference: payload.reference } : {}),
    };
  } catch {
    // No answer at all (connection reset or timeout): the client cannot know, and would retry.
    return { status: 0, summary, ms: performance.now() - started, ...(key ? { key } : {}) };
  }
}

/** Runs `tasks` with at most `concurrency` at a time, in order of start. */
export async function pool<T>(concurrency: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}

/**
 * `connections` loops posting reports one after the other for `durationMs`, each with its own Idempotency-Key. A
 * careful client retries an error or a missing answer with the same key (500 ms apart, at most `retries` times).
 */
export async function steadyTraffic(
  url: string,
  options: { connections: number; durationMs: number; tag: string; keyPrefix: string; retries: number },
): Promise<Answer[]> {
  const answers: Answer[] = [];
  const end = Date.now() + options.durationMs;
  let sequence = 0;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (Date.now() < end) {
        const index = sequence++;
        const summary = `${options.tag} ${index}`;
        const key = `${options.keyPrefix}-${index}`;
        for (let attempt = 0; attempt <= options.retries; attempt++) {
          const answer = await submit(url, report(summary), summary, key);
          answers.push(answer);
          if (answer.status !== 0 && answer.status !== 409 && answer.status < 500) break;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    }),
  );
  return answers;
}

/** The keys `steadyTraffic` used. */
export const keysOf = (answers: readonly Answer[]) => [...new Set(answers.flatMap((answer) => (answer.key ? [answer.key] : [])))];

export function statusCounts(answers: readonly Answer[]): string {
  const counts = new Map<number, number>();
  for (const answer of answers) counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status === 0 ? 'intet svar' : status}: ${count}`)
    .join(', ');
}
