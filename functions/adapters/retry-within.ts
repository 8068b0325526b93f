export interface RetryOptions {
  /** Errors for which another attempt cannot help (a failed condition, say) are thrown at once. */
  retryable?: (error: unknown) => boolean;
  firstDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `action` until it succeeds, pausing between attempts (doubling from `firstDelayMs` up to `maxDelayMs`) as long
 * as the pauses add up to no more than `budgetMs`; then throws the last error.
 */
export async function retryWithin<T>(budgetMs: number, action: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { retryable = () => true, firstDelayMs = 200, maxDelayMs = 2000, sleep = pause } = options;
  let waited = 0;
  let delay = firstDelayMs;
  for (;;) {
    try {
      return await action();
    } catch (error) {
      if (!retryable(error) || waited + delay > budgetMs) throw error;
      await sleep(delay);
      waited += delay;
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}
