import { describe, expect, it } from 'vitest';
import { remarkMarkdownConfig } from '../../bench/remark-markdown.ts';
import { markdownConfig } from '../../site/markdown/pipeline.ts';

/**
 * The Sätteri vs remark/rehype figure in BENCHMARKS.md is only fair if both builds write the same pages: our
 * Sätteri plugins, run in remark/rehype by bench/satteri-in-unified.ts, must give the HTML Sätteri gives.
 */
async function renderWith(processor: typeof markdownConfig.processor | typeof remarkMarkdownConfig.processor, markdown: string): Promise<string> {
  const renderer = await processor.createRenderer({ syntaxHighlight: false });
  return (await renderer.render(markdown, { frontmatter: {} })).code.trimEnd();
}

describe('our Markdown plugins on remark/rehype (bench only)', () => {
  it.each([
    ['callouts of every kind', ':::info\nTil orientering.\n:::\n\n:::warning\nViktig.\n:::\n\n:::urgent\nRing 08915.\n:::'],
    ['an unknown box kept as text', ':::tips\nInnhold\n:::'],
    ['a callout inside a callout', '::::warning\nFør\n\n:::info\nInni\n:::\n::::'],
    ['content-block markers and an unknown line directive', '::prioriteter\n\n::sjekkliste\n\n::ukjent[med tekst]'],
    ['colons in running text', 'Kl. 08:00 i talegruppe HDO-04. Merk:dette og :kort[etikett].'],
    ['headings, twice the same, with anchors', '## Sjekk dette først\n\n### Hvem gjør hva\n\n## Sjekk dette først'],
    [
      'internal, external, mail and unsafe links',
      '[a](/meld-feil/radio/) [b](https://lovdata.no/) [c](mailto:sd@example.no) [d](javascript:alert(1)) [e](//evil.example/x)',
    ],
    ['raw HTML dropped', 'Før <b>fet</b> etter\n\n<script>alert(1)</script>\n\n<p style="color:red">rød</p>'],
    ['a table and a list', '1. En\n2. To\n\n| Hva | Hvem |\n| --- | --- |\n| Første linje | Servicedesk |'],
  ])('%s: the same HTML as Sätteri', async (_what, markdown) => {
    const satteri = await renderWith(markdownConfig.processor, markdown);

    const unified = await renderWith(remarkMarkdownConfig.processor, markdown);

    expect(unified).toBe(satteri);
  });
});
