import { describe, expect, it } from 'vitest';
import { processInOrder } from '../../functions/core/process-batch.ts';

class Poison extends Error {}

async function run(items: string[], failures: Record<string, Error>) {
  const handled: string[] = [];
  const errors: [string, boolean][] = [];
  const outcome = await processInOrder(
    items,
    async (item) => {
      if (failures[item]) throw failures[item];
      handled.push(item);
    },
    (error) => error instanceof Poison,
    (item, _error, permanent) => errors.push([item, permanent]),
  );
  return { ...outcome, handled, errors };
}

describe('processInOrder: a batch of stream records', () => {
  it('handles every record when none fails', async () => {
    expect(await run(['a', 'b', 'c'], {})).toEqual({ failed: [], handled: ['a', 'b', 'c'], errors: [] });
  });

  it('reports a poison record and lets the rest of the batch proceed', async () => {
    expect(await run(['a', 'b', 'c'], { b: new Poison() })).toEqual({ failed: ['b'], handled: ['a', 'c'], errors: [['b', true]] });
  });

  it('stops at a transient failure, since the stream retries from there', async () => {
    expect(await run(['a', 'b', 'c'], { b: new Error('SES unavailable') })).toEqual({ failed: ['b'], handled: ['a'], errors: [['b', false]] });
  });

  it('reports earlier poison records as well as the transient failure that stopped the batch', async () => {
    expect(await run(['a', 'b', 'c', 'd'], { a: new Poison(), c: new Error('throttled') })).toEqual({
      failed: ['a', 'c'],
      handled: ['b'],
      errors: [
        ['a', true],
        ['c', false],
      ],
    });
  });
});
