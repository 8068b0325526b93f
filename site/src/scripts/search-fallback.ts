export interface SearchHit {
  url: string;
  title: string;
  summary: string;
}

interface IndexEntry extends SearchHit {
  text: string;
}

/** An entry of /sok/indeks.json (pages/sok/indeks.json.ts); anything else in it is left out. */
const isIndexEntry = (entry: unknown): entry is IndexEntry =>
  typeof entry === 'object' &&
  entry !== null &&
  'url' in entry &&
  typeof entry.url === 'string' &&
  'title' in entry &&
  typeof entry.title === 'string' &&
  'summary' in entry &&
  typeof entry.summary === 'string' &&
  'text' in entry &&
  typeof entry.text === 'string';

/** Every word of the query must occur; a hit in the title counts most. */
export async function fallbackSearch(query: string): Promise<SearchHit[]> {
  const response = await fetch('/sok/indeks.json');
  const body: unknown = await response.json();
  const index = Array.isArray(body) ? body.filter(isIndexEntry) : [];
  const terms = query.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean);
  return index
    .map((entry) => {
      const title = entry.title.toLocaleLowerCase('nb');
      const all = `${title} ${entry.summary} ${entry.text}`.toLocaleLowerCase('nb');
      const matches = terms.every((term) => all.includes(term));
      return { entry, score: matches ? terms.filter((term) => title.includes(term)).length * 10 + 1 : 0 };
    })
    .filter((scored) => scored.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 20)
    .map(({ entry }) => ({ url: entry.url, title: entry.title, summary: entry.summary }));
}
