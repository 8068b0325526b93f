import { describe, expect, it } from 'vitest';
import { checkLinks, linksIn } from '../../functions/catalog/links.ts';
import { formatProblem } from '../../functions/catalog/problems.ts';
import { pagePath } from '../../functions/catalog/site-routes.ts';

describe('linksIn: finding links and their lines', () => {
  it('finds inline and reference links, with the line in the file, skipping code', () => {
    const body = [
      'Se [kontakt](/kontakt/) og [meld](/meld-feil/ "Meld feil").',
      '',
      '```',
      '[ikke](/kode/)',
      '```',
      'Kode `[ikke](/inline/)`.',
      '[ref]: /artikler/lydlogg/',
    ].join('\n');

    const links = linksIn(body, 10);

    expect(links).toEqual([
      { href: '/kontakt/', line: 10, image: false },
      { href: '/meld-feil/', line: 10, image: false },
      { href: '/artikler/lydlogg/', line: 16, image: false },
    ]);
  });

  it('tells images from links: inline, inside a link, and a reference definition an image uses', () => {
    const body = [
      '![Kontrollpanelet](/bilder/panel.png "Panelet")',
      '[![Kartet](/bilder/kart.png)](/kontakt/)',
      'Se ![Sambandet][samband] og [kontakt][kontakt].',
      '[samband]: /bilder/samband.png',
      '[kontakt]: /kontakt/',
    ].join('\n');

    const links = linksIn(body, 1);

    expect(links).toEqual([
      { href: '/bilder/panel.png', line: 1, image: true },
      { href: '/bilder/kart.png', line: 2, image: true },
      { href: '/kontakt/', line: 2, image: false },
      { href: '/bilder/samband.png', line: 4, image: true },
      { href: '/kontakt/', line: 5, image: false },
    ]);
  });
});

describe('checkLinks: internal links must point at a published page or a file the site serves', () => {
  const routes = new Set(['/kontakt/', '/artikler/lydlogg/', '/driftsmeldinger/rss.xml']);
  const drafts = new Set(['/artikler/utkast/']);
  const files = new Set(['/dokumenter/rutine.pdf']);
  const servesFile = (path: string) => files.has(path);

  it.each([
    ['/kontakt/', []],
    ['/kontakt', []],
    ['/kontakt/#stigen', []],
    ['/kontakt?x=1', []],
    ['/driftsmeldinger/rss.xml', []],
    ['https://lovdata.no/', []],
    ['mailto:drift@hdo.no', []],
    ['tel:08915', []],
    ['#vanlige-feil', []],
    ['/finnes-ikke/', ['«/finnes-ikke/» finnes ikke på nettstedet: sjekk stavemåten, eller lenk til en side som finnes']],
    ['/artikler/utkast/', ['«/artikler/utkast/» peker på et utkast (draft: true), som ikke publiseres']],
    ['kontakt', ['«kontakt» må starte med / (for eksempel /artikler/flytte-kontrollrom/) eller https://']],
    ['/dokumenter/rutine.pdf', []],
    ['/dokumenter/rutine.pdf#side=2', []],
  ])('%s', (href, expected) => {
    const problems = checkLinks('content/articles/a.md', [{ href, line: 3, image: false }], routes, drafts, servesFile);

    expect(problems.map((problem) => problem.message)).toEqual(expected);
    expect(problems.every((problem) => problem.line === 3 && problem.field === 'lenke')).toBe(true);
  });
});

describe('checkLinks: an image is a file the site serves from site/public, not a page', () => {
  const routes = new Set(['/kontakt/']);
  const files = new Set(['/bilder/panel.png']);
  const servesFile = (path: string) => files.has(path);

  it.each([
    ['/bilder/panel.png', []],
    ['/bilder/panel.png?v=2', []],
    ['https://bilder.example.no/panel.png', []],
    [
      '/bilder/mangler.png',
      ['content/articles/a.md:3 bilde — bildet «/bilder/mangler.png» finnes ikke: legg filen i site/public/bilder/mangler.png, eller rett adressen'],
    ],
    ['/kontakt/', ['content/articles/a.md:3 bilde — bildet «/kontakt/» finnes ikke: legg filen i site/public/kontakt/, eller rett adressen']],
    [
      'bilder/panel.png',
      [
        'content/articles/a.md:3 bilde — bildet «bilder/panel.png» må ha en adresse som starter med /, for eksempel /bilder/kontrollpanel.png for filen site/public/bilder/kontrollpanel.png',
      ],
    ],
  ])('%s', (href, expected) => {
    const problems = checkLinks('content/articles/a.md', [{ href, line: 3, image: true }], routes, new Set(), servesFile);

    expect(problems.map(formatProblem)).toEqual(expected);
  });

  it('looks in site/public when not told otherwise', () => {
    const images = linksIn('![Portalens merke](/favicon.svg) ![Borte](/bilder/finnes-ikke.png)', 7);

    const problems = checkLinks('content/articles/a.md', images, new Set(), new Set());

    expect(problems.map(formatProblem)).toEqual([
      'content/articles/a.md:7 bilde — bildet «/bilder/finnes-ikke.png» finnes ikke: legg filen i site/public/bilder/finnes-ikke.png, eller rett adressen',
    ]);
  });
});

describe('pagePath', () => {
  it.each([
    ['/kontakt', '/kontakt/'],
    ['/kontakt/#a', '/kontakt/'],
    ['/driftsmeldinger/rss.xml', '/driftsmeldinger/rss.xml'],
  ])('%s is the page %s', (href, expected) => {
    expect(pagePath(href)).toBe(expected);
  });
});
