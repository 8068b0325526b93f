import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { noticeEnd } from '../../functions/catalog/notice-schema.ts';
import type { PublishedNotice } from '../../functions/core/notices-document.ts';
import { NOTICE_FEED_PATHS } from '../../functions/core/notice-paths.ts';
import { formatOsloTime } from '../../functions/core/oslo-time.ts';
import { SEVERITY } from '../src/lib/notice-labels.ts';
import { absoluteUrl, areaLine, lastChanged, latestUpdate, noticeUrl, serviceList, type FeedInput } from './feeds.ts';

export const CALENDAR_NAME = 'Serviceportal – planlagt arbeid';
export const CALENDAR_TIMEZONE = 'Europe/Oslo';
/** Planned work that ended this long ago stays in the calendar, so a subscriber's calendar keeps its history. */
export const CALENDAR_HISTORY_DAYS = 90;
/** How often a subscribed calendar should fetch it again (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
export const CALENDAR_REFRESH_SECONDS = 60 * 60;
/** A calendar's text is read in a small box: the notice's own text is cut after this many characters. */
const DESCRIPTION_TEXT_MAX = 600;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Planned work (severity `planned`) as iCalendar events (core/notice-paths.ts NOTICE_FEED_PATHS.calendar), for
 * the control rooms to subscribe to. Times are written in UTC, which every calendar converts to its own zone;
 * X-WR-TIMEZONE says the calendar is Norwegian. (ical-generator writes a calendar's own zone as TZID only with a
 * VTIMEZONE generator, and without one as floating local time: UTC is exact without either.) Each event's UID is
 * the notice's id at the site's host, so an edited notice moves its event instead of adding one. The events are
 * transparent: planned work on a service is not the subscriber's own busy time.
 */
export function plannedCalendar(input: FeedInput & { now: Date }): string {
  const { document, siteUrl, serviceNames, now } = input;
  const host = new URL(siteUrl).host;
  const publishedAt = new Date(document.publishedAt);
  const keepFrom = now.getTime() - CALENDAR_HISTORY_DAYS * DAY_MS;
  const calendar = ical({
    name: CALENDAR_NAME,
    description: 'Planlagt arbeid på tjenestene Servicedesk har ansvar for, fra driftsmeldingene i Serviceportalen.',
    prodId: { company: 'Serviceportal', product: 'Driftsmeldinger', language: 'NB' },
    url: absoluteUrl(NOTICE_FEED_PATHS.calendar, siteUrl),
    ttl: CALENDAR_REFRESH_SECONDS,
    x: [['X-WR-TIMEZONE', CALENDAR_TIMEZONE]],
  });
  const planned = document.notices
    .filter((notice) => notice.severity === 'planned')
    .map((notice) => ({ notice, end: windowEnd(notice) }))
    .filter(({ end }) => end.getTime() >= keepFrom)
    .sort((a, b) => Date.parse(a.notice.start) - Date.parse(b.notice.start) || a.notice.id.localeCompare(b.notice.id));
  for (const { notice, end } of planned) {
    const changed = lastChanged(notice, publishedAt);
    calendar.createEvent({
      id: `${notice.id}@${host}`,
      start: new Date(notice.start),
      end,
      summary: notice.title,
      description: calendarText(notice, { siteUrl, serviceNames }),
      ...(notice.areas.length > 0 ? { location: notice.areas.join(', ') } : {}),
      categories: notice.services.map((id) => ({ name: serviceNames[id] })),
      url: noticeUrl(notice.id, siteUrl),
      stamp: changed,
      lastModified: changed,
      status: ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}

/**
 * The window as it was, once over: ended when it was marked resolved (early or late), else when it was expected
 * to. A planned notice always has an expected end (notice-schema.ts); the start is the fallback for a document
 * written by something else.
 */
function windowEnd(notice: PublishedNotice): Date {
  const end = noticeEnd({
    expectedEnd: notice.expectedEnd === undefined ? undefined : new Date(notice.expectedEnd),
    resolved: notice.resolved === undefined ? undefined : new Date(notice.resolved),
  });
  return end ?? new Date(notice.start);
}

/** Plain text: which services and where, the latest update (or else the notice's own text, cut short), the link. */
export function calendarText(notice: PublishedNotice, { siteUrl, serviceNames }: Omit<FeedInput, 'document'>): string {
  const update = latestUpdate(notice);
  const area = areaLine(notice);
  return [
    `${SEVERITY[notice.severity].label}: ${serviceList(notice, serviceNames)}.`,
    ...(area === undefined ? [] : [`${area}.`]),
    update === undefined ? shortened(plainText(notice.html), DESCRIPTION_TEXT_MAX) : `Oppdatering ${formatOsloTime(new Date(update.at))}: ${update.text}`,
    `Les mer: ${noticeUrl(notice.id, siteUrl)}`,
  ]
    .filter((line) => line.length > 0)
    .join('\n\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text of the site's own rendered HTML: a paragraph on one line, tags gone, entities decoded. */
export function plainText(html: string): string {
  return html
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|h[1-6]|div|aside|blockquote|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()} …`;
}
