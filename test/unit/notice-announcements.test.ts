import { describe, expect, it } from 'vitest';
import type { NoticesDocument, PublishedNotice } from '../../functions/core/notices-document.ts';
import {
  announceNotices,
  dueEvents,
  recipientsOf,
  type AnnouncementMarkers,
  type NoticeEvent,
  type NoticeMailJob,
} from '../../functions/core/notice-announcements.ts';
import { parseNoticesDocument } from '../../functions/core/notices-document.ts';
import type { NoticeFollower, StoredSubscription } from '../../functions/core/subscriptions.ts';
import { subscriberIdOf } from '../../functions/core/subscription-tokens.ts';

const NOW = new Date('2026-11-30T12:00:00Z');
const hoursBefore = (hours: number) => new Date(NOW.getTime() - hours * 3600_000).toISOString();

const notice = (overrides: Partial<PublishedNotice> = {}): PublishedNotice => ({
  id: 'dekning-valdres',
  title: 'Redusert dekning i Valdres',
  severity: 'disruption',
  services: ['radio'],
  areas: ['Valdres'],
  start: hoursBefore(2),
  updates: [],
  html: '<p>Flere basestasjoner er nede.</p>',
  ...overrides,
});
const documentOf = (...notices: PublishedNotice[]): NoticesDocument => ({ format: 'serviceportal.notices.v1', publishedAt: NOW.toISOString(), notices });

const subscription = (address: string, services: StoredSubscription['services']): StoredSubscription => ({
  format: 'serviceportal.subscription.v1',
  subscriberId: subscriberIdOf(address),
  address,
  services,
  consentedAt: hoursBefore(100),
});

/** Markers in memory, as the conditional put keeps them. */
function memoryMarkers(): AnnouncementMarkers & { keys: Set<string> } {
  const keys = new Set<string>();
  return {
    keys,
    async claim(event: NoticeEvent) {
      const key = `${event.noticeId}/${event.key}`;
      if (keys.has(key)) return false;
      keys.add(key);
      return true;
    },
    async release(event: NoticeEvent) {
      keys.delete(`${event.noticeId}/${event.key}`);
    },
  };
}

function announcer(subscriptions: StoredSubscription[] = [subscription('alle@amk.example', '*')], followers: NoticeFollower[] = []) {
  const queued: NoticeMailJob[] = [];
  const markers = memoryMarkers();
  const deps = {
    markers,
    subscriptions: { list: async () => subscriptions, followers: async (id: string) => followers.filter((follower) => follower.noticeId === id) },
    queue: { enqueue: async (jobs: readonly NoticeMailJob[]) => void queued.push(...jobs) },
    now: () => NOW,
    maxAgeHours: 24,
  };
  return { queued, markers, announce: (document: NoticesDocument) => announceNotices(document, deps), deps };
}

