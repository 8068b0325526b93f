import type { PublishedNotice } from '../../../functions/core/notices-document.ts';
import { NOTICES_DOCUMENT_PATH } from '../../../functions/core/notice-paths.ts';
import { listSpecOf, noticeKey, noticeLineHtml, noticesInList, type NoticeListSpec } from '../../notices/lists.ts';
import { liveDocumentSchema } from '../../notices/live-schema.ts';

/**
 * The site is static: a notice drawn at build time would stay up after it ends, and one published since (by
 * scripts/publish-notices.ts, in minutes, while the site is rebuilt seldom) would not be there. So, on every page
 * with notices:
 *
 * 1. By the reader's clock, hide each notice outside its window (data-show-from, data-show-until: site/notices/
 *    lists.ts), show planned work once it begins, and hide or explain a list left empty.
 * 2. Fetch the published notices (/driftsmeldinger/meldinger.json), check them, and draw each list again with the
 *    site's renderer. An element whose key matches what would be drawn stays as built (with the build's soft
 *    hyphens, and whatever the page added to it), so only what changed moves. Anything wrong (offline, an old or
 *    broken document) leaves the page as built.
 *
 * This file draws the report form's one-line items only, which keeps the form's JavaScript small; pages with cards
 * or a notice's own page load notices-live.ts, which draws those with the full renderer.
 */

export function applyClock(root: ParentNode, now: number): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-notice]')) {
    const from = element.dataset.showFrom ? Date.parse(element.dataset.showFrom) : -Infinity;
    const until = element.dataset.showUntil ? Date.parse(element.dataset.showUntil) : Infinity;
    element.hidden = !(from <= now && now < until);
  }
  for (const list of root.querySelectorAll<HTMLElement>('[data-notice-list]')) {
    const shows = list.querySelector('[data-notice]:not([hidden])') !== null;
    const empty = list.querySelector<HTMLElement>('[data-notice-empty]');
    if (empty) empty.hidden = shows;
    if (list.dataset.noticeHideEmpty !== undefined) list.hidden = !shows;
  }
}

/** How a page draws notices: an item of a list (undefined: this page cannot draw that style), and its own page. */
export interface NoticeDrawing {
  item(spec: NoticeListSpec, notice: PublishedNotice, now: Date): string | undefined;
  page?(element: HTMLElement, notices: readonly PublishedNotice[]): void;
}

export const LINES_ONLY: NoticeDrawing = {
  item: (spec, notice, now) => (spec.style === 'line' ? noticeLineHtml(notice, now, spec) : undefined),
};

async function latestNotices(): Promise<PublishedNotice[] | undefined> {
  try {
    const response = await fetch(NOTICES_DOCUMENT_PATH, { cache: 'no-store' });
    if (!response.ok) return undefined;
    const parsed = liveDocumentSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.notices : undefined;
  } catch {
    return undefined;
  }
}

export function elementOf(html: string): Element | undefined {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild ?? undefined;
}

/** A list drawn again: the built element kept where its key matches, a new one where the notice is new or changed. */
function redrawList(list: HTMLElement, spec: NoticeListSpec, notices: readonly PublishedNotice[], drawing: NoticeDrawing, now: Date): void {
  const holder = list.querySelector<HTMLElement>('[data-notice-items]') ?? list;
  const built = [...holder.children].filter((child): child is HTMLElement => child instanceof HTMLElement && child.dataset.notice !== undefined);
  const byId = new Map(built.map((element) => [element.dataset.notice, element]));
  const next: Element[] = [];
  for (const notice of noticesInList(spec, notices, now)) {
    const kept = byId.get(notice.id);
    if (kept && kept.dataset.noticeKey === noticeKey(notice, spec.style)) {
      next.push(kept);
      continue;
    }
    const html = drawing.item(spec, notice, now);
    if (html === undefined) return;
    const element = elementOf(html);
    if (element) next.push(element);
  }
  if (next.length === built.length && next.every((element, index) => element === built[index])) return;
  for (const element of built) element.remove();
  // The items come first in their holder: a card list may have more after them, a form's list has nothing else.
  holder.prepend(...next);
}

export async function refreshNotices(root: Document, drawing: NoticeDrawing): Promise<void> {
  const notices = await latestNotices();
  if (!notices) {
    root.documentElement.dataset.noticesLive = 'unavailable';
    return;
  }
  const now = new Date();
  for (const list of root.querySelectorAll<HTMLElement>('[data-notice-list]')) {
    const spec = listSpecOf(list.dataset);
    if (spec) redrawList(list, spec, notices, drawing, now);
  }
  const page = root.querySelector<HTMLElement>('[data-notice-page]');
  if (page && drawing.page) drawing.page(page, notices);
  applyClock(root, now.getTime());
  // For tests and anyone watching: the lists are as the latest published notices say.
  root.documentElement.dataset.noticesLive = 'ready';
}

applyClock(document, Date.now());
if (document.querySelector('[data-notice-list]') && !document.querySelector('[data-notice-style="card"], [data-notice-page]')) {
  void refreshNotices(document, LINES_ONLY);
}
