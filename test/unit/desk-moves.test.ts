import { describe, expect, it } from 'vitest';
import { actionLinkToken, type ActionLink, type UsedLinks } from '../../functions/core/action-links.ts';
import { linkEventId, receiveCaseSystemEvent, useActionLink } from '../../functions/core/desk-moves.ts';
import type { CaseState } from '../../functions/core/report-life.ts';
import { signWebhook } from '../../functions/core/webhook-signature.ts';
import { storedReport } from './builders.ts';
import { clockAt, InMemoryReportStore } from './fakes.ts';

const REFERENCE = 'HDO-2026-000001';
/** Inside the builders' report's retention (received 2026-03-05 12:00, kept 90 days). */
const NOW = '2026-03-05T13:00:00.000Z';
const LINK_KEY = 'l'.repeat(32);
const WEBHOOK_KEY = 'w'.repeat(32);
const LINK: ActionLink = { reference: REFERENCE, action: 'registered', expiresAt: new Date('2026-03-19T13:00:00Z'), nonce: 'nonce-0000000000000001' };

/** Used links as the adapter keeps them: the first consume of a nonce wins. */
class InMemoryUsedLinks implements UsedLinks {
  readonly used = new Map<string, Date>();
  async consume(nonce: string, expiresAt: Date): Promise<boolean> {
    if (this.used.has(nonce)) return false;
    this.used.set(nonce, expiresAt);
    return true;
  }
}

function arrange(state: CaseState = 'received') {
  const store = new InMemoryReportStore();
  const report = storedReport();
  store.reports.set(REFERENCE, { ...report, life: { ...report.life, state } });
  const usedLinks = new InMemoryUsedLinks();
  const move = { store, now: clockAt(NOW) };
  return {
    store,
    usedLinks,
    linkDeps: { key: LINK_KEY, usedLinks, move, now: clockAt(NOW) },
    caseDeps: { key: WEBHOOK_KEY, teams: new Set(['kontrollrom']), move, now: clockAt(NOW) },
    life: () => store.reports.get(REFERENCE)?.life,
  };
}

describe('useActionLink: the confirmation page’s POST', () => {
  it('moves the report once, as the desk, with an event named by the link’s nonce', async () => {
    const { linkDeps, life, usedLinks } = arrange();

    const used = await useActionLink(REFERENCE, actionLinkToken(LINK_KEY, LINK), 'Vi ser på saken.', linkDeps);

    expect(used.status).toBe('moved');
    expect(life()?.state).toBe('registered');
    expect(life()?.events.at(-1)).toEqual({
      id: linkEventId(LINK.nonce),
      kind: 'state',
      state: 'registered',
      at: NOW,
      actor: 'desk',
      message: 'Vi ser på saken.',
    });
    expect([...usedLinks.used.keys()]).toEqual([LINK.nonce]);
  });

  it('says a replayed link is used, and changes nothing more', async () => {
    const { linkDeps, life } = arrange();
    const token = actionLinkToken(LINK_KEY, LINK);
    await useActionLink(REFERENCE, token, '', linkDeps);
    const before = structuredClone(life());

    const again = await useActionLink(REFERENCE, token, '', linkDeps);

    expect(again.status).toBe('used');
    expect(life()).toEqual(before);
  });

  it('says a used link is used even after the report has moved on, and does not move it back', async () => {
    const { linkDeps, life } = arrange();
    const token = actionLinkToken(LINK_KEY, LINK);
    await useActionLink(REFERENCE, token, '', linkDeps);
    await useActionLink(REFERENCE, actionLinkToken(LINK_KEY, { ...LINK, action: 'solved', nonce: 'nonce-0000000000000002' }), '', linkDeps);

    const again = await useActionLink(REFERENCE, token, '', linkDeps);

    expect(again.status).toBe('used');
    expect(life()?.state).toBe('solved');
  });

  it('finishes a move a failure cut short after the link was consumed, instead of refusing the retry', async () => {
    const { linkDeps, life, usedLinks } = arrange();
    await usedLinks.consume(LINK.nonce, LINK.expiresAt);

    const retry = await useActionLink(REFERENCE, actionLinkToken(LINK_KEY, LINK), '', linkDeps);

    expect(retry.status).toBe('moved');
    expect(life()?.events.filter((event) => event.id === linkEventId(LINK.nonce))).toHaveLength(1);
  });

  it('refuses a move the state does not allow, naming the state', async () => {
    const { linkDeps, life } = arrange('closed');

    const used = await useActionLink(REFERENCE, actionLinkToken(LINK_KEY, LINK), '', linkDeps);

    expect(used).toMatchObject({ status: 'not-allowed', from: 'closed' });
    expect(life()?.state).toBe('closed');
  });

  it('names a team’s link’s move as the team’s', async () => {
    const { linkDeps, life } = arrange();

    await useActionLink(REFERENCE, actionLinkToken(LINK_KEY, { ...LINK, action: 'escalated', team: 'kontrollrom', holder: 'team' }), '', linkDeps);

    expect(life()?.events.at(-1)).toMatchObject({ state: 'escalated', team: 'kontrollrom', actor: 'team' });
  });

  it('refuses a link for another report, and an altered one, before anything is read or consumed', async () => {
    const { linkDeps, usedLinks } = arrange();
    const token = actionLinkToken(LINK_KEY, LINK);

    expect(await useActionLink('HDO-2026-000002', token, '', linkDeps)).toEqual({ status: 'refused', reason: 'other-report' });
    expect(await useActionLink(REFERENCE, `${token}x`, '', linkDeps)).toEqual({ status: 'refused', reason: 'bad-signature' });
    expect(usedLinks.used.size).toBe(0);
  });

  it('refuses a message with hidden controls, leaving the link unused', async () => {
    const { linkDeps, usedLinks } = arrange();

    const used = await useActionLink(REFERENCE, actionLinkToken(LINK_KEY, LINK), 'Løst \u202e', linkDeps);

    expect(used.status).toBe('bad-message');
    expect(usedLinks.used.size).toBe(0);
  });
});

