import { noticePath } from '../../../../functions/core/notice-paths.ts';
import { noticesDocument, publishedArticles } from '../../lib/content.ts';

/**
 * A plain index for when Pagefind cannot run: Pagefind needs WebAssembly, which a Content-Security-Policy
 * without 'wasm-unsafe-eval' blocks. Titles, summaries and text only; the search page falls back to it.
 */
export async function GET() {
  const articles = (await publishedArticles()).map((article) => ({
    url: `/artikler/${article.id}/`,
    title: article.data.title,
    summary: article.data.summary,
    text: [article.data.tags.join(' '), article.body ?? ''].join(' '),
  }));
  // Each notice at its own page, with its text and updates as words (the published HTML without its tags).
  const notices = (await noticesDocument()).notices.map((notice) => ({
    url: noticePath(notice.id),
    title: notice.title,
    summary: 'Driftsmelding',
    text: [notice.areas.join(' '), notice.html.replace(/<[^>]*>/g, ' '), ...notice.updates.map((update) => update.text)].join(' ').replace(/\s+/g, ' ').trim(),
  }));
  return new Response(JSON.stringify([...articles, ...notices]), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
