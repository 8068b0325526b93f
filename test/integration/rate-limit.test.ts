import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSubmission } from '../../functions/core/report-submission.ts';
import { jsonFixture } from '../support/fixtures.ts';
import { postReport, startTestPortal, storedReports, temporaryDataDir, type TestPortal } from '../support/local-portal.ts';

const dataDir = temporaryDataDir();
let portal: TestPortal;
const report = jsonFixture<ReportSubmission>('requests/iccs-report.json');

beforeAll(async () => {
  portal = await startTestPortal(dataDir.path, { environment: { RATE_LIMIT_PER_MINUTE: '3' } });
});

afterAll(async () => {
  await portal?.stop();
  dataDir.remove();
});

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
