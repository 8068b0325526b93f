import { describe, expect, it } from 'vitest';
import { iccsReport } from '../support/fixtures.ts';
import { postReport, storedReports, useTestPortal } from '../support/local-portal.ts';

/** The handlers' clock stands still mid-minute, so every request falls in one window of the limiter whenever the test runs. */
const IN_ONE_MINUTE = { RATE_LIMIT_PER_MINUTE: '3', CLOCK_FIXED_AT: '2026-11-30T10:00:30Z' };
const portal = useTestPortal({ environment: IN_ONE_MINUTE });
const report = iccsReport();

describe('rate limit per client', () => {
  it('answers 429 with Retry-After once a client has sent its reports for the minute, and stores nothing more', async () => {
    const responses = [];
    for (let attempt = 0; attempt < 5; attempt++) responses.push(await postReport(portal.url, report));

    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 429, 429]);
    expect(responses[3]?.headers.get('retry-after')).toBe('60');
    expect(responses[3]?.body).toEqual({
      errors: [{ path: '', message: 'For mange meldinger på kort tid fra samme sted. Vent et minutt og prøv igjen. Haster det, ring 08915.' }],
    });
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

describe('the client address the limit counts by comes from the edge, never from the client', () => {
  const edge = useTestPortal({ environment: IN_ONE_MINUTE });

  it('counts 20 reports with rotated CloudFront-Viewer-Address and X-Forwarded-For headers as one client', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const forged = `198.51.100.${attempt + 1}`;
      statuses.push((await postReport(edge.url, report, { 'cloudfront-viewer-address': `${forged}:4431`, 'x-forwarded-for': forged })).status);
    }

    expect(statuses).toEqual([201, 201, 201, ...Array<number>(17).fill(429)]);
  });
});
