import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CASE_EVENT_DETAIL_TYPE, CASE_EVENT_SOURCE } from '../core/case-event-schema.ts';
import type { CaseEventPublisher } from '../core/ports.ts';
import { isPermanentRoutingError } from '../core/routing-failure.ts';

/**
 * Where case events go in AWS: the portal's EventBridge bus (infra/aws/case-events.ts), `source` serviceportal,
 * `detail-type` «Serviceportal case event», `detail` the versioned payload itself (core/case-event-schema.ts). Rules on
 * the bus send them on: to the desk's webhook through an API destination when cdk.json configures one.
 */

/** A refusal that will recur (an entry the bus will never take): settled, logged and counted, not retried. */
export const CASE_EVENT_REJECTED = 'CaseEventRejected';

/** Entry errors that may pass: EventBridge's own trouble and throttling. Any other entry error is the entry's. */
const TRANSIENT_ENTRY_ERRORS: ReadonlySet<string> = new Set(['InternalFailure', 'InternalException', 'ThrottlingException', 'ServiceUnavailable']);

export function createEventBridgePublisher(client: EventBridgeClient, busName: string): CaseEventPublisher {
  return {
    async publish(event) {
      const result = await client.send(
        new PutEventsCommand({
          Entries: [
            { EventBusName: busName, Source: CASE_EVENT_SOURCE, DetailType: CASE_EVENT_DETAIL_TYPE, Detail: JSON.stringify(event), Time: new Date(event.at) },
          ],
        }),
      );
      const [entry] = result.Entries ?? [];
      if (!result.FailedEntryCount && !entry?.ErrorCode) return;
      const code = entry?.ErrorCode ?? 'Unknown';
      const error = new Error(`EventBridge tok ikke imot hendelsen ${event.id}: ${code} ${entry?.ErrorMessage ?? ''}`.trim());
      error.name = TRANSIENT_ENTRY_ERRORS.has(code) ? 'CaseEventNotAccepted' : CASE_EVENT_REJECTED;
      throw error;
    },
  };
}

/** Failures of publishing that will come back: routing's (core/routing-failure.ts), and a refused event. */
export function isPermanentCaseEventError(error: unknown): boolean {
  return isPermanentRoutingError(error) || (error instanceof Error && (error.name === CASE_EVENT_REJECTED || error.name === 'ValidationException'));
}
