import { describe, expect, it } from 'vitest';
import { NOTICE_MAIL_JOB_FORMAT, type NoticeMailJob } from '../../functions/core/notice-announcements.ts';
import { createPacer, sendNoticeMail, type SendDependencies } from '../../functions/core/notice-mail.ts';
import type { OutgoingEmail } from '../../functions/core/ports.ts';
import { NOTICE_EMAIL_FORMAT } from '../../functions/core/subscription-email.ts';
import { subscriberIdOf, verifyUnsubscribeToken } from '../../functions/core/subscription-tokens.ts';

/** A clock that only moves when the pacer sleeps: the test reads the moments each send was let through. */
function fakeClock() {
  let now = 1_000_000;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe('pacing the notice e-mails', () => {
  it('lets sends through at most perSecond a second, the first at once', async () => {
    const clock = fakeClock();
    const pacer = createPacer({ perSecond: 4, ...clock });
    const moments: number[] = [];

    for (let send = 0; send < 5; send++) {
      await pacer.next();
      moments.push(clock.now() - 1_000_000);
    }

    expect(moments).toEqual([0, 250, 500, 750, 1000]);
  });

  it('does not wait when the sends are further apart than the pace', async () => {
    const clock = fakeClock();
    const pacer = createPacer({ perSecond: 2, ...clock });
    await pacer.next();
    await clock.sleep(5000);
    const before = clock.now();

    await pacer.next();

    expect(clock.now()).toBe(before);
  });

  it('spaces sends started together one gap apart', async () => {
    const clock = fakeClock();
    const woken: number[] = [];
    const pacer = createPacer({ perSecond: 10, now: clock.now, sleep: async (ms) => void woken.push(ms) });

    await Promise.all([pacer.next(), pacer.next(), pacer.next()]);

    expect(woken).toEqual([100, 200]);
  });
});

describe('sending one queued notice e-mail', () => {
  const KEY = 'k'.repeat(40);
  const job: NoticeMailJob = {
    format: NOTICE_MAIL_JOB_FORMAT,
    to: 'vakt@amk.example',
    subscriberId: subscriberIdOf('vakt@amk.example'),
    via: 'subscription',
    content: {
      kind: 'update',
      noticeId: 'dekning-valdres',
      title: 'Redusert dekning i Valdres',
      severity: 'disruption',
      services: ['radio'],
      areas: ['Valdres'],
      start: '2026-11-30T10:00:00Z',
      at: '2026-11-30T11:00:00Z',
      text: 'To av tre stasjoner er tilbake.',
    },
  };
  function deps(subscribed: boolean): SendDependencies & { sent: OutgoingEmail[] } {
    const sent: OutgoingEmail[] = [];
    return {
      sent,
      mailer: { send: async (email) => void sent.push(email) },
      pacer: { next: async () => undefined },
      subscriptions: {
        get: async () =>
          subscribed
            ? { format: 'serviceportal.subscription.v1', subscriberId: job.subscriberId, address: job.to, services: '*', consentedAt: '2026-11-01T00:00:00Z' }
            : undefined,
        isFollower: async () => false,
      },
      key: KEY,
      siteUrl: 'https://portal.example.no',
      unsubscribePath: '/api/notices/abonnement/avslutt',
      serviceNames: { radio: 'Radioterminaler og Nødnett' },
    };
  }

  it("sends it with its layout version, RFC 8058 headers and a visible unsubscribe link that names the address's subscriber", async () => {
    const d = deps(true);

    expect(await sendNoticeMail(job, d)).toBe('sent');

    const [email] = d.sent;
    expect(email?.subject).toBe('[Oppdatering] Redusert dekning i Valdres');
    expect(email?.headers).toMatchObject({ 'X-Serviceportal-Format': NOTICE_EMAIL_FORMAT, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    const unsubscribe = new URL(/^<(.+)>$/.exec(email?.headers['List-Unsubscribe'] ?? '')?.[1] ?? '');
    expect(unsubscribe.origin + unsubscribe.pathname).toBe('https://portal.example.no/api/notices/abonnement/avslutt');
    expect(verifyUnsubscribeToken(KEY, unsubscribe.searchParams.get('kode') ?? '')).toEqual({ ok: true, value: { subscriberId: job.subscriberId } });
    expect(email?.text).toContain('Driftsforstyrrelse');
    expect(email?.text).toContain('Radioterminaler og Nødnett');
    expect(email?.text).toContain('https://portal.example.no/driftsmeldinger/dekning-valdres/');
    expect(email?.html).toContain('Avslutt abonnementet');
  });

  it('sends nothing to an address that unsubscribed after the e-mail was queued', async () => {
    const d = deps(false);

    expect(await sendNoticeMail(job, d)).toBe('unsubscribed');
    expect(d.sent).toEqual([]);
  });
});
