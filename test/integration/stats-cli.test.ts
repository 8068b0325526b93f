import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createDynamoCaseStore } from '../../functions/adapters/dynamodb-case-store.ts';
import { moveReport } from '../../functions/core/move-report.ts';
import { isoWeek } from '../../functions/core/stats.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { iccsReport } from '../support/fixtures.ts';
import { postReport, storedItem, useTestPortal } from '../support/local-portal.ts';
import { realCatalog } from '../unit/builders.ts';

/** `npm run stats` against the local table. */

const run = promisify(execFile);
const portal = useTestPortal();
const report = iccsReport();
const outDir = mkdtempSync(join(tmpdir(), 'serviceportal-stats-'));

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('npm run stats', () => {
  it('prints reports per week, service and priority as CSV', async () => {
    const urgent = { ...report, urgent: 'yes', impact: { affected: 'many', workaround: 'no' } };
    const references = [];
    for (const body of [report, report, urgent]) references.push(String((await postReport(portal.url, body)).body.reference));
    // Each report's week as the API stamped it, not by the test's clock: a run across midnight on a Sunday holds.
    const rows = new Map<string, number>();
    const priorities = [];
    for (const reference of references) {
      const item = await storedItem(portal.stack, reference);
      priorities.push(item?.priority);
      const row = `${isoWeek(String(item?.receivedAt))},iccs,${String(item?.priority)}`;
      rows.set(row, (rows.get(row) ?? 0) + 1);
    }

    const { stdout } = await run(process.execPath, [join(REPOSITORY_ROOT, 'infra/tools/stats.ts'), '--csv', '--endpoint', portal.stack.dynamodbEndpoint]);

    const [header, ...counted] = stdout.trim().split('\n');
    expect(header).toBe('Uke,Tjeneste,Prioritet,Antall');
    expect(counted.sort()).toEqual([...rows].map(([row, count]) => `${row},${count}`).sort());
    expect(priorities).toEqual(['P2', 'P2', 'P1']);
  });

  it('counts the reports by where their case is now, with the labels of content/case-states.yaml', async () => {
    const reference = String((await postReport(portal.url, report)).body.reference);
    const moved = await moveReport(
      reference,
      { id: `test:${reference}:registered`, kind: 'state', state: 'registered', at: new Date().toISOString(), actor: 'desk' },
      {
        store: createDynamoCaseStore(portal.stack.dynamodb, portal.stack.tableName),
        now: () => new Date(),
      },
    );
    const script = join(REPOSITORY_ROOT, 'infra/tools/stats.ts');

    const csv = (await run(process.execPath, [script, '--csv', '--states', '--endpoint', portal.stack.dynamodbEndpoint])).stdout.trim().split('\n');
    const table = (await run(process.execPath, [script, '--endpoint', portal.stack.dynamodbEndpoint])).stdout;

    expect(moved.status).toBe('moved');
    // The reports of the test before are received; this one is registered.
    expect(csv).toEqual([
      'Tilstand,Status,Antall',
      'received,Mottatt,3',
      'registered,Registrert,1',
      'escalated,Sendt til fagteam,0',
      'awaitingReporter,Venter på deg,0',
      'solved,Løst,0',
      'closed,Lukket,0',
    ]);
    expect(table).toContain('Meldingene etter hvor saken er nå:');
    expect(table).toMatch(/Registrert +1\n/);
  });

  it('writes one self-contained HTML file with the Norwegian names, the medians and the cluster', async () => {
    const reference = String((await postReport(portal.url, report)).body.reference);
    const receivedAt = Date.parse(String((await storedItem(portal.stack, reference))?.receivedAt));
    const deps = { store: createDynamoCaseStore(portal.stack.dynamodb, portal.stack.tableName), now: () => new Date() };
    const minutesAfter = (minutes: number) => new Date(receivedAt + minutes * 60_000).toISOString();
    await moveReport(reference, { id: `test:${reference}:registered`, kind: 'state', state: 'registered', at: minutesAfter(30), actor: 'desk' }, deps);
    await moveReport(reference, { id: `test:${reference}:solved`, kind: 'state', state: 'solved', at: minutesAfter(120), actor: 'desk' }, deps);
    const file = join(outDir, 'statistikk.html');

    const { stdout } = await run(process.execPath, [
      join(REPOSITORY_ROOT, 'infra/tools/stats.ts'),
      '--html',
      '--out',
      file,
      '--endpoint',
      portal.stack.dynamodbEndpoint,
    ]);

    const html = readFileSync(file, 'utf8');
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const iccs = realCatalog().services.iccs.name;
    expect(stdout.trim()).toBe(`Skrev statistikken for 5 meldinger til ${file}`);
    expect(html).toMatch(/^<!doctype html>\n<html lang="nb">/);
    expect(html).not.toMatch(/<script|<link\b|\bsrc=|href="http/i);
    expect(text).toContain(`${iccs} 1 4 0 0 5`); // P1, P2, P3, P4, sum: the reports of the tests before, and this one
    // Five reports: two registered (at once and after 30 minutes), one of them solved after 2 hours.
    expect(text).toContain(`${iccs} 5 15 min 2 3 2 t 1 4`);
    expect(text).toContain(
      `${iccs} ${new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Oslo' }).format(receivedAt)}`,
    );
    expect(html).toContain(reference);
    expect(text).toContain('Sykehuset Innlandet');
    expect(text).toContain('AMK Innlandet');
    expect(text).not.toContain('Kari Nordmann');
    expect(text).toContain('Status Meldinger Mottatt 3 Registrert 1 Sendt til fagteam 0 Venter på deg 0 Løst 1 Lukket 0 Sum 5');
  });

  it('says where it looked when the table cannot be reached', async () => {
    const failure = run(process.execPath, [join(REPOSITORY_ROOT, 'infra/tools/stats.ts'), '--endpoint', 'http://127.0.0.1:9']);

    await expect(failure).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Fikk ikke lest meldingene fra http://127.0.0.1:9: kjører «npm start»?'),
    });
  });
});
