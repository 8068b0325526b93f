import { describe, expect, it } from 'vitest';
import { tokenBucket } from '../../infra/local/api-gateway.ts';

describe('tokenBucket: API Gateway stage throttling, emulated locally', () => {
  it('lets a burst through, then refuses until tokens are refilled at the rate', () => {
    let now = 0;
    const bucket = tokenBucket({ rateLimit: 2, burstLimit: 3 }, () => now);

    const burst = [bucket.take(), bucket.take(), bucket.take(), bucket.take()];
    now = 500;
    const afterHalfASecond = [bucket.take(), bucket.take()];

    expect(burst).toEqual([true, true, true, false]);
    expect(afterHalfASecond).toEqual([true, false]);
  });

  it('never holds more than the burst limit, however long it was idle', () => {
    let now = 0;
    const bucket = tokenBucket({ rateLimit: 100, burstLimit: 2 }, () => now);
    now = 60_000;

    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });
});
