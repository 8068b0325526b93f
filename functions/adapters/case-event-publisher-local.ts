import { appendFile } from 'node:fs/promises';
import type { CaseEventPublisher } from '../core/ports.ts';
import { CASE_EVENT_REJECTED } from './case-event-publisher.ts';

/**
 * Where case events go on this machine (infra/local): appended, one JSON line each, to the outbox in the data
 * folder (`.data/case-events.jsonl`), and POSTed to the desk's webhook if CASE_EVENTS_WEBHOOK_URL is set, the way
 * the API destination does in AWS. The webhook comes first: an outbox line is written only for an event the
 * webhook took (or when there is none), so a retried event is in the outbox once unless the file write failed.
 */

/** The webhook gets this long to answer; past it the event is retried. */
export const WEBHOOK_TIMEOUT_MS = 3000;
/** Header that names the payload's version, so a receiver can route on it without parsing the body. */
export const CASE_EVENT_SCHEMA_HEADER = 'x-serviceportal-schema';

export function createLocalCaseEventPublisher(options: { outboxFile: string; webhookUrl?: string | undefined; fetch?: typeof fetch }): CaseEventPublisher {
  const send = options.fetch ?? fetch;
  return {
    async publish(event) {
      const line = JSON.stringify(event);
      if (options.webhookUrl) {
        const response = await send(options.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [CASE_EVENT_SCHEMA_HEADER]: event.schema },
          body: line,
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        });
        await response.body?.cancel();
        if (!response.ok) {
          const error = new Error(`Webhooken svarte ${response.status} på hendelsen ${event.id}`);
          // 4xx but timeouts and throttling: the receiver will refuse it again. 5xx and the rest may pass.
          error.name =
            response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429
              ? CASE_EVENT_REJECTED
              : 'CaseEventNotAccepted';
          throw error;
        }
      }
      await appendFile(options.outboxFile, `${line}\n`);
    },
  };
}
