import * as z from 'zod/mini';
import type { NoticeSeverity } from '../../functions/catalog/notice-schema.ts';
import type { NOTICES_DOCUMENT_FORMAT, NoticesDocument, PublishedNotice } from '../../functions/core/notices-document.ts';
import { SERVICE_IDS } from '../../functions/core/service-ids.ts';

/**
 * What the page script checks before it draws anything from /driftsmeldinger/meldinger.json or from a page's
 * attributes: the published notices document (functions/core/notices-document.ts) again, in zod/mini, whose
 * functions a bundler can leave out when unused (the full zod would add some 15 kB to every page with a notice
 * list). The types below tie the two together: a change to the document's schema that this one does not follow
 * fails the typecheck, and test/unit/notice-live.test.ts parses a built document with both.
 */

const FORMAT = 'serviceportal.notices.v1' satisfies typeof NOTICES_DOCUMENT_FORMAT;
const SEVERITIES = ['planned', 'disruption', 'outage', 'information'] as const satisfies readonly NoticeSeverity[];
true satisfies NoticeSeverity extends (typeof SEVERITIES)[number] ? true : false;

/**
 * A time the reader's browser can read. The build checks the ISO form strictly (z.iso.datetime); here a time that
 * parses is enough, and the report form's JavaScript budget has no room for zod's date-time patterns.
 */
const isoTime = z.string().check(z.refine((text) => !Number.isNaN(Date.parse(text))));

const liveNoticeSchema = z.object({
  // The build checks every field strictly; here only the shape matters (a name goes into an address, encoded).
  id: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  services: z.array(z.enum(SERVICE_IDS)),
  areas: z.array(z.string()),
  start: isoTime,
  expectedEnd: z.optional(isoTime),
  resolved: z.optional(isoTime),
  updates: z.array(z.object({ at: isoTime, text: z.string() })),
  html: z.string(),
});
true satisfies z.infer<typeof liveNoticeSchema> extends PublishedNotice ? true : false;
true satisfies PublishedNotice extends z.infer<typeof liveNoticeSchema> ? true : false;

export const liveDocumentSchema = z.object({
  format: z.literal(FORMAT),
  publishedAt: isoTime,
  notices: z.array(liveNoticeSchema),
});
true satisfies z.infer<typeof liveDocumentSchema> extends NoticesDocument ? true : false;
