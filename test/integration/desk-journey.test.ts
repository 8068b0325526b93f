import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LINK_PARAMETER } from '../../functions/core/action-links.ts';
import { STATUS_TOKEN_HEADER, statusLinkOf } from '../../functions/core/page-paths.ts';
import type { CaseEvent } from '../../functions/core/case-event-schema.ts';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '../../functions/core/webhook-signature.ts';
import { CASE_EVENTS_OUTBOX_FILE } from '../../infra/local/stack.ts';
import { iccsReport } from '../support/fixtures.ts';
import { emailsAbout, postReport, useTestPortal } from '../support/local-portal.ts';

/**
 * The Servicedesk owns every report, end to end on the local stack: the report reaches the desk's mailbox naming
 * the product team, the desk registers it from the link in that e-mail (a GET only asks; the POST acts), the
 * reporter's status page shows it, the desk's case system solves it with a signed webhook call, the reporter is
 * told, and the outbox (the desk's case system's feed) has every move once.
 */

const WEBHOOK_SIGNING_KEY = randomBytes(32).toString('base64url');
const portal = useTestPortal({ environment: { WEBHOOK_SIGNING_KEY } });

/** The «Registrer» link's address in the desk's e-mail, as a path on this portal. */
function linkIn(text: string, label: string): string {
  const match = new RegExp(`${label}:\\n\\s+(\\S+)`).exec(text);
  if (!match?.[1]) throw new Error(`Fant ikke lenken «${label}» i e-posten.`);
  const url = new URL(match[1]);
  return `${url.pathname}${url.search}`;
}

describe('the desk owns a report from its mailbox to «løst»', () => {
  it('reaches the desk naming the product team; a GET on «Registrer» changes nothing, the POST registers; a signed webhook solves it', async () => {
    // Arrange: a report filed by the reporter.
    const submitted = await postReport(portal.url, iccsReport());
    const reference = String(submitted.body.reference);
    const { token } = statusLinkOf(new URL(String(submitted.body.statusUrl), portal.url).hash);
    const status = async () =>
      (await (await fetch(`${portal.url}/api/reports/${reference}`, { headers: { [STATUS_TOKEN_HEADER]: token } })).json()) as { life: { state: string } };
    await portal.stack.streamIdle();

    // The desk's mailbox has it, naming the product team.
    const [deskEmail] = await emailsAbout(portal.stack, reference);
    expect(deskEmail?.destination.to).toEqual(['servicedesk@hdo.example']);
    expect(deskEmail?.body.text).toContain('Eskaleres til:\n  Team kontrollromsløsning');

    // A mail scanner opening the link changes nothing.
    const link = linkIn(deskEmail?.body.text ?? '', 'Registrer');
    const opened = await fetch(`${portal.url}${link}`);
    expect(opened.status).toBe(200);
    expect((await status()).life.state).toBe('received');

    // The desk confirms: the status page says «registrert».
    const confirmed = await fetch(`${portal.url}/api/reports/${reference}/handling`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ [ACTION_LINK_PARAMETER]: new URL(link, portal.url).searchParams.get(ACTION_LINK_PARAMETER) ?? '', melding: '' }).toString(),
    });
    expect(confirmed.status).toBe(200);
    expect((await status()).life.state).toBe('registered');

    // The case system solves it with a signed call.
    const body = JSON.stringify({ id: `topdesk-${randomBytes(6).toString('hex')}`, state: 'solved', message: 'Operatørplass 3 er byttet.' });
    const solved = await fetch(`${portal.url}/api/reports/${reference}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signWebhook(WEBHOOK_SIGNING_KEY, body, new Date()) },
      body,
    });
    expect(solved.status).toBe(200);
    expect((await status()).life.state).toBe('solved');

    // The reporter hears that it is solved, and the outbox has every move, once each.
    await portal.stack.streamIdle();
    const toReporter = (await emailsAbout(portal.stack, reference)).filter((email) => email.destination.to[0] === iccsReport().contact.email);
    expect(toReporter.map((email) => email.subject)).toEqual([expect.stringMatching(/^Mottatt: /), expect.stringContaining('Løst')]);
    expect(toReporter[1]?.body.text).toContain('Operatørplass 3 er byttet.');
    const events = readFileSync(join(portal.dataDir, CASE_EVENTS_OUTBOX_FILE), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as CaseEvent)
      .filter((event) => event.reference === reference);
    expect(events.map((event) => [event.type, event.state, event.actor])).toEqual([
      ['report.received', 'received', 'portal'],
      ['report.state-changed', 'registered', 'desk'],
      ['report.state-changed', 'solved', 'caseSystem'],
    ]);
  });
});
