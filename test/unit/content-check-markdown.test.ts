import { describe, expect, it } from 'vitest';
import { checkContent } from '../../functions/catalog/check-content.ts';
import { markdownBodyProblems } from '../../functions/catalog/markdown-body.ts';
import { BOX_NAMES } from '../../functions/catalog/markdown-syntax.ts';
import { formatProblem } from '../../functions/catalog/problems.ts';
import { checkedWithFixture } from '../support/content-problems.ts';

const problemsWith = checkedWithFixture();

describe('checkContent: the Markdown of articles and notices, one problem per mistake, with file and line', () => {
  it.each([
    [
      'unknown-box',
      [
        'content/articles/ukjent-boks.md:11 boks — «:::advarsel» er ikke en boks nettstedet kjenner, og vises som tekst: bruk :::info, :::warning eller :::urgent',
      ],
    ],
    [
      'notice-unknown-box',
      [
        'content/notices/tips-i-melding.md:11 boks — «:::tips» er ikke en boks nettstedet kjenner, og vises som tekst: bruk :::info, :::warning eller :::urgent',
      ],
    ],
    [
      'unclosed-box',
      [
        'content/articles/apen-boks.md:11 boks — «:::info» lukkes aldri, så resten av teksten havner i boksen: skriv ::: på en egen linje der boksen skal slutte',
      ],
    ],
    [
      'stray-box-end',
      [
        'content/articles/boks-slutt-uten-start.md:7 boks — «:::» lukker ingen boks, og vises som tekst: fjern linjen, eller start boksen over med for eksempel :::info',
      ],
    ],
    [
      'unknown-block',
      [
        'content/articles/ukjent-del.md:9 del — «::sjekklista» er ikke en del nettstedet kan sette inn, og vises som tekst: bruk ::prioriteter eller ::sjekkliste på en egen linje',
      ],
    ],
    ['heading-skips-level', ['content/articles/hopper-over-niva.md:13 overskrift — «#### For dypt» hopper over et nivå: etter en ##-overskrift kommer ###']],
    [
      'empty-links',
      [
        'content/articles/tomme-lenker.md:7 lenke — lenken til «/kontakt/» har ingen tekst: skriv hva den går til mellom [ og ], for eksempel [Meld feil](/meld-feil/)',
        'content/articles/tomme-lenker.md:9 lenke — lenken «Servicedesk» har ingen adresse: skriv den mellom ( og ), for eksempel [Servicedesk](/kontakt/)',
      ],
    ],
    [
      'image-without-alt',
      [
        'content/articles/bilde-uten-tekst.md:9 bilde — bildet «https://bilder.example.no/panel.png» mangler tekst for dem som ikke ser det: skriv hva bildet viser mellom [ og ], for eksempel ![Kontrollpanelet med rødt varsellys](https://bilder.example.no/panel.png)',
      ],
    ],
  ])('%s', (fixture, expected) => {
    const problems = problemsWith(fixture);

    expect(problems).toEqual(expected);
  });

  it('names every box the site draws, from the one list the site renders with', () => {
    const [problem] = problemsWith('unknown-box');

    for (const name of BOX_NAMES) expect(problem).toContain(`:::${name}`);
  });
});

describe('markdownBodyProblems: what the site renders right passes', () => {
  it.each([
    ['boxes inside a box, each closed', '::::warning\n:::info\nInni.\n:::\n::::\n'],
    ['a box in a quote', '> :::info\n> Sitert.\n> :::\n'],
    ['box syntax in a code block', '```\n:::tips\n```\n'],
    ['colons in text', 'Kl. 08:00 i talegruppe HDO-04. Merk:dette\n'],
    ['the parts the site fills in', '::prioriteter\n\n::sjekkliste\n'],
    ['headings going back up any number of levels', '## A\n\n### B\n\n#### C\n\n## D\n'],
    ['a linked image with its text', '[![Kart over dekningen](https://kart.example.no/a.png)](https://kart.example.no/)\n'],
  ])('%s', (_case, body) => {
    expect(markdownBodyProblems('content/articles/x.md', body, 6)).toEqual([]);
  });

  it('reports the outer box as unclosed when the one ::: closes the box inside it', () => {
    const problems = markdownBodyProblems('content/articles/x.md', ':::info\nFør.\n:::warning\nInni.\n:::\n', 6);

    expect(problems.map(formatProblem)).toEqual([
      'content/articles/x.md:6 boks — «:::info» lukkes aldri, så resten av teksten havner i boksen: skriv ::: på en egen linje der boksen skal slutte',
    ]);
  });

  it('reports a first heading below ## as skipping the level under the title', () => {
    const problems = markdownBodyProblems('content/articles/x.md', 'Tekst.\n\n### For dypt\n', 6);

    expect(problems.map(formatProblem)).toEqual(['content/articles/x.md:8 overskrift — «### For dypt» hopper over et nivå: etter tittelen kommer ##']);
  });
});
