import type { UpstreamResponse } from './dynalite-http.ts';
import type { Image, StreamEventName } from './stream-records.ts';

export type WriteOperation = 'PutItem' | 'UpdateItem' | 'DeleteItem';

/** The event source mapping's filter criteria: records it would drop need not be built at all. */
export interface StreamFilter {
  eventNames?: readonly StreamEventName[];
  keyPrefix?: { attribute: string; prefix: string };
}

export interface CapturedWrite {
  upstream: UpstreamResponse;
  /** Set when the answer had to be rewritten because the proxy asked dynalite for more than the client did. */
  rewrittenBody?: Buffer;
  change?: { eventName: StreamEventName; newImage?: Image };
}

export function itemKey(keyNames: readonly string[], operation: WriteOperation, payload: Record<string, unknown>): Image | undefined {
  const source = (operation === 'PutItem' ? payload.Item : payload.Key) as Image | undefined;
  if (keyNames.length === 0 || !source || keyNames.some((name) => !source[name])) return undefined;
  return Object.fromEntries(keyNames.map((name) => [name, source[name]!]));
}

export function keyPassesFilter(filter: StreamFilter | undefined, key: Image): boolean {
  if (!filter?.keyPrefix) return true;
  const value = key[filter.keyPrefix.attribute];
  return value !== undefined && 'S' in value && typeof value.S === 'string' && value.S.startsWith(filter.keyPrefix.prefix);
}

/**
 * Performs one write and works out the stream record it causes, with as few extra reads as possible: dynalite
 * returns the old item (ReturnValues ALL_OLD) in the same call whenever the client's own ReturnValues allows
 * rewriting the answer, a PutItem's new image is its Item, and the new image after an UpdateItem is read only
 * when the filter wants the record. The caller must not run two writes to the same item at once.
 */
export async function captureWrite(options: {
  operation: WriteOperation;
  payload: Record<string, unknown>;
  filter: StreamFilter | undefined;
  send(body: Buffer): Promise<UpstreamResponse>;
  readItem(): Promise<Image | undefined>;
}): Promise<CapturedWrite> {
  const { operation, payload } = options;
  const asked = typeof payload.ReturnValues === 'string' ? payload.ReturnValues : 'NONE';
  const oldFromAnswer = asked === 'NONE' || asked === 'ALL_OLD';
  const oldRead = oldFromAnswer ? undefined : await options.readItem();
  const body = Buffer.from(JSON.stringify(oldFromAnswer ? { ...payload, ReturnValues: 'ALL_OLD' } : payload));
  const upstream = await options.send(body);
  if (upstream.status !== 200) return { upstream };

  const answer = JSON.parse(upstream.body.toString('utf8')) as { Attributes?: Image };
  const oldImage = oldFromAnswer ? answer.Attributes : oldRead;
  let rewrittenBody: Buffer | undefined;
  if (oldFromAnswer && asked !== 'ALL_OLD' && answer.Attributes) {
    delete answer.Attributes;
    rewrittenBody = Buffer.from(JSON.stringify(answer));
  }

  const eventName: StreamEventName | undefined = operation === 'DeleteItem' ? (oldImage ? 'REMOVE' : undefined) : oldImage ? 'MODIFY' : 'INSERT';
  if (!eventName || (options.filter?.eventNames && !options.filter.eventNames.includes(eventName))) return { upstream, rewrittenBody };
  if (operation === 'DeleteItem') return { upstream, rewrittenBody, change: { eventName } };
  if (operation === 'PutItem') return { upstream, rewrittenBody, change: { eventName, newImage: payload.Item as Image } };
  if (asked === 'ALL_NEW') return { upstream, rewrittenBody, change: { eventName, ...(answer.Attributes ? { newImage: answer.Attributes } : {}) } };
  try {
    const newImage = await options.readItem();
    return { upstream, rewrittenBody, change: { eventName, ...(newImage ? { newImage } : {}) } };
  } catch (error) {
    // The write happened, so the stream has the record; without its image rather than not at all.
    console.error('DynamoDB-proxyen fikk ikke lest elementet etter skrivingen:', error);
    return { upstream, rewrittenBody, change: { eventName } };
  }
}
