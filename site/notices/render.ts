import type { PublishedNotice } from '../../functions/core/notices-document.ts';
import { escapeHtml } from '../../functions/core/html.ts';
import { affectedPagePath, NOTICES_PATH, noticePath } from '../../functions/core/notice-paths.ts';
import type { ServiceId } from '../../functions/core/service-ids.ts';
import { formatOsloTime } from '../../functions/core/oslo-time.ts';
import { SEVERITY } from '../src/lib/notice-labels.ts';
import { phoneNumbersLinked } from '../src/lib/phone-links.ts';
import {
  attributesHtml,
  clockAttributes,
  takesAffectedSites,
  noticeKey,
  noticeLineHtml,
  noticesInList,
  type Attributes,
  type NoticeListSpec,
  type NoticeRenderContext,
} from './lists.ts';

export * from './lists.ts';

/**
 * The one renderer of driftsmeldinger: cards and lines for the lists, a notice's own page, the list page and the
 * archive, as HTML strings from the published notices document (functions/core/notices-document.ts). The Astro
 * pages insert them with set:html, scripts/publish-notices.ts fills the site's template pages with them, and the
 * page script (src/scripts/notices-live.ts) draws a notice published after the last build with them. So this file
 * runs in the browser too: it imports no Node module and no zod (the type imports above cost nothing).
 *
 * What a notice's own page says depends on the notice alone, never on the moment it is drawn: the page a publish
 * writes is then byte for byte the page the build wrote. Which list a notice is in depends on the moment.
 */

export type { NoticeRenderContext } from './lists.ts';

/** The context from the catalog: the services in their order and the contact data's phone numbers. */
export function noticeRenderContext(
  services: readonly { id: ServiceId; name: string }[],
  contact: { channels: readonly { kind: string; value: string }[]; otherDesks: readonly { kind: string; value: string }[] },
  deskPhone: { number: string; href: string },
): NoticeRenderContext {
  const phoneNumbers = [...new Set([...contact.channels, ...contact.otherDesks].filter((channel) => channel.kind === 'phone').map((channel) => channel.value))];
  return { serviceNames: Object.fromEntries(services.map((service) => [service.id, service.name])), phoneNumbers, deskPhone };
}

const osloYear = new Intl.DateTimeFormat('nb-NO', { year: 'numeric', timeZone: 'Europe/Oslo' });
const withoutYear = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' });

/** «24. november 2026 kl. 09:30», Oslo time, in a <time> element. */
function timeHtml(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatOsloTime(new Date(iso)))}</time>`;
}

/** «24. november kl. 09:30»: an update in the same year as the notice began needs no year. */
function shortTimeHtml(iso: string, sameYearAs: string): string {
  const date = new Date(iso);
  const text = osloYear.format(date) === osloYear.format(new Date(sameYearAs)) ? withoutYear.format(date) : formatOsloTime(date);
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(text)}</time>`;
}

const andList = new Intl.ListFormat('nb', { type: 'conjunction' });

function servicesText(notice: PublishedNotice, context: NoticeRenderContext): string {
  return andList.format(notice.services.map((id) => context.serviceNames[id] ?? id));
}

function areasText(notice: PublishedNotice): string | undefined {
  if (notice.areas.length === 0) return undefined;
  return `${notice.areas.length === 1 ? 'Område' : 'Områder'}: ${andList.format(notice.areas)}`;
}

/** «Fra 20. november 2026 kl. 06:00. Ventes over 15. januar 2027 kl. 16:00.», or «… Løst …» once it is resolved. */
function timesHtml(notice: PublishedNotice): string {
  const parts = [`Fra ${timeHtml(notice.start)}.`];
  if (notice.resolved !== undefined) parts.push(`Løst ${timeHtml(notice.resolved)}.`);
  else if (notice.expectedEnd !== undefined) parts.push(`Ventes over ${timeHtml(notice.expectedEnd)}.`);
  return parts.join(' ');
}

/** An editor's text or an update with every phone number of the contact data a link to call it. */
function withPhoneLinks(html: string, context: NoticeRenderContext): string {
  // phoneNumbersLinked reads only each channel's kind and value.
  const channels = context.phoneNumbers.map((value) => ({
    id: value,
    name: value,
    kind: 'phone' as const,
    value,
    use: '',
    hours: { alwaysOpen: true, periods: [], exceptions: [], description: '' },
  }));
  return phoneNumbersLinked(html, { channels, otherDesks: [] });
}

/**
 * A notice in a list: a Designsystemet alert in its severity's colour, its title a link to its own page, then what
 * kind of notice it is and which services, the areas, its times, and when it was last updated. Its text is on its
 * page: a list of several notices stays short enough to read on a phone.
 */
export function noticeCardHtml(
  notice: PublishedNotice,
  context: NoticeRenderContext,
  now: Date,
  spec: NoticeListSpec = { kind: 'ongoing', style: 'card' },
): string {
  const severity = SEVERITY[notice.severity];
  const level = spec.headingLevel ?? 3;
  const attributes: Attributes = {
    class: 'ds-alert notice-card',
    // Old links and feeds point at /driftsmeldinger/#<id>.
    id: spec.kind === 'archive' ? undefined : notice.id,
    'data-color': severity.color,
    'data-notice': notice.id,
    'data-notice-key': noticeKey(notice, 'card'),
    ...clockAttributes(spec, notice, now),
  };
  const areas = areasText(notice);
  const latest = notice.updates[0];
  return [
    `<article${attributesHtml(attributes)}>`,
    `<h${level}><a class="ds-link" href="${escapeHtml(noticePath(notice.id))}">${escapeHtml(notice.title)}</a></h${level}>`,
    `<p class="notice-what"><strong>${escapeHtml(severity.label)}</strong> · ${escapeHtml(servicesText(notice, context))}</p>`,
    areas === undefined ? '' : `<p class="notice-areas">${escapeHtml(areas)}</p>`,
    `<p class="notice-times">${timesHtml(notice)}</p>`,
    latest === undefined ? '' : `<p class="notice-updated">Sist oppdatert ${timeHtml(latest.at)}.</p>`,
    '</article>',
  ].join('');
}

