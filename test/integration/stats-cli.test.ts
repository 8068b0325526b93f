import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSubmission } from '../../functions/core/report-submission.ts';
import { isoWeek } from '../../functions/core/stats.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { jsonFixture } from '../support/fixtures.ts';
import { postReport, startTestPortal, temporaryDataDir, type TestPortal } from '../support/local-portal.ts';

/** `npm run stats` against the local table. */

const run = promisify(execFile);
const dataDir = temporaryDataDir();
let portal: TestPortal;
const report = jsonFixture<ReportSubmission>('requests/iccs-report.json');

beforeAll(async () => {
  portal = await startTestPortal(dataDir.path);
});

afterAll(async () => {
  await portal?.stop();
  dataDir.remove();
});

describe('npm run stats', () => {
  it('prints reports per week, service and priority as CSV', async () => {
    await postReport(portal.url, report);
    await postReport(portal.url, report);
    await postReport(portal.url, { ...report, impact: { affected: 'many', workaround: 'no', emergencyResponse: 'yes' } });
    const week = isoWeek(new Date().toISOString());

    const { stdout } = await run(process.execPath, [join(REPOSITORY_ROOT, 'infra/tools/stats.ts'), '--csv', '--endpoint', portal.stack.dynamodbEndpoint]);

    expect(stdout.trim().split('\n')).toEqual(['Uke,Tjeneste,Prioritet,Antall', `${week},iccs,P1,1`, `${week},iccs,P3,2`]);
  });

  it('says where it looked when the table cannot be reached', async () => {
    const failure = run(process.execPath, [join(REPOSITORY_ROOT, 'infra/tools/stats.ts'), '--endpoint', 'http://127.0.0.1:9']);

    await expect(failure).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Fikk ikke lest meldingene fra http://127.0.0.1:9: kjører «npm start»?') });
  });
});
