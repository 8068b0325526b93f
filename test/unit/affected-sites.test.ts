import { describe, expect, it } from 'vitest';
import type { PublishedNotice } from '../../functions/core/notices-document.ts';
import { AFFECTED_SITE_SUBJECT, renderAffectedSiteEmail } from '../../functions/core/affected-site-email.ts';
import { recordAffected, siteKeyOf, type AffectedDependencies, type AffectedSite, type AffectedSites } from '../../functions/core/affected-sites.ts';
import { FIELD } from '../../functions/core/fixed-questions.ts';
import { FORMAT_HEADER } from '../../functions/core/email-layout.ts';
import { realJourneys } from './builders.ts';
import { RecordingMailer } from './fakes.ts';

const NOW = new Date('2026-11-30T10:00:00Z');

const outage: PublishedNotice = {
  id: 'utfall-iccs-vest',
  title: 'Utfall i ICCS i Helse Vest',
  severity: 'outage',
  services: ['iccs'],
  areas: ['Vestland'],
  start: '2026-11-30T08:00:00.000Z',
  updates: [],
  html: '<p>Vi jobber med saken.</p>',
};
const over: PublishedNotice = { ...outage, id: 'ferdig', resolved: '2026-11-30T09:00:00.000Z' };

class InMemorySites implements AffectedSites {
  readonly byNotice = new Map<string, AffectedSite[]>();
  async add(noticeId: string, site: AffectedSite) {
    const sites = this.byNotice.get(noticeId) ?? [];
    if (sites.some((known) => siteKeyOf(known.organisation) === siteKeyOf(site.organisation))) return { added: false };
    this.byNotice.set(noticeId, [...sites, site]);
    return { added: true };
  }
  async list(noticeId: string) {
    return [...(this.byNotice.get(noticeId) ?? [])];
  }
}

function setUp() {
  const mailer = new RecordingMailer();
  const sites = new InMemorySites();
  const follows: { noticeId: string; address: string }[] = [];
  const deps: AffectedDependencies = {
    notices: { find: async (id) => [outage, over].find((notice) => notice.id === id) },
    sites,
    followers: { addFollower: async (noticeId, address) => void follows.push({ noticeId, address }) },
    mailer,
    journeys: realJourneys(),
    desk: {
      address: 'servicedesk@example.no',
      name: 'Servicedesk',
      serviceNames: { iccs: 'Kontrollromsløsningen (ICCS)' },
      siteUrl: 'https://portal.example.no',
    },
    now: () => NOW,
  };
  return { deps, mailer, sites, follows };
}

const bergen = {
  notice: outage.id,
  [FIELD.organisation]: 'AMK Bergen',
  [FIELD.name]: 'Kari Nordmann',
  [FIELD.phone]: '55 12 34 56',
  [FIELD.email]: 'kari@helse-bergen.no',
};