/** An item of a list, in the list's style. */
export function noticeItemHtml(spec: NoticeListSpec, notice: PublishedNotice, context: NoticeRenderContext, now: Date): string {
  return spec.style === 'line' ? noticeLineHtml(notice, now, spec) : noticeCardHtml(notice, context, now, spec);
}

/** Every item of a list at `now`. */
export function noticeItemsHtml(spec: NoticeListSpec, notices: readonly PublishedNotice[], context: NoticeRenderContext, now: Date): string {
  return noticesInList(spec, notices, now)
    .map((notice) => noticeItemHtml(spec, notice, context, now))
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// A notice's own page (the list pages: list-pages.ts)

/** A page's words for its <title> and description, and its contents (what goes in <main>). */
export interface NoticePageParts {
  title: string;
  description: string;
  body: string;
}

/** The updates, newest first, with «Løst» above them once it is resolved. */
function updatesHtml(notice: PublishedNotice, context: NoticeRenderContext): string {
  const updates = [...notice.updates].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  if (updates.length === 0 && notice.resolved === undefined) return '';
  const items = updates.map(
    (update) =>
      `<li class="notice-update"><h3>Oppdatering ${shortTimeHtml(update.at, notice.start)}</h3><p>${withPhoneLinks(escapeHtml(update.text), context)}</p></li>`,
  );
  if (notice.resolved !== undefined)
    items.unshift(`<li class="notice-update notice-resolved"><h3>Løst ${shortTimeHtml(notice.resolved, notice.start)}</h3></li>`);
  return [
    '<section class="notice-updates" aria-labelledby="notice-updates-heading">',
    '<h2 id="notice-updates-heading">Oppdateringer</h2>',
    `<ol class="plain-list">${items.join('')}</ol>`,
    '</section>',
  ].join('\n');
}

/** The facts under what kind of notice it is and its services: where, and when, as a list of terms. */
function factsHtml(notice: PublishedNotice): string {
  const facts: [string, string][] = [];
  if (notice.areas.length > 0) facts.push([notice.areas.length === 1 ? 'Område' : 'Områder', escapeHtml(andList.format(notice.areas))]);
  facts.push(['Fra', timeHtml(notice.start)]);
  if (notice.expectedEnd !== undefined) facts.push([notice.resolved === undefined ? 'Ventes over' : 'Ventet over', timeHtml(notice.expectedEnd)]);
  if (notice.resolved !== undefined) facts.push(['Løst', timeHtml(notice.resolved)]);
  return `<dl class="notice-facts">${facts.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
}

/** What a notice's own page says in a sentence: search results and link previews show it. */
function noticeSummary(notice: PublishedNotice, context: NoticeRenderContext): string {
  return `${SEVERITY[notice.severity].label}: ${servicesText(notice, context)}. Fra ${formatOsloTime(new Date(notice.start))}.`;
}

/** On a fault's page while it is not resolved: the way to add one's control room instead of sending a report. */
function affectedActionHtml(notice: PublishedNotice): string {
  if (!takesAffectedSites(notice)) return '';
  const link = `<a class="ds-button" data-variant="secondary" href="${escapeHtml(affectedPagePath(notice.id))}">Vi er også rammet</a>`;
  return `<p class="notice-affected-action">${link} <span>Merker dere det samme? Legg dere til, så slipper dere å sende en egen melding.</span></p>`;
}

/**
 * A notice's own page (core/notice-paths.ts noticePath), also once it is over: its title, a box in its severity's
 * colour with the facts, its text, and its updates newest first. Searchable (data-pagefind-body), like an article.
 */
export function noticePage(notice: PublishedNotice, context: NoticeRenderContext): NoticePageParts {
  const severity = SEVERITY[notice.severity];
  const body = [
    `<article${attributesHtml({ class: 'notice-page', 'data-pagefind-body': true, 'data-notice-page': notice.id, 'data-notice-key': noticeKey(notice, 'page'), 'data-notice-context': JSON.stringify(context) })}>`,
    `<h1>${escapeHtml(notice.title)}</h1>`,
    `<div class="ds-alert notice-summary" data-color="${severity.color}">`,
    `<p class="notice-what" data-pagefind-meta="summary"><strong>${escapeHtml(severity.label)}</strong> · ${escapeHtml(servicesText(notice, context))}</p>`,
    factsHtml(notice),
    '</div>',
    affectedActionHtml(notice),
    `<div class="notice-text">${withPhoneLinks(notice.html, context)}</div>`,
    updatesHtml(notice, context),
    '</article>',
    `<p class="notice-more"><a class="ds-link" href="${NOTICES_PATH}">Alle driftsmeldinger</a></p>`,
  ]
    .filter((part) => part !== '')
    .join('\n');
  return { title: notice.title, description: noticeSummary(notice, context), body };
}
