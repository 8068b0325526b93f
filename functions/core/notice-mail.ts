import { NOTICE_MAIL_JOB_FORMAT, type NoticeMailJob } from './notice-announcements.ts';
import type { Mailer } from './ports.ts';
import type { ServiceId } from './service-ids.ts';
import { renderNoticeEmail } from './subscription-email.ts';
import type { SubscriptionStore } from './subscriptions.ts';
import { unsubscribeToken } from './subscription-tokens.ts';

/**
 * Sending the queued notice e-mails, paced: each sender holds `perSecond` (the fleet's SES share divided by the
 * queue's maximum concurrency, infra/wiring.ts NOTICE_MAIL_QUEUE), so the whole fleet stays under the send rate
 * however long the queue is. Whether the address still wants it is read at send time: an unsubscribe stops even
 * the e-mails already queued.
 */

/** Waits before each send so that sends are at least 1/perSecond apart; time and waiting are injected. */
export interface Pacer {
  /** Resolves when the next send may start, and books that moment. */
  next(): Promise<void>;
}

export function createPacer(options: { perSecond: number; now: () => number; sleep: (ms: number) => Promise<void> }): Pacer {
  const gap = 1000 / options.perSecond;
  let nextSlot = Number.NEGATIVE_INFINITY;
  return {
    async next() {
      const now = options.now();
      const slot = Math.max(now, nextSlot);
      // Booked before waiting, so sends started together queue up one gap apart instead of all waking at once.
      nextSlot = slot + gap;
      if (slot > now) await options.sleep(slot - now);
    },
  };
}

export interface SendDependencies {
  mailer: Mailer;
  pacer: Pacer;
  subscriptions: Pick<SubscriptionStore, 'get' | 'isFollower'>;
  key: string;
  siteUrl: string;
  /** The unsubscribe route's path; the token goes in `?kode=`. */
  unsubscribePath: string;
  serviceNames: Readonly<Partial<Record<ServiceId, string>>>;
}

export type SendOutcome = 'sent' | 'unsubscribed' | 'unknown-format';

/** The unsubscribe address every notice e-mail carries, in its List-Unsubscribe header and as a link. */
export function unsubscribeUrl(deps: Pick<SendDependencies, 'key' | 'siteUrl' | 'unsubscribePath'>, address: string): string {
  return `${deps.siteUrl}${deps.unsubscribePath}?${new URLSearchParams({ kode: unsubscribeToken(deps.key, address) })}`;
}

/** Sends one queued e-mail if its address still subscribes (or still follows the notice). */
export async function sendNoticeMail(job: NoticeMailJob, deps: SendDependencies): Promise<SendOutcome> {
  if (job.format !== NOTICE_MAIL_JOB_FORMAT) return 'unknown-format';
  const still =
    job.via === 'subscription'
      ? (await deps.subscriptions.get(job.subscriberId))?.address.toLowerCase() === job.to.toLowerCase()
      : await deps.subscriptions.isFollower(job.content.noticeId, job.subscriberId);
  if (!still) return 'unsubscribed';
  await deps.pacer.next();
  await deps.mailer.send(
    renderNoticeEmail({
      to: job.to,
      content: job.content,
      siteUrl: deps.siteUrl,
      unsubscribeUrl: unsubscribeUrl(deps, job.to),
      serviceNames: deps.serviceNames,
      via: job.via,
    }),
  );
  return 'sent';
}
