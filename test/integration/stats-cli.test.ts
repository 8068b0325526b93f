import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createDynamoCaseStore } from '../../functions/adapters/dynamodb-case-store.ts';
import { moveReport } from '../../functions/core/move-report.ts';
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

  it('counts the reports by where their case is now, with the labels of content/case-states.yaml', async () => {
    const reference = String((await postReport(portal.url, report)).body.reference);
    const moved = await moveReport(reference, { id: `test:${reference}:registered`, kind: 'state', state: 'registered', at: new Date().toISOString(), actor: 'desk' }, {
      store: createDynamoCaseStore(portal.stack.dynamodb, portal.stack.tableName),
      now: () => new Date(),
    });
    const script = join(REPOSITORY_ROOT, 'infra/tools/stats.ts');

    const csv = (await run(process.execPath, [script, '--csv', '--states', '--endpoint', portal.stack.dynamodbEndpoint])).stdout.trim().split('\n');
    const table = (await run(process.execPath, [script, '--endpoint', portal.stack.dynamodbEndpoint])).stdout;

    expect(moved.status).toBe('moved');
    // The reports of the test before are received; this one is registered.
    expect(csv).toEqual(['Tilstand,Status,Antall', 'received,Mottatt,3', 'registered,Registrert,1', 'escalated,Sendt til fagteam,0', 'awaitingReporter,Venter på deg,0', 'solved,Løst,0', 'closed,Lukket,0']);
    expect(table).toContain('Meldingene etter hvor saken er nå:');
    expect(table).toMatch(/Registrert +1\n/);
  });

  it('says where it looked when the table cannot be reached', async () => {
    const failure = run(process.execPath, [join(REPOSITORY_ROOT, 'infra/tools/stats.ts'), '--endpoint', 'http://127.0.0.1:9']);

    await expect(failure).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Fikk ikke lest meldingene fra http://127.0.0.1:9: kjører «npm start»?') });
  });
});
