import { describe, expect, it } from 'vitest';
import { processInOrder, type BatchOptions } from '../../functions/core/process-batch.ts';

class Poison extends Error {}

async function run(items: string[], failures: Record<string, Error>, options: BatchOptions = { onTransient: 'stop' }) {
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
    options,
  );
  return { ...outcome, handled, errors };
}

describe('processInOrder: a batch of stream records', () => {
  it('handles every record when none fails', async () => {
    expect(await run(['a', 'b', 'c'], {})).toEqual({ permanent: [], retry: [], notTried: [], handled: ['a', 'b', 'c'], errors: [] });
  });

  it('reports a poison record, never for a retry, and lets the rest of the batch proceed', async () => {
    expect(await run(['a', 'b', 'c'], { b: new Poison() })).toEqual({ permanent: ['b'], retry: [], notTried: [], handled: ['a', 'c'], errors: [['b', true]] });
  });

  it('stops at a transient failure, since the stream retries from there', async () => {
    expect(await run(['a', 'b', 'c'], { b: new Error('SES unavailable') })).toEqual({
      permanent: [],
      retry: ['b'],
      notTried: ['c'],
      handled: ['a'],
      errors: [['b', false]],
    });
  });

  it('reports earlier poison records as well as the transient failure that stopped the batch', async () => {
    expect(await run(['a', 'b', 'c', 'd'], { a: new Poison(), c: new Error('throttled') })).toEqual({
      permanent: ['a'],
      retry: ['c'],
      notTried: ['d'],
      handled: ['b'],
      errors: [
        ['a', true],
        ['c', false],
      ],
    });
  });
});

describe('processInOrder: the sweeper, one report at a time', () => {
  it('goes on past every failure, transient or permanent', async () => {
    const outcome = await run(['a', 'b', 'c', 'd'], { a: new Error('SES unavailable'), c: new Poison() }, { onTransient: 'go-on' });

    expect(outcome).toMatchObject({ permanent: ['c'], retry: ['a'], notTried: [], handled: ['b', 'd'] });
  });

  it('starts nothing more once told there is no time left', async () => {
    let budget = 2;
    const outcome = await run(['a', 'b', 'c'], {}, { onTransient: 'go-on', shouldStart: () => budget-- > 0 });

    expect(outcome).toMatchObject({ handled: ['a', 'b'], notTried: ['c'] });
  });
});
