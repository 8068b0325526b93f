import { describe, expect, it } from 'vitest';
import { retryWithin } from '../../functions/adapters/retry-within.ts';

function failing(times: number, error: Error = new Error('ECONNREFUSED')) {
  let calls = 0;
  return {
    action: async () => {
      calls += 1;
      if (calls <= times) throw error;
      return `ok after ${calls}`;
    },
    calls: () => calls,
  };
}

function recordingSleep() {
  const pauses: number[] = [];
  return { pauses, sleep: async (ms: number) => void pauses.push(ms) };
}

describe('retryWithin', () => {
  it('retries with doubling pauses, capped, until the action succeeds', async () => {
    const { action } = failing(5);
    const { pauses, sleep } = recordingSleep();

    const result = await retryWithin(10_000, action, { sleep, firstDelayMs: 200, maxDelayMs: 1000 });

    expect(result).toBe('ok after 6');
    expect(pauses).toEqual([200, 400, 800, 1000, 1000]);
  });

  it('gives up with the last error when the next pause would go beyond the budget', async () => {
    const { action, calls } = failing(100);
    const { pauses, sleep } = recordingSleep();

    await expect(retryWithin(1500, action, { sleep, firstDelayMs: 200, maxDelayMs: 2000 })).rejects.toThrow('ECONNREFUSED');
    expect(pauses).toEqual([200, 400, 800]);
    expect(calls()).toBe(4);
  });

  it('throws at once an error another attempt cannot fix', async () => {
    const { action, calls } = failing(1, new Error('The conditional request failed'));
    const { pauses, sleep } = recordingSleep();

    await expect(retryWithin(10_000, action, { sleep, retryable: (error) => !String(error).includes('conditional') })).rejects.toThrow('conditional');
    expect([calls(), pauses.length]).toEqual([1, 0]);
  });
});
