import type { NoticesDocument, PublishedNotice } from './notices-document.ts';
import type { ServiceId } from './service-ids.ts';
import type { AnnouncementKind, NoticeEmailContent } from './subscription-email.ts';
import { subscriptionCovers, type SubscriptionStore } from './subscriptions.ts';

/**
 * What a newly published notices document announces, and to whom. Each event of a notice is announced once: a new
 * notice, each new update, and that it is resolved; each is recorded with a conditional write (an announcement
 * marker) before anything is queued, so a republished document announces nothing twice. Events older than
 * `maxAgeHours` are not announced (recorded neither), so the first publication of an archive sends nothing.
 *
 * One e-mail per notice per publication: a notice published with two updates at once sends one e-mail (the latest
 * event, with its text), not three.
 */

export interface NoticeEvent {
  noticeId: string;
  kind: AnnouncementKind;
  /** Unique within the notice and stable across publications: `new`, `update#<at>`, `resolved`. */
  key: string;
  /** When it happened, ISO. */
  at: string;
}

/** The notice's events in the order they happened: new, its updates oldest first, resolved. */
export function eventsOf(notice: PublishedNotice): NoticeEvent[] {
  const updates = [...notice.updates].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return [
    { noticeId: notice.id, kind: 'new', key: 'new', at: notice.start },
    ...updates.map((update): NoticeEvent => ({ noticeId: notice.id, kind: 'update', key: `update#${new Date(update.at).toISOString()}`, at: update.at })),
    ...(notice.resolved ? [{ noticeId: notice.id, kind: 'resolved', key: 'resolved', at: notice.resolved } satisfies NoticeEvent] : []),
  ];
}

/**
 * The events worth announcing at `now`: none older than `maxAgeHours` (a new notice's event is its start, and
 * planned work announced ahead starts in the future, so it is never too old).
 */
export function dueEvents(document: NoticesDocument, now: Date, maxAgeHours: number): NoticeEvent[] {
  const oldest = now.getTime() - maxAgeHours * 3600_000;
  return document.notices.flatMap((notice) => eventsOf(notice).filter((event) => Date.parse(event.at) >= oldest));
}

/** The e-mail's content for the latest of a notice's newly announced events. */
export function contentOf(notice: PublishedNotice, event: NoticeEvent): NoticeEmailContent {
  const update =
    event.kind === 'update' ? notice.updates.find((candidate) => new Date(candidate.at).toISOString() === event.key.slice('update#'.length)) : undefined;
  const latestUpdate = [...notice.updates].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
  const text =
    update?.text ??
    (event.kind === 'resolved'
      ? latestUpdate && Date.parse(latestUpdate.at) >= Date.parse(notice.start)
        ? latestUpdate.text
        : 'Saken er løst.'
      : plainText(notice.html) || notice.title);
  return {
    kind: event.kind,
    noticeId: notice.id,
    title: notice.title,
    severity: notice.severity,
    services: notice.services,
    areas: notice.areas,
    start: notice.start,
    expectedEnd: notice.expectedEnd,
    resolved: notice.resolved,
    at: event.at,
    text,
  };
}

/** The notice's HTML as a paragraph of plain text for the e-mail, at most about 1000 characters. */
export function plainText(html: string): string {
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|li|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return text.length > 1000 ? `${text.slice(0, 1000).replace(/\s+\S*$/, '')} …` : text;
}

/** One e-mail to send: versioned, since it waits in a queue across deployments. */
export const NOTICE_MAIL_JOB_FORMAT = 'serviceportal.notice-mail-job.v1';
export interface NoticeMailJob {
  format: typeof NOTICE_MAIL_JOB_FORMAT;
  to: string;
  subscriberId: string;
  via: 'subscription' | 'follow';
  content: NoticeEmailContent;
}

/** Where announced events are recorded (adapters/dynamodb-subscriptions.ts). */
export interface AnnouncementMarkers {
  /** Records the event as announced at `now`; false if it was recorded already. */
  claim(event: NoticeEvent, now: Date): Promise<boolean>;
  /** Takes a claim back when its e-mails could not be queued, so the next attempt announces it. */
  release(event: NoticeEvent): Promise<void>;
}

/** Where the e-mails wait for the sender (SQS in AWS, the local stack's queue on this machine). */
export interface NoticeMailQueue {
  enqueue(jobs: readonly NoticeMailJob[]): Promise<void>;
}

export interface AnnounceDependencies {
  markers: AnnouncementMarkers;
  subscriptions: Pick<SubscriptionStore, 'list' | 'followers'>;
  queue: NoticeMailQueue;
  now: () => Date;
  maxAgeHours: number;
}

export interface AnnounceOutcome {
  /** The events newly recorded, by `<noticeId>/<key>`. */
  announced: string[];
  /** E-mails queued. */
  queued: number;
}

/** The recipients of a notice's e-mail: subscribers whose choice covers one of its services, and its followers; one e-mail per address. */
export async function recipientsOf(
  notice: { id: string; services: readonly ServiceId[] },
  subscriptions: Pick<SubscriptionStore, 'list' | 'followers'>,
  all?: Awaited<ReturnType<SubscriptionStore['list']>>,
) {
  const recipients = new Map<string, { to: string; subscriberId: string; via: 'subscription' | 'follow' }>();
  for (const subscription of all ?? (await subscriptions.list())) {
    if (subscriptionCovers(subscription, notice.services))
      recipients.set(subscription.subscriberId, { to: subscription.address, subscriberId: subscription.subscriberId, via: 'subscription' });
  }
  for (const follower of await subscriptions.followers(notice.id)) {
    if (!recipients.has(follower.subscriberId))
      recipients.set(follower.subscriberId, { to: follower.address, subscriberId: follower.subscriberId, via: 'follow' });
  }
  return [...recipients.values()];
}

/** Announces what is new in `document`: records each due event once, and queues one e-mail per recipient per notice. */
export async function announceNotices(document: NoticesDocument, deps: AnnounceDependencies): Promise<AnnounceOutcome> {
  const now = deps.now();
  const outcome: AnnounceOutcome = { announced: [], queued: 0 };
  const due = dueEvents(document, now, deps.maxAgeHours);
  if (due.length === 0) return outcome;
  let everyone: Awaited<ReturnType<SubscriptionStore['list']>> | undefined;
  for (const notice of document.notices) {
    const claimed: NoticeEvent[] = [];
    for (const event of due.filter((candidate) => candidate.noticeId === notice.id)) {
      if (await deps.markers.claim(event, now)) claimed.push(event);
    }
    const latest = claimed.at(-1);
    if (!latest) continue;
    try {
      everyone ??= await deps.subscriptions.list();
      const content = contentOf(notice, latest);
      const jobs = (await recipientsOf(notice, deps.subscriptions, everyone)).map((recipient): NoticeMailJob => ({
        format: NOTICE_MAIL_JOB_FORMAT,
        ...recipient,
        content,
      }));
      await deps.queue.enqueue(jobs);
      outcome.queued += jobs.length;
    } catch (error) {
      // Nothing of this notice's news reached the queue for certain: give the claims back, so the retry announces it.
      await Promise.allSettled(claimed.map((event) => deps.markers.release(event)));
      throw error;
    }
    outcome.announced.push(...claimed.map((event) => `${event.noticeId}/${event.key}`));
  }
  return outcome;
}
