export interface BatchOutcome<T> {
  /** Failed for good: reported, and never to be retried. */
  permanent: T[];
  /** Failed in a way that may pass: to be retried (the stream retries from the first of these). */
  retry: T[];
  /** Not started: the batch stopped first (at a failure, or when `shouldStart` said no). */
  notTried: T[];
}

export interface BatchOptions {
  /**
   * `stop`: the first failure that may pass ends the batch there (a stream: it retries from that record, and
   * the records after it would most likely fail the same way). `go-on`: every item gets its turn (the sweeper:
   * one report's failure says nothing about the next).
   */
  onTransient: 'stop' | 'go-on';
  /** Asked before each item; false ends the batch (too little time left to start another). */
  shouldStart?: () => boolean;
}

/** Handles items in order; what became of each that did not succeed is in the outcome. */
export async function processInOrder<T>(
  items: readonly T[],
  handle: (item: T) => Promise<void>,
  isPermanent: (error: unknown) => boolean,
  onError: (item: T, error: unknown, permanent: boolean) => void,
  options: BatchOptions,
): Promise<BatchOutcome<T>> {
  const outcome: BatchOutcome<T> = { permanent: [], retry: [], notTried: [] };
  for (const [index, item] of items.entries()) {
    if (options.shouldStart && !options.shouldStart()) {
      outcome.notTried.push(...items.slice(index));
      break;
    }
    try {
      await handle(item);
    } catch (error) {
      const permanent = isPermanent(error);
      onError(item, error, permanent);
      (permanent ? outcome.permanent : outcome.retry).push(item);
      if (!permanent && options.onTransient === 'stop') {
        outcome.notTried.push(...items.slice(index + 1));
        break;
      }
    }
  }
  return outcome;
}
