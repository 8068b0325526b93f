import type { NoticesDocument, PublishedNotice } from '../../functions/core/notices-document.ts';
import { NOTICE_FEED_PATHS, NOTICES_PATH, noticePath } from '../../functions/core/notice-paths.ts';
import type { ServiceId } from '../../functions/core/service-ids.ts';
import { words } from '../src/lib/i18n.ts';
import { formatOsloTime } from '../../functions/core/oslo-time.ts';
import { SEVERITY } from '../src/lib/notice-labels.ts';

/**
 * The notices as RSS 2.0 and Atom 1.0 (core/notice-paths.ts NOTICE_FEED_PATHS), from the published notices
 * document: pure functions of the document, the site's address and the services' names, so the site's build and
 * anything that publishes notices between builds write the same feeds. The XML is written here rather than by
 * @astrojs/rss: both feeds need the same absolute permalinks, guids and dates, and a string of escaped XML is
 * easier to test than a library's idea of links (it appended a slash after `#id`).
 */
export interface FeedInput {
  document: NoticesDocument;
  /** The site's absolute address (astro.config.ts `site`, from SITE_URL): every link in a feed is absolute. */
  siteUrl: string | URL;
  /** Every service's name from the catalog (site/src/lib/content.ts serviceNames). */
  serviceNames: Readonly<Record<ServiceId, string>>;
}

export const FEED_TITLE = 'Serviceportal – driftsmeldinger';
export const FEED_DESCRIPTION = 'Driftsforstyrrelser, utfall og planlagt arbeid for Nødnett og kontrollrommene i helsetjenesten.';

/** An address on the site, absolute. */
export function absoluteUrl(path: string, siteUrl: string | URL): string {
  return new URL(path, siteUrl).href;
}

/** A notice's own page (its permalink), absolute. */
export function noticeUrl(id: string, siteUrl: string | URL): string {
  return absoluteUrl(noticePath(id), siteUrl);
}

/**
 * When a notice last changed, as far as the document tells: the latest of its start, its updates and its resolved
 * time that had happened when the document was published. Planned work announced ahead has none yet, and then it
 * is the document's own time: a feed dated in the future would sort above everything and say nothing true.
 */
export function lastChanged(notice: Pick<PublishedNotice, 'start' | 'updates' | 'resolved'>, publishedAt: Date): Date {
  const times = [notice.start, ...notice.updates.map((update) => update.at), ...(notice.resolved === undefined ? [] : [notice.resolved])]
    .map((text) => new Date(text))
    .filter((time) => time <= publishedAt);
  return times.length === 0 ? publishedAt : new Date(Math.max(...times.map((time) => time.getTime())));
}

/** The newest update: the document lists them newest first, but a feed must not depend on that. */
export function latestUpdate(notice: Pick<PublishedNotice, 'updates'>): PublishedNotice['updates'][number] | undefined {
  return [...notice.updates].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0];
}

/** «Fra 8. desember 2026 kl. 22:00. Ventes over 9. desember 2026 kl. 02:00.» */
export function noticeTimes(notice: Pick<PublishedNotice, 'start' | 'expectedEnd' | 'resolved'>): string {
  const parts = [`Fra ${formatOsloTime(new Date(notice.start))}.`];
  if (notice.resolved !== undefined) parts.push(`Avsluttet ${formatOsloTime(new Date(notice.resolved))}.`);
  else if (notice.expectedEnd !== undefined) parts.push(`Ventes over ${formatOsloTime(new Date(notice.expectedEnd))}.`);
  return parts.join(' ');
}

export function serviceList(notice: Pick<PublishedNotice, 'services'>, serviceNames: FeedInput['serviceNames']): string {
  return notice.services.map((id) => serviceNames[id]).join(', ');
}

export function areaLine(notice: Pick<PublishedNotice, 'areas'>): string | undefined {
  if (notice.areas.length === 0) return undefined;
  return `${notice.areas.length === 1 ? 'Område' : 'Områder'}: ${notice.areas.join(', ')}`;
}

