import { allNotices, publishedArticles } from '../../lib/content.ts';

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
  const notices = (await allNotices()).map((notice) => ({
    url: `/driftsmeldinger/#${notice.id}`,
    title: notice.data.title,
    summary: 'Driftsmelding',
    text: notice.body ?? '',
  }));
  return new Response(JSON.stringify([...articles, ...notices]), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