describe('«Vi er også rammet»: a control room adds itself to a live notice', () => {
  it('counts the site, lets the reporter follow the notice, and tells the desk once with every site listed', async () => {
    const { deps, mailer, follows } = setUp();

    const first = await recordAffected(bergen, deps);
    const second = await recordAffected({ ...bergen, [FIELD.organisation]: 'AMK Stavanger', [FIELD.email]: 'ola@sus.no', [FIELD.name]: 'Ola Nordmann' }, deps);

    expect(first).toMatchObject({ status: 'counted', count: 1, added: true });
    expect(second).toMatchObject({ status: 'counted', count: 2, added: true });
    expect(follows).toEqual([
      { noticeId: outage.id, address: 'kari@helse-bergen.no' },
      { noticeId: outage.id, address: 'ola@sus.no' },
    ]);
    expect(mailer.sent.map((mail) => [mail.to, mail.subject])).toEqual([
      ['servicedesk@example.no', `${AFFECTED_SITE_SUBJECT} Utfall i ICCS i Helse Vest – 1 kontrollrom`],
      ['servicedesk@example.no', `${AFFECTED_SITE_SUBJECT} Utfall i ICCS i Helse Vest – 2 kontrollrom`],
    ]);
    const latest = mailer.sent[1]!;
    expect(latest.text).toContain('1. AMK BERGEN');
    expect(latest.text).toContain('2. AMK STAVANGER');
    expect(latest.replyTo).toBe('ola@sus.no');
  });

  it('counts one control room once, however its name is written, and does not e-mail the desk again', async () => {
    const { deps, mailer, follows } = setUp();

    await recordAffected(bergen, deps);
    const again = await recordAffected({ ...bergen, [FIELD.organisation]: '  amk   BERGEN ', [FIELD.email]: 'vakt@helse-bergen.no' }, deps);

    expect(again).toMatchObject({ status: 'counted', count: 1, added: false });
    expect(mailer.sent).toHaveLength(1);
    expect(follows.map((follow) => follow.address)).toEqual(['kari@helse-bergen.no', 'vakt@helse-bergen.no']);
  });

  it.each([
    ['a notice that does not exist', { ...bergen, notice: 'finnes-ikke' }, 'unknown-notice'],
    ['a notice that is over', { ...bergen, notice: over.id }, 'over'],
  ])('refuses %s, and records nothing', async (_case, input, status) => {
    const { deps, mailer, sites } = setUp();

    const outcome = await recordAffected(input, deps);

    expect(outcome.status).toBe(status);
    expect(mailer.sent).toHaveLength(0);
    expect(sites.byNotice.size).toBe(0);
  });

  it.each([
    ['no notice chosen', { ...bergen, notice: '' }, 'notice', 'Velg hvilken driftsmelding'],
    ['a notice id that is no file name', { ...bergen, notice: '../x' }, 'notice', 'Velg hvilken driftsmelding'],
    ['no organisation', { ...bergen, [FIELD.organisation]: '' }, FIELD.organisation, 'virksomhet'],
    ['a bad e-mail address', { ...bergen, [FIELD.email]: 'kari@' }, FIELD.email, 'gyldig e-postadresse'],
    ['a national identity number as the name', { ...bergen, [FIELD.name]: '01019012480' }, FIELD.name, 'fødselsnummer'],
  ])("says what to correct for %s, in the form's own words", async (_case, input, path, words) => {
    const { deps, mailer } = setUp();

    const outcome = await recordAffected(input, deps);

    expect(outcome.status).toBe('invalid');
    const errors = outcome.status === 'invalid' ? outcome.errors : [];
    expect(errors.find((error) => error.path === path)?.message).toContain(words);
    expect(mailer.sent).toHaveLength(0);
  });
});

describe("the desk's e-mail about sites hit by a notice", () => {
  it('links to the notice, names the service, escapes what the reporter wrote, and carries its format in a header', () => {
    const site = { organisation: 'AMK <Bergen>', name: 'Kari', phone: '55 12 34 56', email: 'kari@helse-bergen.no', at: NOW.toISOString() };

    const email = renderAffectedSiteEmail(
      { address: 'desk@example.no', name: 'Servicedesk', serviceNames: { iccs: 'ICCS' }, siteUrl: 'https://portal.example.no' },
      outage,
      [site],
      site,
      { name: 'Navn', phone: 'Telefon', email: 'E-post' },
    );

    expect(email.html).toContain('href="https://portal.example.no/driftsmeldinger/utfall-iccs-vest/"');
    expect(email.html).toContain('AMK &lt;Bergen&gt;');
    expect(email.html).not.toContain('<Bergen>');
    expect(email.text).toContain('ICCS');
    expect(email.headers[FORMAT_HEADER]).toMatch(/^serviceportal\.email\.v\d+$/);
    expect(email.tags).toMatchObject({ kind: 'affected-site', notice: 'utfall-iccs-vest' });
  });
});

describe('the body «Vi er også rammet» takes', () => {
  it('is the same nested, as a form post arrives, as flat', async () => {
    const { deps } = setUp();

    const outcome = await recordAffected(
      { notice: outage.id, contact: { organisation: 'AMK Bergen', name: 'Kari Nordmann', phone: '55 12 34 56', email: 'kari@helse-bergen.no' } },
      deps,
    );

    expect(outcome).toMatchObject({ status: 'counted', count: 1 });
  });
});