/** The notice as a feed reader shows it: what and where, when, the latest update, then its own text. */
export function noticeSummaryHtml(notice: PublishedNotice, { siteUrl, serviceNames }: Omit<FeedInput, 'document'>): string {
  const update = latestUpdate(notice);
  const area = areaLine(notice);
  return [
    `<p><strong>${escapeXml(SEVERITY[notice.severity].label)}</strong> · ${escapeXml(serviceList(notice, serviceNames))}</p>`,
    ...(area === undefined ? [] : [`<p>${escapeXml(area)}</p>`]),
    `<p>${escapeXml(noticeTimes(notice))}</p>`,
    ...(update === undefined ? [] : [`<p><strong>Siste oppdatering ${escapeXml(formatOsloTime(new Date(update.at)))}:</strong> ${escapeXml(update.text)}</p>`]),
    absoluteLinks(notice.html, siteUrl),
  ].join('\n');
}

/** Newest change first: an update brings a notice back to the top. */
function byLastChange(document: NoticesDocument): { notice: PublishedNotice; changed: Date }[] {
  const publishedAt = new Date(document.publishedAt);
  return document.notices
    .map((notice) => ({ notice, changed: lastChanged(notice, publishedAt) }))
    .sort((a, b) => b.changed.getTime() - a.changed.getTime() || a.notice.id.localeCompare(b.notice.id));
}

/** When the feed as a whole last changed: its newest entry, or the document's time when it has none. */
function feedUpdated(entries: { changed: Date }[], document: NoticesDocument): Date {
  return entries[0]?.changed ?? new Date(document.publishedAt);
}

/** RSS 2.0 with the Atom namespace for its own address (rel=self), which feed validators ask for. */
export function rssFeed(input: FeedInput): string {
  const { document, siteUrl, serviceNames } = input;
  const entries = byLastChange(document);
  const items = entries.map(({ notice, changed }) => {
    const link = noticeUrl(notice.id, siteUrl);
    return [
      '    <item>',
      `      <title>${escapeXml(notice.title)}</title>`,
      `      <link>${escapeXml(link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(link)}</guid>`,
      `      <pubDate>${changed.toUTCString()}</pubDate>`,
      `      <category>${escapeXml(SEVERITY[notice.severity].label)}</category>`,
      ...notice.services.map((id) => `      <category>${escapeXml(serviceNames[id])}</category>`),
      `      <description>${escapeXml(noticeSummaryHtml(notice, { siteUrl, serviceNames }))}</description>`,
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(FEED_TITLE)}</title>`,
    `    <link>${escapeXml(absoluteUrl(NOTICES_PATH, siteUrl))}</link>`,
    `    <description>${escapeXml(FEED_DESCRIPTION)}</description>`,
    '    <language>nb</language>',
    `    <lastBuildDate>${feedUpdated(entries, document).toUTCString()}</lastBuildDate>`,
    `    <atom:link href="${escapeXml(absoluteUrl(NOTICE_FEED_PATHS.rss, siteUrl))}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** Atom 1.0: each entry's `updated` is when the notice last changed, the feed's its newest entry's. */
export function atomFeed(input: FeedInput): string {
  const { document, siteUrl, serviceNames } = input;
  const entries = byLastChange(document);
  const self = absoluteUrl(NOTICE_FEED_PATHS.atom, siteUrl);
  const items = entries.map(({ notice, changed }) => {
    const link = noticeUrl(notice.id, siteUrl);
    return [
      '  <entry>',
      `    <id>${escapeXml(link)}</id>`,
      `    <title>${escapeXml(notice.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <updated>${changed.toISOString()}</updated>`,
      `    <category term="${notice.severity}" label="${escapeXml(SEVERITY[notice.severity].label)}"/>`,
      ...notice.services.map((id) => `    <category term="${id}" label="${escapeXml(serviceNames[id])}"/>`),
      `    <content type="html">${escapeXml(noticeSummaryHtml(notice, { siteUrl, serviceNames }))}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nb">',
    `  <id>${escapeXml(self)}</id>`,
    `  <title>${escapeXml(FEED_TITLE)}</title>`,
    `  <subtitle>${escapeXml(FEED_DESCRIPTION)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(NOTICES_PATH, siteUrl))}"/>`,
    `  <updated>${feedUpdated(entries, document).toISOString()}</updated>`,
    `  <author><name>${escapeXml(words('nb').siteName)}</name></author>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}

/** Text for an XML element or attribute; characters XML 1.0 cannot carry at all are left out. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The notice's HTML with its site-relative links (`/meld-feil/radio/`) made absolute: a feed reader shows the text
 * on another site, where a relative link leads nowhere. The HTML is the site's own processor's, which always
 * quotes attributes with double quotes.
 */
export function absoluteLinks(html: string, siteUrl: string | URL): string {
  const origin = new URL(siteUrl).origin;
  return html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${origin}/`);
}
