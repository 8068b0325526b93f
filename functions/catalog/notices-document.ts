import { z } from 'zod';
import { SERVICE_IDS } from '../core/service-ids.ts';
import { NOTICE_SEVERITIES, noticePhase, type NoticePhase } from './notice-schema.ts';

/**
 * The published notices (core/notice-paths.ts NOTICES_DOCUMENT_PATH): what the pages read between builds, what
 * the announcer reads to tell subscribers, versioned because it leaves the build. Times are ISO strings.
 */
export const NOTICES_DOCUMENT_FORMAT = 'serviceportal.notices.v1';

const isoTime = z.iso.datetime({ offset: true });

export const publishedNoticeSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  severity: z.enum(NOTICE_SEVERITIES),
  services: z.array(z.enum(SERVICE_IDS)).min(1),
  areas: z.array(z.string()),
  start: isoTime,
  expectedEnd: isoTime.optional(),
  resolved: isoTime.optional(),
  updates: z.array(z.object({ at: isoTime, text: z.string().min(1) })),
  /** The notice's text, rendered from its markdown by the site's own processor. */
  html: z.string(),
});
export type PublishedNotice = z.infer<typeof publishedNoticeSchema>;

export const noticesDocumentSchema = z.object({
  format: z.literal(NOTICES_DOCUMENT_FORMAT),
  publishedAt: isoTime,
  notices: z.array(publishedNoticeSchema),
});
export type NoticesDocument = z.infer<typeof noticesDocumentSchema>;

/** A published notice's phase, from its ISO times. */
export function publishedNoticePhase(notice: Pick<PublishedNotice, 'start' | 'expectedEnd' | 'resolved'>, now: Date): NoticePhase {
  const date = (text: string | undefined) => (text === undefined ? undefined : new Date(text));
  return noticePhase({ start: new Date(notice.start), expectedEnd: date(notice.expectedEnd), resolved: date(notice.resolved) }, now);
}
