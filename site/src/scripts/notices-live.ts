import { liveContextSchema } from '../../notices/live-context-schema.ts';
import { noticeItemHtml, noticeKey, noticeLineHtml, noticePage, type NoticeRenderContext } from '../../notices/render.ts';
import { elementOf, refreshNotices } from './notices.ts';

/**
 * The notices on a page with cards or a notice's own page, drawn again from the latest published notices with the
 * full renderer (site/notices/render.ts): notices.ts does the fetching, checking and keeping of what did not change.
 */

function contextOf(root: ParentNode): NoticeRenderContext | undefined {
  const text = root.querySelector<HTMLElement>('[data-notice-context]')?.dataset.noticeContext;
  if (text === undefined) return undefined;
  try {
    const parsed = liveContextSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const context = contextOf(document);

void refreshNotices(document, {
  // Without the context (services' names) a card cannot be drawn: the list stays as built.
  item: (spec, notice, now) => (spec.style === 'line' ? noticeLineHtml(notice, now, spec) : context && noticeItemHtml(spec, notice, context, now)),
  page(element, notices) {
    const notice = notices.find((candidate) => candidate.id === element.dataset.noticePage);
    if (!notice || !context || element.dataset.noticeKey === noticeKey(notice, 'page')) return;
    const parts = noticePage(notice, context);
    const fresh = elementOf(parts.body);
    if (!fresh) return;
    element.replaceWith(fresh);
    document.title = document.title.replace(/^.*(?= – )/, parts.title);
  },
});
