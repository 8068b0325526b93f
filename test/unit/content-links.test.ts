import { describe, expect, it } from 'vitest';
import { checkLinks, linksIn } from '../../functions/catalog/links.ts';
import { pagePath } from '../../functions/catalog/site-routes.ts';

describe('linksIn: finding links and their lines', () => {
  it('finds inline and reference links, with the line in the file, skipping code', () => {
    const body = ['Se [kontakt](/kontakt/) og [meld](/meld-feil/ "Meld feil").', '', '```', '[ikke](/kode/)', '```', 'Kode `[ikke](/inline/)`.', '[ref]: /artikler/lydlogg/'].join('\n');

    const links = linksIn(body, 10);

    expect(links).toEqual([
      { href: '/kontakt/', line: 10 },
      { href: '/meld-feil/', line: 10 },
      { href: '/artikler/lydlogg/', line: 16 },
    ]);
  });
});

describe('checkLinks: internal links must point at a published page', () => {
  const routes = new Set(['/kontakt/', '/artikler/lydlogg/', '/driftsmeldinger/rss.xml']);
  const drafts = new Set(['/artikler/utkast/']);

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
  ])('%s', (href, expected) => {
    const problems = checkLinks('content/articles/a.md', [{ href, line: 3 }], routes, drafts);

    expect(problems.map((problem) => problem.message)).toEqual(expected);
    expect(problems.every((problem) => problem.line === 3 && problem.field === 'lenke')).toBe(true);
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
