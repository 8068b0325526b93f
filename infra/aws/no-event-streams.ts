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

/**
 * The S3 client resolves its event-stream configuration when it is constructed (for SelectObjectContent, which the
 * announcer never calls): the marshaller it would build is left out, and throws only if an operation uses it.
 */
export function resolveEventStreamSerdeConfig<T extends object>(input: T): T & { eventStreamMarshaller: unknown } {
  const marshaller = new Proxy({}, { get: () => unavailable() });
  return Object.assign(input, { eventStreamMarshaller: marshaller });
}
