import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isoWeek } from '../../functions/core/stats.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { iccsReport } from '../support/fixtures.ts';
import { postReport, useTestPortal } from '../support/local-portal.ts';

/** `npm run stats` against the local table. */

const run = promisify(execFile);
const portal = useTestPortal();
const report = iccsReport();

describe('npm run stats', () => {
  it('prints reports per week, service and priority as CSV', async () => {
    await postReport(portal.url, report);
    await postReport(portal.url, report);
    await postReport(portal.url, { ...report, urgent: 'yes', impact: { affected: 'many', workaround: 'no' } });
    const week = isoWeek(new Date().toISOString());

    const { stdout } = await run(process.execPath, [join(REPOSITORY_ROOT, 'infra/tools/stats.ts'), '--csv', '--endpoint', portal.stack.dynamodbEndpoint]);

    expect(stdout.trim().split('\n')).toEqual(['Uke,Tjeneste,Prioritet,Antall', `${week},iccs,P1,1`, `${week},iccs,P2,2`]);
  });

  it('says where it looked when the table cannot be reached', async () => {
    const failure = run(process.execPath, [join(REPOSITORY_ROOT, 'infra/tools/stats.ts'), '--endpoint', 'http://127.0.0.1:9']);

    await expect(failure).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Fikk ikke lest meldingene fra http://127.0.0.1:9: kjører «npm start»?') });
  });
});
