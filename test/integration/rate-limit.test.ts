import { describe, expect, it } from 'vitest';
import { iccsReport } from '../support/fixtures.ts';
import { postReport, storedReports, useTestPortal } from '../support/local-portal.ts';

const portal = useTestPortal({ environment: { RATE_LIMIT_PER_MINUTE: '3' } });
const report = iccsReport();

describe('rate limit per client', () => {
  it('answers 429 with Retry-After once a client has sent its reports for the minute, and stores nothing more', async () => {
    const responses = [];
    for (let attempt = 0; attempt < 5; attempt++) responses.push(await postReport(portal.url, report));

    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 429, 429]);
    expect(responses[3]?.headers.get('retry-after')).toBe('60');
    expect(responses[3]?.body).toEqual({ errors: [{ path: '', message: 'For mange meldinger på kort tid fra samme sted. Vent et minutt og prøv igjen. Haster det, ring 08915.' }] });
    expect(await storedReports(portal.stack)).toHaveLength(3);
  });
});

describe('API Gateway stage throttling, as the local API applies it', () => {
  const throttled = useTestPortal({ apiThrottling: { rateLimit: 1, burstLimit: 2 } });

  it('answers 429 like API Gateway, without calling the handler, once the burst is spent', async () => {
    const before = (await storedReports(throttled.stack)).length;

    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt++) statuses.push((await postReport(throttled.url, report)).status);

    expect(statuses).toEqual([201, 201, 429]);
    expect(await storedReports(throttled.stack)).toHaveLength(before + 2);
  });
});
