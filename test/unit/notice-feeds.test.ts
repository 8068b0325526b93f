import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml, lastChanged, rssFeed } from '../../site/notices/feeds.ts';
import { formatOsloTime } from '../../functions/core/oslo-time.ts';
import { SEVERITY } from '../../site/src/lib/notice-labels.ts';
import { documentOf, FIXTURE, notice, PUBLISHED_AT, SERVICE_NAMES, SITE } from './notice-feeds-fixtures.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'category', 'link'].includes(name) });

function parsed(xml: string) {
  const valid = XMLValidator.validate(xml);
  expect(valid, JSON.stringify(valid)).toBe(true);
  return parser.parse(xml) as Record<string, any>;
}

const permalink = (id: string) => `${SITE}/driftsmeldinger/${id}/`;
const byId = (id: string) => FIXTURE.notices.find((entry) => entry.id === id)!;

describe('lastChanged', () => {
  it('is the latest of start, updates and resolved', () => {
    const changed = lastChanged(byId('utfall-iccs-oslo'), new Date(PUBLISHED_AT));

    expect(changed.toISOString()).toBe('2026-11-25T09:15:00.000Z');
  });

  it('is the resolved time when that came last', () => {
    expect(lastChanged(byId('forstyrrelse-over'), new Date(PUBLISHED_AT)).toISOString()).toBe('2026-11-10T12:00:00.000Z');
  });

  it('is the document’s time, never a future one, for planned work announced ahead', () => {
    expect(lastChanged(byId('vedlikehold-lydlogg'), new Date(PUBLISHED_AT)).toISOString()).toBe(PUBLISHED_AT);
  });
});

describe('rssFeed', () => {
  it('is RSS 2.0 in Norwegian with its own absolute address as rel=self', () => {
    const feed = parsed(rssFeed({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES }));

    expect(feed.rss['@version']).toBe('2.0');
    expect(feed.rss.channel.language).toBe('nb');
    expect(feed.rss.channel.link).toEqual([`${SITE}/driftsmeldinger/`]);
    expect(feed.rss.channel['atom:link']).toEqual({ '@href': `${SITE}/driftsmeldinger/rss.xml`, '@rel': 'self', '@type': 'application/rss+xml' });
  });

  it('links every item to its notice’s own page, absolute and without a fragment, and uses it as the guid', () => {
    const feed = parsed(rssFeed({ document: FIXTURE, siteUrl: `${SITE}/`, serviceNames: SERVICE_NAMES }));
    const items = feed.rss.channel.item as Record<string, any>[];

    expect(items.map((item) => item.link[0]).sort()).toEqual(FIXTURE.notices.map((entry) => permalink(entry.id)).sort());
    for (const item of items) {
      expect(item.guid['#text']).toBe(item.link[0]);
      expect(item.guid['@isPermaLink']).toBe('true');
    }
  });

  it('dates each item by its latest change and puts the newest change first', () => {
    const items = parsed(rssFeed({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES })).rss.channel.item as Record<string, any>[];

    expect(items.slice(0, 3).map((item) => [item.link[0], new Date(item.pubDate).toISOString()])).toEqual([
      [permalink('vedlikehold-lydlogg'), PUBLISHED_AT],
      [permalink('utfall-iccs-oslo'), '2026-11-25T09:15:00.000Z'],
      [permalink('informasjon-statistikk'), '2026-11-23T07:00:00.000Z'],
    ]);
    expect(items[0]?.pubDate).toBe('Wed, 25 Nov 2026 12:00:00 GMT');
  });

  it('describes a notice with its severity, services, areas, times, latest update and text, links made absolute', () => {
    const items = parsed(rssFeed({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES })).rss.channel.item as Record<string, any>[];
    const outage = items.find((item) => item.link[0] === permalink('utfall-iccs-oslo'))!;
    const description = String(outage.description);

    expect(outage.title).toBe('Utfall i kontrollromsløsningen: «Oslo» & Akershus <AMK>');
    expect(description).toContain(SEVERITY.outage.label);
    expect(description).toContain(`${SERVICE_NAMES.iccs}, ${SERVICE_NAMES.telephony}`);
    expect(description).toContain('Områder: Oslo, Akershus');
    expect(description).toContain(`Fra ${formatOsloTime(new Date('2026-11-24T07:00:00Z'))}.`);
    expect(description).toContain(`Ventes over ${formatOsloTime(new Date('2026-11-26T15:00:00Z'))}.`);
    expect(description).toContain('Leverandøren bytter en svitsj; ny status kl. 14.');
    expect(description).not.toContain('Feilen er bekreftet.');
    expect(description).toContain(`<a href="${SITE}/meld-feil/iccs/" class="ds-link">skjemaet</a>`);
    expect(outage.category).toEqual([SEVERITY.outage.label, SERVICE_NAMES.iccs, SERVICE_NAMES.telephony]);
  });

  it('says when a notice ended', () => {
    const items = parsed(rssFeed({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES })).rss.channel.item as Record<string, any>[];
    const over = items.find((item) => item.link[0] === permalink('forstyrrelse-over'))!;

    expect(String(over.description)).toContain(`Avsluttet ${formatOsloTime(new Date('2026-11-10T12:00:00Z'))}.`);
  });

  it('is a valid feed without notices, dated by the document', () => {
    const feed = parsed(rssFeed({ document: documentOf([]), siteUrl: SITE, serviceNames: SERVICE_NAMES }));

    expect(feed.rss.channel.item).toBeUndefined();
    expect(new Date(feed.rss.channel.lastBuildDate).toISOString()).toBe(PUBLISHED_AT);
  });
});

describe('atomFeed', () => {
  it('is Atom 1.0 with absolute self and alternate links, updated as its newest entry', () => {
    const feed = parsed(atomFeed({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES })).feed;

    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@xml:lang']).toBe('nb');
    expect(feed.id).toBe(`${SITE}/driftsmeldinger/atom.xml`);
    expect(feed.link).toEqual([
      { '@rel': 'self', '@type': 'application/atom+xml', '@href': `${SITE}/driftsmeldinger/atom.xml` },
      { '@rel': 'alternate', '@type': 'text/html', '@href': `${SITE}/driftsmeldinger/` },
    ]);
    expect(feed.updated).toBe(PUBLISHED_AT);
    expect(feed.author.name).toBeTruthy();
  });

  it('gives every entry its permalink as id and link, and its own updated time', () => {
    const entries = parsed(atomFeed({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES })).feed.entry as Record<string, any>[];

    expect(entries).toHaveLength(FIXTURE.notices.length);
    for (const entry of entries) {
      const id = FIXTURE.notices.find((candidate) => permalink(candidate.id) === entry.id)!;
      expect(entry.link).toEqual([{ '@rel': 'alternate', '@type': 'text/html', '@href': permalink(id.id) }]);
      expect(entry.updated).toBe(lastChanged(id, new Date(PUBLISHED_AT)).toISOString());
      expect(entry.content['@type']).toBe('html');
    }
  });

  it('is dated by the document when there are no notices', () => {
    const feed = parsed(
      atomFeed({
        document: documentOf([notice({ id: 'x', start: '2027-01-01T00:00:00.000Z' })], '2026-11-01T00:00:00.000Z'),
        siteUrl: SITE,
        serviceNames: SERVICE_NAMES,
      }),
    ).feed;

    expect(feed.updated).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  });
});
