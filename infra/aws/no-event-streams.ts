/**
 * Stands in for `@smithy/core/event-streams` in the Lambda bundles only (an esbuild alias in portal-function.ts).
 * The SDK's protocols import it, lazily, for operations that stream events; no DynamoDB or SES operation does, yet
 * a single-file bundle inlines the lazy import: about 14 kB of every bundle. Should a function ever call an
 * operation with an event stream, this throws on that call, and the alias must go.
 */
function unavailable(): never {
  throw new Error('Event streams are left out of this Lambda bundle (infra/aws/no-event-streams.ts).');
}

export const eventStreamSerdeProvider = unavailable;

export class EventStreamSerde {
  constructor() {
    unavailable();
  }
}
