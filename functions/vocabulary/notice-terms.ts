/**
 * A notice's words that code relies on, and its phase in time, without the schema: the Lambda bundles and the
 * browser use these, and must not carry classic zod (catalog/notice-schema.ts validates the files). A leaf, like
 * everything in functions/vocabulary/: core and catalog both read these words, so they import nothing from either.
 */

/** What kind of notice it is: sets its colour and its word on the page (site/src/lib/notice-labels.ts). */
export const NOTICE_SEVERITIES = ['planned', 'disruption', 'outage', 'information'] as const;
export type NoticeSeverity = (typeof NOTICE_SEVERITIES)[number];

/** A control room can be hit by a fault (an outage, a disruption), not by planned work or a piece of information («Vi er også rammet»). */
export const AFFECTABLE_SEVERITIES: ReadonlySet<NoticeSeverity> = new Set(['outage', 'disruption']);

interface NoticeTimes {
  expectedEnd?: Date | undefined;
  resolved?: Date | undefined;
}

/** Where a notice is at a given moment: not yet begun, going on, or over (and then in the archive). */
export type NoticePhase = 'upcoming' | 'ongoing' | 'over';

/** The moment a notice ends: when it was marked resolved, or else when it was expected to end. */
export function noticeEnd(notice: NoticeTimes): Date | undefined {
  return notice.resolved ?? notice.expectedEnd;
}

export function noticePhase(notice: NoticeTimes & { start: Date }, now: Date): NoticePhase {
  const end = noticeEnd(notice);
  if (end && end <= now) return 'over';
  return now < notice.start ? 'upcoming' : 'ongoing';
}

/** Going on now: from `start` until it is resolved or its expected end has passed. */
export function isActive(notice: NoticeTimes & { start: Date }, now: Date): boolean {
  return noticePhase(notice, now) === 'ongoing';
}
