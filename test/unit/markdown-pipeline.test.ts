import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { hastPlugins, markdownFeatures, mdastPlugins } from '../../site/markdown/pipeline.ts';

async function render(markdown: string): Promise<string> {
  return (await markdownToHtml(markdown, { features: markdownFeatures, mdastPlugins, hastPlugins })).html;
}

describe('the markdown pipeline for articles and notices', () => {
  it.each([
    ['GFM tables', '| Hva | Hvor |\n| --- | --- |\n| Lydlogg | AMK |', ['<table class="ds-table">', '<th>Hva</th>', '<td>Lydlogg</td>']],
    ['info callout', ':::info\nTil orientering.\n:::', ['<div class="ds-alert callout" data-color="info">']],
    ['warning callout', ':::warning\nViktig.\n:::', ['<div class="ds-alert callout" data-color="warning">']],
    ['urgent callout', ':::urgent\nRing 08915.\n:::', ['<div class="ds-alert callout" data-color="danger" role="note">']],
    [
      'heading anchors',
      '## Sjekk dette først',
      ['<h2 id="sjekk-dette-først">', '<a class="ds-link heading-anchor" href="#sjekk-dette-først" aria-hidden="true" tabindex="-1">#</a>'],
    ],
    [
      'external links marked',
      '[Lovdata](https://lovdata.no/)',
      ['rel="external noopener noreferrer"', 'class="ds-link external"', '<span class="ds-sr-only"> (ekstern lenke)</span>'],
    ],
    ['colons in text kept', 'Kl. 08:00 i talegruppe HDO-04. Merk:dette', ['Kl. 08:00 i talegruppe HDO-04. Merk:dette']],
    ['unknown blocks kept as text', ':::tips\nInnhold\n:::', [':::tips', 'Innhold']],
  ])('%s', async (_feature, markdown, expected) => {
    const html = await render(markdown);

    for (const fragment of expected) expect(html).toContain(fragment);
  });

  it.each([
    ['script tags', '<script>alert(1)</script>', '<script'],
    ['inline styles', '<p style="color:red">rød</p>', 'style='],
    ['event handlers', '<img src="/x.png" onerror="alert(1)">', 'onerror'],
    ['javascript: links', '[klikk](javascript:alert(1))', 'javascript:'],
    ['protocol-relative links, which lead to another site', '[a](//evil.example/x)', 'evil.example'],
    // The parser escapes the backslash (`/%5Cevil…`, a path on this site); what must not come out is a raw `/\`.
    ['protocol-relative links written with a backslash', '[a](/\\evil.example/x)', 'href="/\\'],
  ])('removes %s', async (_what, markdown, forbidden) => {
    const html = await render(markdown);

    expect(html).not.toContain(forbidden);
  });

  it.each([
    ['/meld-feil/radio/', '<a href="/meld-feil/radio/" class="ds-link">Meld feil</a>'],
    ['/', '<a href="/" class="ds-link">Meld feil</a>'],
    ['../kontakt/', '<a href="../kontakt/" class="ds-link">Meld feil</a>'],
  ])('leaves the internal link %s as it is', async (href, expected) => {
    const html = await render(`[Meld feil](${href})`);

    expect(html).toContain(expected);
  });
});
