import type { NoticesDocument, PublishedNotice } from '../../functions/core/notices-document.ts';
import { escapeHtml } from '../../functions/core/html.ts';
import { NOTICE_ARCHIVE_PATH, NOTICE_FEED_PATHS, NOTICES_PATH, SUBSCRIBE_PATH } from '../../functions/core/notice-paths.ts';
import { attributesHtml, listShowsAnything, noticeListAttributes, type NoticeListSpec, type NoticeRenderContext } from './lists.ts';
import { noticeItemsHtml, type NoticePageParts } from './render.ts';

/** The pages that list notices: /driftsmeldinger/ (now, planned, how to follow) and the archive. */

/** A list as a section: its heading, its items, and what it says when it is empty. */
interface ListSection {
  spec: NoticeListSpec;
  heading: { id: string; text: string };
  empty: string;
}

const ONGOING: ListSection = {
  spec: { kind: 'ongoing', style: 'card' },
  heading: { id: 'active-heading', text: 'Pågår nå' },
  empty: 'Ingen kjente driftsforstyrrelser akkurat nå.',
};
const PLANNED: ListSection = {
  spec: { kind: 'planned', style: 'card' },
  heading: { id: 'planned-heading', text: 'Planlagt' },
  empty: 'Ikke noe planlagt arbeid.',
};

function listSectionHtml(
  { spec, heading, empty }: ListSection,
  notices: readonly PublishedNotice[],
  context: NoticeRenderContext,
  now: Date,
  options: Parameters<typeof noticeListAttributes>[1] = {},
): string {
  const shows = listShowsAnything(spec, notices, now);
  return [
    `<section${attributesHtml({ 'aria-labelledby': heading.id, ...noticeListAttributes(spec, options) })}>`,
    `<h2 id="${heading.id}">${escapeHtml(heading.text)}</h2>`,
    `<div class="notice-list" data-notice-items>${noticeItemsHtml(spec, notices, context, now)}</div>`,
    `<p${attributesHtml({ 'data-notice-empty': true, hidden: shows })}>${escapeHtml(empty)}</p>`,
    '</section>',
  ].join('\n');
}

function callDeskHtml(context: NoticeRenderContext): string {
  return `<p class="notice-call">Haster det, eller merker du noe som ikke står her? Ring Servicedesk på <a class="ds-link" href="${escapeHtml(context.deskPhone.href)}">${escapeHtml(context.deskPhone.number)}</a>.</p>`;
}

export const NOTICES_TITLE = 'Driftsmeldinger';
export const NOTICE_ARCHIVE_TITLE = 'Arkiv for driftsmeldinger';

/**
 * /driftsmeldinger/: what is going on now and what is planned, by the moment `now`, then the ways to follow the
 * notices (e-mail, feeds, calendar) and the archive. The page script redraws both lists by the reader's clock.
 */
export function noticesIndexPage(document: Pick<NoticesDocument, 'notices'>, context: NoticeRenderContext, now: Date): NoticePageParts {
  const body = [
    `<h1>${NOTICES_TITLE}</h1>`,
    `<p>Kjente driftsforstyrrelser og planlagt arbeid. Når en melding er over, flyttes den til <a class="ds-link" href="${NOTICE_ARCHIVE_PATH}">arkivet</a>.</p>`,
    // The first list carries the page's render context, for the page script that redraws both.
    listSectionHtml(ONGOING, document.notices, context, now, { context }),
    listSectionHtml(PLANNED, document.notices, context, now),
    callDeskHtml(context),
    '<section aria-labelledby="follow-heading">',
    '<h2 id="follow-heading">Følg med</h2>',
    '<ul class="notice-follow">',
    `<li><a class="ds-link" href="${SUBSCRIBE_PATH}">Abonner på e-post</a>: få nye meldinger og oppdateringer for tjenestene du velger.</li>`,
    `<li>Nyhetsstrøm: <a class="ds-link" href="${NOTICE_FEED_PATHS.rss}">RSS</a> eller <a class="ds-link" href="${NOTICE_FEED_PATHS.atom}">Atom</a>.</li>`,
    `<li><a class="ds-link" href="${NOTICE_FEED_PATHS.calendar}">Kalender med planlagt arbeid</a> (iCalendar), for kalenderen din.</li>`,
    `<li><a class="ds-link" href="${NOTICE_ARCHIVE_PATH}">Arkiv</a>: meldinger som er over.</li>`,
    '</ul>',
    '</section>',
  ].join('\n');
  return { title: NOTICES_TITLE, description: 'Kjente driftsforstyrrelser og planlagt arbeid på Nødnett og kontrollrommene i helsetjenesten.', body };
}

/**
 * /driftsmeldinger/arkiv/: every notice that is over, the one that ended last first. The page itself is found by
 * search; each notice is found as its own page, so the list is left out of the index.
 */
export function noticeArchivePage(document: Pick<NoticesDocument, 'notices'>, context: NoticeRenderContext, now: Date): NoticePageParts {
  const spec: NoticeListSpec = { kind: 'archive', style: 'card', headingLevel: 2 };
  const shows = listShowsAnything(spec, document.notices, now);
  const body = [
    '<div data-pagefind-body>',
    `<h1>${NOTICE_ARCHIVE_TITLE}</h1>`,
    `<p data-pagefind-meta="summary">Driftsmeldinger som er over, den som sist ble avsluttet først. Det som pågår eller er planlagt, står på <a class="ds-link" href="${NOTICES_PATH}">Driftsmeldinger</a>.</p>`,
    `<div${attributesHtml(noticeListAttributes(spec, { context }))}>`,
    `<div class="notice-list" data-notice-items data-pagefind-ignore>${noticeItemsHtml(spec, document.notices, context, now)}</div>`,
    `<p${attributesHtml({ 'data-notice-empty': true, hidden: shows })}>Ingen driftsmeldinger er avsluttet ennå.</p>`,
    '</div>',
    '</div>',
  ].join('\n');
  return { title: NOTICE_ARCHIVE_TITLE, description: 'Driftsmeldinger som er over: utfall, forstyrrelser og planlagt arbeid som er avsluttet.', body };
}
