import { deskPhoneNumber } from './desk-phone.ts';
import { fallbackSearch, type SearchHit } from './search-fallback.ts';

interface PagefindResult {
  data(): Promise<{ url: string; meta: Record<string, string | undefined>; excerpt: string }>;
}
interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

/** Pagefind's module, once loaded: only its `search` is used. */
const isPagefind = (module: unknown): module is Pagefind =>
  typeof module === 'object' && module !== null && 'search' in module && typeof module.search === 'function';

// The search page is built with each of these (pages/sok/index.astro).
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = document.querySelector<HTMLInputElement>('#search-q')!;
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
let pagefind: Promise<Pagefind | undefined> | undefined;

// Pagefind is loaded on the first search only, so a reader who never searches downloads none of it.
function loadPagefind(): Promise<Pagefind | undefined> {
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url).then(
    (module: unknown) => (isPagefind(module) ? module : undefined),
    () => undefined,
  );
  return pagefind;
}

async function pagefindSearch(query: string): Promise<SearchHit[] | undefined> {
  const engine = await loadPagefind();
  if (!engine) return undefined;
  try {
    const { results } = await engine.search(query);
    const pages = await Promise.all(results.slice(0, 20).map((result) => result.data()));
    return pages.map((page) => ({ url: page.url, title: page.meta.title ?? page.url, summary: page.meta.summary ?? '' }));
  } catch {
    return undefined;
  }
}

function show(query: string, hits: SearchHit[]) {
  list.replaceChildren(
    ...hits.map((hit) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.className = 'ds-link';
      link.href = hit.url;
      link.textContent = hit.title;
      const summary = document.createElement('p');
      summary.textContent = hit.summary;
      item.append(link, summary);
      return item;
    }),
  );
  status.textContent =
    hits.length === 0
      ? `Fant ingen treff på «${query}». Prøv et annet ord, eller ring ${deskPhoneNumber()} hvis det haster.`
      : `${hits.length} treff på «${query}»`;
}

async function run(query: string) {
  if (!query.trim()) return;
  status.textContent = 'Søker …';
  const pagefindHits = await pagefindSearch(query);
  // Which engine answered, for whoever debugs a search: Pagefind needs 'wasm-unsafe-eval' in the CSP.
  list.dataset.engine = pagefindHits ? 'pagefind' : 'index';
  show(query, pagefindHits ?? (await fallbackSearch(query)));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input.value;
  history.replaceState(null, '', `?q=${encodeURIComponent(query)}`);
  void run(query);
});

const initial = new URLSearchParams(location.search).get('q') ?? '';
input.value = initial;
void run(initial);