describe('what a publication announces', () => {
  it('announces a new notice', async () => {
    const { announce, queued } = announcer();

    const outcome = await announce(documentOf(notice()));

    expect(outcome.announced).toEqual(['dekning-valdres/new']);
    expect(queued.map((job) => [job.to, job.content.kind, job.content.title])).toEqual([['alle@amk.example', 'new', 'Redusert dekning i Valdres']]);
  });

  it('announces a new update of a notice announced before, with its text', async () => {
    const { announce, queued } = announcer();
    await announce(documentOf(notice()));

    await announce(documentOf(notice({ updates: [{ at: hoursBefore(1), text: 'To av tre stasjoner er tilbake.' }] })));

    expect(queued.map((job) => [job.content.kind, job.content.text])).toEqual([
      ['new', 'Flere basestasjoner er nede.'],
      ['update', 'To av tre stasjoner er tilbake.'],
    ]);
  });

  it('announces that a notice is resolved', async () => {
    const { announce, queued } = announcer();
    await announce(documentOf(notice()));

    await announce(documentOf(notice({ resolved: hoursBefore(0.5) })));

    expect(queued.at(-1)?.content).toMatchObject({ kind: 'resolved', resolved: hoursBefore(0.5) });
  });

  it('announces nothing twice when the same document is published again', async () => {
    const { announce, queued } = announcer();
    const document = documentOf(notice({ updates: [{ at: hoursBefore(1), text: 'Oppdatert.' }] }));
    await announce(document);

    const again = await announce(document);

    expect(again).toEqual({ announced: [], queued: 0 });
    expect(queued).toHaveLength(1);
  });

  it('sends one e-mail per notice for several new events at once: the latest', async () => {
    const { announce, queued, markers } = announcer();

    await announce(
      documentOf(
        notice({
          updates: [
            { at: hoursBefore(1), text: 'Første.' },
            { at: hoursBefore(0.5), text: 'Andre.' },
          ],
        }),
      ),
    );

    expect(queued.map((job) => [job.content.kind, job.content.text])).toEqual([['update', 'Andre.']]);
    expect(markers.keys.size).toBe(3);
  });

  it('announces nothing of an archive published for the first time: notices long over, events older than a day', async () => {
    const { announce, queued, markers } = announcer();
    const over = notice({
      id: 'gammel',
      start: hoursBefore(24 * 40),
      resolved: hoursBefore(24 * 39),
      updates: [{ at: hoursBefore(24 * 39.5), text: 'Gammelt.' }],
    });
    const longRunning = notice({ id: 'lenge', start: hoursBefore(48), updates: [{ at: hoursBefore(30), text: 'Også gammelt.' }] });

    const outcome = await announce(documentOf(over, longRunning));

    expect(outcome.announced).toEqual([]);
    expect(queued).toEqual([]);
    expect(markers.keys.size).toBe(0);
  });

  it('announces planned work ahead of its start', () => {
    const planned = notice({ severity: 'planned', start: new Date(NOW.getTime() + 7 * 24 * 3600_000).toISOString() });

    expect(dueEvents(documentOf(planned), NOW, 24).map((event) => event.key)).toEqual(['new']);
  });

  it('gives the claims back when the queue refuses, so the retry announces the notice', async () => {
    const { deps, markers } = announcer();
    const failing = { ...deps, queue: { enqueue: async () => Promise.reject(new Error('SQS is down')) } };

    await expect(announceNotices(documentOf(notice()), failing)).rejects.toThrow('SQS is down');

    expect(markers.keys.size).toBe(0);
  });
});

describe('who gets a notice', () => {
  const everything = subscription('alle@amk.example', '*');
  const radio = subscription('radio@amk.example', ['radio', 'video']);
  const iccs = subscription('iccs@amk.example', ['iccs']);
  const follower = (address: string): NoticeFollower => ({ noticeId: 'dekning-valdres', subscriberId: subscriberIdOf(address), address, at: hoursBefore(1) });

  it("sends to those who chose every service or one of the notice's services, not to the others", async () => {
    const recipients = await recipientsOf(
      { id: 'dekning-valdres', services: ['radio'] },
      { list: async () => [everything, radio, iccs], followers: async () => [] },
    );

    expect(recipients.map((recipient) => recipient.to)).toEqual(['alle@amk.example', 'radio@amk.example']);
  });

  it("adds the notice's followers, once each even when they subscribe too", async () => {
    const recipients = await recipientsOf(
      { id: 'dekning-valdres', services: ['radio'] },
      { list: async () => [radio, iccs], followers: async () => [follower('RADIO@amk.example'), follower('legevakt@kommune.example')] },
    );

    expect(recipients.map((recipient) => [recipient.to, recipient.via])).toEqual([
      ['radio@amk.example', 'subscription'],
      ['legevakt@kommune.example', 'follow'],
    ]);
  });
});

describe("the announcer's reading of the notices document", () => {
  it('accepts a published document, and refuses another format, an unknown service and a time that is no time', () => {
    const valid = documentOf(notice({ expectedEnd: hoursBefore(-3), updates: [{ at: hoursBefore(1), text: 'Ny.' }] }));
    const invalid = [
      { ...valid, format: 'serviceportal.notices.v2' },
      { ...valid, notices: [{ ...valid.notices[0], services: ['telefax'] }] },
      { ...valid, notices: [{ ...valid.notices[0], start: 'i går' }] },
    ];

    expect(parseNoticesDocument(valid).ok).toBe(true);
    for (const document of invalid) expect(parseNoticesDocument(document).ok).toBe(false);
  });
});
