import { isJsonObject } from '../../../functions/vocabulary/json-guards.ts';

/** Articles that may solve the problem, found while the reporter types the summary. Pagefind loads on the first search only. */

interface PagefindResult {
  data(): Promise<{ url: string; meta: Record<string, string | undefined> }>;
}
interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

/** Pagefind's module, once loaded: only its `search` is used. */
const isPagefind = (module: unknown): module is Pagefind => isJsonObject(module) && typeof module.search === 'function';

let pagefind: Promise<Pagefind | undefined> | undefined;
function loadPagefind(): Promise<Pagefind | undefined> {
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url).then(
    (module: unknown) => (isPagefind(module) ? module : undefined),
    () => undefined,
  );
  return pagefind;
}

async function topArticles(query: string): Promise<{ url: string; title: string }[]> {
  const engine = await loadPagefind();
  if (!engine) return [];
  try {
    const { results } = await engine.search(query);
    const pages = await Promise.all(results.slice(0, 6).map((result) => result.data()));
    return pages
      .filter((page) => page.url.startsWith('/artikler/'))
      .slice(0, 3)
      .map((page) => ({ url: page.url, title: page.meta.title ?? page.url }));
  } catch {
    return [];
  }
}

function articleItem(hit: { url: string; title: string }): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.className = 'ds-link';
  link.href = hit.url;
  link.target = '_blank';
  link.textContent = `${hit.title} (åpnes i ny fane)`;
  item.append(link);
  return item;
}

export function deflectWhileTyping(input: HTMLInputElement | HTMLTextAreaElement, serviceName: string): void {
  const section = document.querySelector<HTMLElement>('[data-deflect]');
  const list = document.querySelector<HTMLUListElement>('[data-deflect-list]');
  const status = document.querySelector<HTMLElement>('[data-deflect-status]');
  if (!section || !list || !status) return;
  // The service's own articles, shown before anything is typed, come back when a search finds nothing.
  const initial = Array.from(list.children);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    // topArticles answers [] on any failure, so the promise never rejects.
    timer = setTimeout(() => {
      void (async () => {
        const query = input.value.trim();
        if (query.length < 4 || query === last) return;
        last = query;
        const hits = await topArticles(`${query} ${serviceName}`);
        const items = hits.length === 0 ? initial : hits.map(articleItem);
        list.replaceChildren(...items);
        section.hidden = items.length === 0;
        status.textContent = hits.length === 0 ? '' : `${hits.length} artikler som kanskje løser det, under feltet.`;
      })();
    }, 500);
  });
}
