import { table } from './markdown-table.ts';
import type { BenchResults } from './results.ts';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const s1 = (seconds = 0) => seconds.toFixed(1);
const x2 = (value?: number) => (value ? value.toFixed(2) : '–');
const SITE_NAMES = { ours: 'Serviceportal', starlight: 'Starlight' } as const;
const PART_NAMES = {
  script: 'skript',
  wasm: 'wasm',
  entry: 'inngang',
  meta: 'meta',
  index: 'indeks',
  filter: 'filter',
  fragment: 'utdrag',
  other: 'annet',
} as const;
const partsOf = (search: BenchResults['search'][number]) =>
  Object.entries(search.parts ?? {})
    .sort(([, a], [, b]) => b.gzipBytes - a.gzipBytes)
    .map(([part, sum]) => `${PART_NAMES[part as keyof typeof PART_NAMES]} ${kb(sum.gzipBytes)} (${sum.requests})`)
    .join(', ') || '–';

/** The build tables: ours against bare Astro and Starlight, every build's own row, and Sätteri against remark/rehype. */
export function buildSections(results: Pick<BenchResults, 'builds' | 'buildRows' | 'markdown'>): string[] {
  const parts: string[] = [];
  if (results.builds.length === 0) return parts;
  parts.push('## Bygging: vår side mot bar Astro og Starlight (samme artikler)');
  parts.push(
    table(
      [
        'Artikler',
        'Vår tid med søk (s)',
        'Bar Astro (s)',
        'Tid ×',
        'CPU ×',
        'Starlight med søk (s)',
        'Vår ÷ Starlight',
        'CPU ÷ Starlight',
        'Vårt minne (MB)',
        'Bar Astro (MB)',
        'Starlight (MB)',
      ],
      results.builds.map((b) => [
        b.articles,
        s1(b.oursSeconds),
        s1(b.bareSeconds),
        x2(b.timeRatio),
        x2(b.cpuRatio),
        b.starlightSeconds === undefined ? '–' : s1(b.starlightSeconds),
        x2(b.starlightRatio),
        x2(b.starlightCpuRatio),
        b.oursPeakMegabytes,
        b.barePeakMegabytes,
        b.starlightPeakMegabytes ?? '–',
      ]),
    ),
  );
  parts.push(
    table(
      ['Artikler', '<Steg', 'HTML-sider', 'Tid (s)', 'CPU (s)', 'Største minnebruk (MB)'],
      results.buildRows.map((r) => [r.articles, r.label, r.pages, s1(r.result.seconds), s1(r.result.cpuSeconds), r.result.peakMegabytes]),
    ),
  );
  parts.push(
    'Tid er veggklokke; CPU er bruker- og systemtid for alle prosessene, som flytter seg mindre når andre jobber deler kjernene. Starlight kjører Pagefind selv når sidene er skrevet, så raden er hele byggingen med søk; vår er astro build pluss pagefind.',
  );

  const markdown = results.markdown ?? [];
  if (markdown.length > 0) {
    parts.push('## Markdown: Sätteri mot remark/rehype (vår konfigurasjon, våre tillegg)');
    parts.push(
      table(
        [
          'Artikler',
          'astro build, Sätteri (s)',
          'astro build, remark/rehype (s)',
          'Tid ×',
          'CPU ×',
          'Like artikkelsider',
          'Markdown alene: artikler',
          'Sätteri (ms/artikkel)',
          'remark/rehype (ms/artikkel)',
          'Markdown ×',
          'Lik HTML',
        ],
        markdown.map((m) => {
          const build = results.builds.find((b) => b.articles === m.buildArticles);
          const satteriSeconds = results.buildRows.find((r) => r.articles === m.buildArticles && r.build === 'ours')?.result.seconds;
          return [
            m.buildArticles,
            s1(satteriSeconds),
            s1(build?.remarkSeconds),
            x2(build?.remarkRatio),
            x2(build?.remarkCpuRatio),
            `${m.samePages} av ${m.comparedPages}`,
            m.articles,
            (m.satteriMs / m.articles).toFixed(2),
            (m.unifiedMs / m.articles).toFixed(2),
            x2(m.unifiedMs / m.satteriMs),
            `${m.identicalHtml} av ${m.articles}`,
          ];
        }),
      ),
    );
    parts.push(
      '× er remark/rehype ÷ Sätteri. Begge byggingene er site/astro.config.ts; den andre bytter bare markdown.processor til unified() fra @astrojs/markdown-remark med de samme tilleggene (bench/remark-markdown.ts, bench/satteri-in-unified.ts). «Like artikkelsider» sammenligner de ferdige sidene uten linjeskift (Sätteri avslutter Markdown-en med ett). «Markdown alene» gjengir artiklene etter hverandre i én prosess med hver prosessor, uten resten av byggingen.',
    );
  }
  return parts;
}

/** The first search on each site: every response under /pagefind/ until the first results show. */
export function searchSection(search: BenchResults['search']): string[] {
  if (search.length === 0) return [];
  return [
    '## Søk: første søk',
    table(
      ['Artikler', '<Nettsted', '<Søk', 'Forespørsler', 'Bytes (kB)', 'Gzip (kB)', 'Treff vist', '<Gzip per del (kB, antall)'],
      search.map((s) => [s.articles, SITE_NAMES[s.site ?? 'ours'], `«${s.query}»`, s.requests, kb(s.bytes), kb(s.gzipBytes), s.results, partsOf(s)]),
    ),
    'Starlights søk er Pagefinds eget grensesnitt, som viser 5 treff og henter utdrag for dem; vårt viser 20. Skriptet som tegner søket (vårt /sok/, Starlights Pagefind-UI under /_astro/) er ikke med i noen av dem.',
  ];
}
