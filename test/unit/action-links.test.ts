import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ACTION_LINK_DAYS, actionLinkToken, deskActionLinks, signActionLink, verifyActionLink, type ActionLink } from '../../functions/core/action-links.ts';

const KEY = 'k'.repeat(32);
const NOW = new Date('2026-03-05T12:00:00Z');
const LATER = new Date('2026-03-19T12:00:00Z');
const LINK: ActionLink = { reference: 'HDO-2026-000123', action: 'registered', expiresAt: LATER, nonce: 'nonce-0000000000000001' };

const tokenOf = (path: string) => new URL(path, 'https://portal.example').searchParams.get('lenke') ?? '';

describe('signActionLink: a link from the desk’s e-mail', () => {
  it('is a path to the report’s handling page, carrying a token that verifies to the very link', () => {
    const path = signActionLink(KEY, LINK);

    expect(path).toMatch(/^\/api\/reports\/HDO-2026-000123\/handling\?lenke=[\w-]+\.[\w-]+$/);
    expect(verifyActionLink(KEY, tokenOf(path), NOW, LINK.reference)).toEqual({ ok: true, link: { ...LINK, holder: 'desk' } });
  });

  it('binds an escalation to its team, and a team’s link to the team', () => {
    const link: ActionLink = { ...LINK, action: 'escalated', team: 'kontrollrom', holder: 'team' };

    expect(verifyActionLink(KEY, actionLinkToken(KEY, link), NOW)).toEqual({ ok: true, link });
  });

  it('refuses to sign a link that could never verify: an escalation without a team, a team on another action', () => {
    expect(() => actionLinkToken(KEY, { ...LINK, action: 'escalated' })).toThrow(/team/);
    expect(() => actionLinkToken(KEY, { ...LINK, team: 'kontrollrom' })).toThrow(/team/);
  });
});

describe('verifyActionLink: what a token allows', () => {
  const token = actionLinkToken(KEY, LINK);
  const [payload = '', signature = ''] = token.split('.');
  const reencoded = (change: (payload: Record<string, unknown>) => void) => {
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    change(decoded);
    return `${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${signature}`;
  };

  it.each([
    ['another action', reencoded((p) => (p.a = 'solved'))],
    ['another report', reencoded((p) => (p.r = 'HDO-2026-000124'))],
    ['a later expiry', reencoded((p) => (p.e = Number(p.e) + 86_400))],
    ['another nonce', reencoded((p) => (p.n = 'nonce-0000000000000002'))],
    ['a flipped signature', `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`],
  ])('refuses a token with %s as tampered', (_case, tampered) => {
    expect(verifyActionLink(KEY, tampered, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a token signed with another key', () => {
    expect(verifyActionLink('x'.repeat(32), token, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a genuine link opened for another report', () => {
    expect(verifyActionLink(KEY, token, NOW, 'HDO-2026-000124')).toEqual({ ok: false, reason: 'other-report' });
  });

  it('works until the moment it expires, and not from then on', () => {
    expect(verifyActionLink(KEY, token, new Date(LATER.getTime() - 1000)).ok).toBe(true);
    expect(verifyActionLink(KEY, token, LATER)).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    ['nothing', ''],
    ['no signature', payload],
    ['three parts', `${token}.x`],
    ['characters outside base64url', `${payload}.${signature}=`],
    ['a very long token', `${'a'.repeat(700)}.${signature}`],
  ])('calls a token with %s malformed', (_case, malformed) => {
    expect(verifyActionLink(KEY, malformed, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('calls a signed payload of the wrong shape malformed, not valid', () => {
    const encoded = Buffer.from(JSON.stringify({ v: 1, r: 'REPORT#1', a: 'closed', e: 1, n: 'x' })).toString('base64url');
    const signed = `${encoded}.${createHmac('sha256', KEY).update(`action-link\u0000${encoded}`).digest('base64url')}`;

    expect(verifyActionLink(KEY, signed, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('deskActionLinks: the links for the desk’s e-mail about one report', () => {
  let counter = 0;
  const nonce = () => `nonce-${String(++counter).padStart(16, '0')}`;
  const links = deskActionLinks(KEY, {
    siteUrl: 'https://portal.hdo.example/',
    reference: LINK.reference,
    escalateTo: [{ key: 'kontrollrom', name: 'Team kontrollromsløsning' }],
    now: NOW,
    nonce,
  });

  it('offers registrer, eskaler til the team, venter på melder and løst, in that order, each a full address', () => {
    expect(links.map((link) => link.label)).toEqual(['Registrer', 'Eskaler til Team kontrollromsløsning', 'Venter på melder', 'Løst']);
    for (const link of links) expect(link.url.startsWith('https://portal.hdo.example/api/reports/HDO-2026-000123/handling?lenke=')).toBe(true);
  });

  it(`signs each with its own nonce, valid for ${ACTION_LINK_DAYS} days`, () => {
    const verified = links.map((link) => verifyActionLink(KEY, tokenOf(link.url), NOW, LINK.reference));

    expect(verified.map((check) => (check.ok ? [check.link.action, check.link.team] : check.reason))).toEqual([
      ['registered', undefined],
      ['escalated', 'kontrollrom'],
      ['awaitingReporter', undefined],
      ['solved', undefined],
    ]);
    expect(new Set(verified.map((check) => (check.ok ? check.link.nonce : ''))).size).toBe(4);
    expect(verified.every((check) => check.ok && check.link.expiresAt.getTime() === NOW.getTime() + ACTION_LINK_DAYS * 86_400_000)).toBe(true);
  });
});
