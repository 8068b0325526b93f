export interface BatchOutcome<T> {
  failed: T[];
}

/**
 * Handles stream records in order. A record that can never succeed (`isPermanent`) is reported and the rest go
 * on; any other failure stops the batch there, since the stream retries from the first failed record anyway and
 * the records after it would most likely fail the same way (SES or DynamoDB unavailable).
 */
export async function processInOrder<T>(
  items: readonly T[],
  handle: (item: T) => Promise<void>,
  isPermanent: (error: unknown) => boolean,
  onError: (item: T, error: unknown, permanent: boolean) => void,
): Promise<BatchOutcome<T>> {
  const failed: T[] = [];
  for (const item of items) {
    try {
      await handle(item);
    } catch (error) {
      const permanent = isPermanent(error);
      onError(item, error, permanent);
      failed.push(item);
      if (!permanent) break;
    }
  }
  return { failed };
}
