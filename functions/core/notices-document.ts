import * as z from 'zod/mini';
import { SERVICE_IDS } from './service-ids.ts';
import { NOTICE_SEVERITIES, noticePhase, type NoticePhase } from '../vocabulary/notice-terms.ts';

/**
 * The published notices (notice-paths.ts NOTICES_DOCUMENT_PATH): what the pages read between builds, what
 * the announcer and «Vi er også rammet» read in AWS, versioned because it leaves the build. Times are ISO strings.
 * zod/mini, because the Lambda bundles leave classic zod out (test/infra/lambda-bundles.test.ts). The browser's
 * lenient copy is site/notices/live-schema.ts, tied to this one by its types.
 */
export const NOTICES_DOCUMENT_FORMAT = 'serviceportal.notices.v1';

const isoTime = z.iso.datetime({ offset: true });

export const publishedNoticeSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/), z.maxLength(200)),
  title: z.string().check(z.minLength(1)),
  severity: z.enum(NOTICE_SEVERITIES),
  services: z.array(z.enum(SERVICE_IDS)).check(z.minLength(1)),
  areas: z.array(z.string()),
  start: isoTime,
  expectedEnd: z.optional(isoTime),
  resolved: z.optional(isoTime),
  updates: z.array(z.object({ at: isoTime, text: z.string().check(z.minLength(1)) })),
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

/** The document, or its first problems (path and code), for a log line. */
export function parseNoticesDocument(value: unknown): { ok: true; document: NoticesDocument } | { ok: false; problems: string[] } {
  const result = noticesDocumentSchema.safeParse(value);
  if (!result.success) return { ok: false, problems: result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.code}`) };
  return { ok: true, document: result.data };
}

/** A published notice's phase, from its ISO times. */
export function publishedNoticePhase(notice: Pick<PublishedNotice, 'start' | 'expectedEnd' | 'resolved'>, now: Date): NoticePhase {
  const date = (text: string | undefined) => (text === undefined ? undefined : new Date(text));
  return noticePhase({ start: new Date(notice.start), expectedEnd: date(notice.expectedEnd), resolved: date(notice.resolved) }, now);
}
