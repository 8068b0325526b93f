import { z } from 'zod';
import { noticePath } from '../core/notice-paths.ts';
import { SERVICE_IDS, type ServiceId } from '../core/service-ids.ts';
import { NOTICE_SEVERITIES, type NoticeSeverity } from './notice-schema.ts';
import { publishedNoticePhase, type NoticesDocument, type PublishedNotice } from '../core/notices-document.ts';
import { keysOf } from '../vocabulary/records.ts';

/**
 * The status document (core/notice-paths.ts NOTICE_FEED_PATHS.status): each service's state and its current
 * notices, for integrations (a control room's wall screen, the desk's case system). It leaves the build, so it is
 * versioned: a new shape gets a new version, never a changed v1. Built from the notices document by
 * `statusDocument` below, never by hand.
 */
export const STATUS_DOCUMENT_FORMAT = 'serviceportal.status.v1';

/**
 * A service's state, from the worst notice going on for it: an outage is worse than a disruption, a disruption
 * worse than planned work (which may make it unavailable for a while), planned work worse than information. `ok`:
 * nothing is going on. A notice that has not begun never sets the state; it is listed under `upcoming`.
 */
export const SERVICE_STATES = ['ok', 'information', 'planned', 'disruption', 'outage'] as const satisfies readonly ('ok' | NoticeSeverity)[];
export type ServiceState = (typeof SERVICE_STATES)[number];

const isoTime = z.iso.datetime({ offset: true });

export const statusNoticeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  severity: z.enum(NOTICE_SEVERITIES),
  /** The notice's own page, absolute. */
  url: z.url({ protocol: /^https?$/ }),
  start: isoTime,
  expectedEnd: isoTime.optional(),
});
export type StatusNotice = z.infer<typeof statusNoticeSchema>;

export const serviceStatusSchema = z.strictObject({
  /** The service's name as the catalog writes it (content/services/<id>.yaml). */
  name: z.string().min(1),
  state: z.enum(SERVICE_STATES),
  /** Going on when the document was generated: worst first, then the earliest start. */
  ongoing: z.array(statusNoticeSchema),
  /** Not begun yet: the soonest first. */
  upcoming: z.array(statusNoticeSchema),
});
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;

export const statusDocumentSchema = z.strictObject({
  format: z.literal(STATUS_DOCUMENT_FORMAT),
  /**
   * The moment the states are true for. The document is written when the site is built (and when notices are
   * published); a notice may end or begin after that, so `start` and `expectedEnd` are there to compare with.
   */
  generatedAt: isoTime,
  /** The site's address, which every `url` starts with. */
  site: z.url({ protocol: /^https?$/ }),
  /** Every service of the catalog, keyed by its id, in the order the site shows them. */
  services: z.record(z.enum(SERVICE_IDS), serviceStatusSchema),
});
export type StatusDocument = z.infer<typeof statusDocumentSchema>;

export interface StatusDocumentInput {
  document: NoticesDocument;
  /** The site's absolute address: every notice's `url` is its page there. */
  siteUrl: string | URL;
  /** Every service's name from the catalog, in the order the site shows them. */
  serviceNames: Readonly<Record<ServiceId, string>>;
  now: Date;
}

const rank = (state: ServiceState) => SERVICE_STATES.indexOf(state);

/** The status of every service at `now`, from the published notices. */
export function statusDocument({ document, siteUrl, serviceNames, now }: StatusDocumentInput): StatusDocument {
  const site = new URL('/', siteUrl);
  const byPhase = (phase: 'ongoing' | 'upcoming') => document.notices.filter((notice) => publishedNoticePhase(notice, now) === phase);
  const ongoing = byPhase('ongoing').sort((a, b) => rank(b.severity) - rank(a.severity) || Date.parse(a.start) - Date.parse(b.start));
  const upcoming = byPhase('upcoming').sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const about = (id: ServiceId) => (notice: PublishedNotice) => notice.services.includes(id);
  const entry = (notice: PublishedNotice): StatusNotice => ({
    id: notice.id,
    title: notice.title,
    severity: notice.severity,
    url: new URL(noticePath(notice.id), site).href,
    start: notice.start,
    ...(notice.expectedEnd === undefined ? {} : { expectedEnd: notice.expectedEnd }),
  });
  const services = Object.fromEntries(
    keysOf(serviceNames).map((id) => {
      const going = ongoing.filter(about(id));
      const state = going.reduce<ServiceState>((worst, notice) => (rank(notice.severity) > rank(worst) ? notice.severity : worst), 'ok');
      return [id, { name: serviceNames[id], state, ongoing: going.map(entry), upcoming: upcoming.filter(about(id)).map(entry) }];
    }),
  );
  return statusDocumentSchema.parse({ format: STATUS_DOCUMENT_FORMAT, generatedAt: now.toISOString(), site: site.href, services });
}