describe('receiveCaseSystemEvent: POST /api/reports/{reference}/events', () => {
  const call = (body: unknown, deps: ReturnType<typeof arrange>['caseDeps'], signedAt = new Date(NOW), key = WEBHOOK_KEY) => {
    const raw = Buffer.from(JSON.stringify(body));
    return receiveCaseSystemEvent(REFERENCE, signWebhook(key, raw, signedAt), raw, deps);
  };

  it('moves the report as the case system, at the time it gives', async () => {
    const { caseDeps, life } = arrange();

    const outcome = await call({ id: 'topdesk:evt-0001', state: 'solved', at: '2026-03-05T12:55:00Z', message: 'Byttet kabel.' }, caseDeps);

    expect(outcome.status).toBe('moved');
    expect(life()?.events.at(-1)).toEqual({
      id: 'topdesk:evt-0001',
      kind: 'state',
      state: 'solved',
      at: '2026-03-05T12:55:00Z',
      actor: 'caseSystem',
      message: 'Byttet kabel.',
    });
  });

  it('changes the state once for the same event sent five times', async () => {
    const { caseDeps, life } = arrange();
    const outcomes = [];
    for (let attempt = 0; attempt < 5; attempt++) outcomes.push((await call({ id: 'topdesk:evt-0001', state: 'solved' }, caseDeps)).status);

    expect(outcomes).toEqual(['moved', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(life()?.events.filter((event) => event.id === 'topdesk:evt-0001')).toHaveLength(1);
  });

  it('refuses a bad signature and a call outside the window before reading the body', async () => {
    const { caseDeps, life } = arrange();

    expect(await call({ id: 'topdesk:evt-0001', state: 'solved' }, caseDeps, new Date(NOW), 'x'.repeat(32))).toEqual({
      status: 'unsigned',
      reason: 'bad-signature',
    });
    expect(await call({ id: 'topdesk:evt-0001', state: 'solved' }, caseDeps, new Date('2026-03-05T12:54:00Z'))).toEqual({
      status: 'unsigned',
      reason: 'outside-window',
    });
    expect(await receiveCaseSystemEvent(REFERENCE, undefined, Buffer.from('{'), caseDeps)).toEqual({ status: 'unsigned', reason: 'missing' });
    expect(life()?.state).toBe('received');
  });

  it.each([
    ['no id', { state: 'solved' }, 'id'],
    ['the portal’s own state', { id: 'topdesk:evt-0001', state: 'received' }, 'state'],
    ['an escalation without a team', { id: 'topdesk:evt-0001', state: 'escalated' }, 'team'],
    ['a team on another move', { id: 'topdesk:evt-0001', state: 'solved', team: 'kontrollrom' }, 'team'],
    ['a message with a direction override', { id: 'topdesk:evt-0001', state: 'solved', message: 'ok \u202e' }, 'message'],
    ['a time without a zone', { id: 'topdesk:evt-0001', state: 'solved', at: '2026-03-05 12:00' }, 'at'],
  ])('refuses a body with %s, naming the field', async (_case, body, path) => {
    const { caseDeps, life } = arrange();

    const outcome = await call(body, caseDeps);

    expect(outcome).toMatchObject({ status: 'invalid', errors: [expect.objectContaining({ path })] });
    expect(life()?.state).toBe('received');
  });

  it('refuses an escalation to a team content/teams.yaml does not have', async () => {
    const { caseDeps } = arrange();

    expect(await call({ id: 'topdesk:evt-0001', state: 'escalated', team: 'ukjent' }, caseDeps)).toEqual({ status: 'unknown-team', team: 'ukjent' });
  });

  it('answers not-allowed for a move the state does not allow', async () => {
    const { caseDeps } = arrange('closed');

    expect(await call({ id: 'topdesk:evt-0001', state: 'registered' }, caseDeps)).toEqual({ status: 'not-allowed', from: 'closed' });
  });
});
