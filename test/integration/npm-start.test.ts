import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { jsonFixture } from '../support/fixtures.ts';
import { temporaryDataDir } from '../support/local-portal.ts';

/** The program behind `npm start` (after its build step), run as a newcomer runs it, on free ports. */

const dataDir = temporaryDataDir();
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  dataDir.remove();
});

function startPortal(): { process: ChildProcess; output: () => string; ready: Promise<string> } {
  const started = spawn(process.execPath, [join(REPOSITORY_ROOT, 'infra/local/start.ts')], {
    env: { ...process.env, PORT: '0', DYNAMODB_PORT: '0', SES_PORT: '0', DATA_DIR: dataDir.path },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Stopp med Ctrl+C.')) resolve(output);
    };
    started.stdout?.on('data', onData);
    started.stderr?.on('data', onData);
    started.once('exit', (code) => reject(new Error(`npm start stoppet med kode ${code}:\n${output}`)));
  });
  return { process: started, output: () => output, ready };
}

function urlAfter(output: string, label: string): string {
  const match = new RegExp(`${label}\\s+(http://\\S+)`).exec(output);
  if (!match?.[1]) throw new Error(`Fant ikke URL for «${label}» i:\n${output}`);
  return match[1];
}

describe('npm start', () => {
  it('prints the URLs of site, mailbox and table, serves site and API on one origin, and stops cleanly on Ctrl+C', async () => {
    const portal = startPortal();
    child = portal.process;
    const output = await portal.ready;
    const site = urlAfter(output, 'Nettsiden og API-et:');
    const mailbox = urlAfter(output, 'Postkasse \\(SES\\):');
    expect(urlAfter(output, 'DynamoDB \\(dynalite\\):')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const page = await fetch(site);
    const submitted = await fetch(`${site}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(jsonFixture('requests/iccs-report.json')),
    });
    const mailboxPage = await fetch(mailbox);
    const exited = new Promise<number | null>((resolve) => portal.process.once('exit', resolve));
    portal.process.kill('SIGINT');

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="nb">');
    expect(submitted.status).toBe(201);
    expect(mailboxPage.status).toBe(200);
    expect(await exited).toBe(0);
    expect(portal.output()).toContain('Stoppet.');
  });
});
