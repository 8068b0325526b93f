import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusDocumentSchema } from '../../functions/catalog/status-document.ts';
import { buildNoticesDocument } from '../../site/notices/document.ts';
import { buildSite } from '../support/astro-site.ts';
import { contentWith } from '../support/content-copy.ts';

/**
 * The site built as for production: SITE_URL set to the portal's domain, the real content with the notices of
 * test/fixtures/content/notice-feeds laid over it, as of a fixed moment. Built the way test/support/fixture-site.ts
 * builds (the same command), without a portal or a browser: the feeds are files.
 */
const SITE_URL = 'https://serviceportal.example.no';
const BUILD_TIME = '2026-11-25T12:00:00.000Z';

let content: ReturnType<typeof contentWith>;
let work: string;
let dist: string;
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'link'].includes(name) });
const xml = (path: string) => {
  const text = read(path);
  expect(XMLValidator.validate(text), path).toBe(true);
  return parser.parse(text) as Record<string, any>;
};

/** The notices a reader may see: every one that is not a draft, as the build publishes them. */
let publishedIds: string[];

beforeAll(async () => {
  content = contentWith('notice-feeds');
  work = mkdtempSync(join(tmpdir(), 'serviceportal-feeds-'));
  dist = join(work, 'dist');
  // SERVICEPORTAL_ENVIRONMENT left out: SITE_URL alone names the domain.
  await buildSite(content.dir, {
    outDir: dist,
    cacheDir: join(work, 'cache'),
    buildTime: BUILD_TIME,
    environment: { SITE_URL, SERVICEPORTAL_ENVIRONMENT: undefined },
  });
  const document = await buildNoticesDocument({ contentDir: content.dir, publishedAt: new Date(BUILD_TIME) });
  publishedIds = document.notices.map((notice) => notice.id).sort();
}, 600_000);

afterAll(() => {
  content?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

const permalink = (id: string) => `${SITE_URL}/driftsmeldinger/${id}/`;

describe('the feeds, built with the production domain', () => {
  it('has the fixture’s notices, and not its draft', () => {
    expect(publishedIds).toEqual(expect.arrayContaining(['planlagt-iccs-ferdig', 'planlagt-radio-natt', 'utfall-video-og-telefoni']));
    expect(publishedIds).not.toContain('kladd-planlagt');
  });

  it('links every RSS item to its notice’s page on the domain, and that page is built', () => {
    const items = xml('driftsmeldinger/rss.xml').rss.channel.item as Record<string, any>[];
    const links = items.map((item) => String(item.link[0]));

    expect(links.sort()).toEqual(publishedIds.map(permalink));
    for (const item of items) expect(item.guid['#text']).toBe(item.link[0]);
    for (const id of publishedIds) expect(existsSync(join(dist, 'driftsmeldinger', id, 'index.html')), `${permalink(id)} er ikke bygget`).toBe(true);
  });

  it('links every Atom entry to its notice’s page on the domain', () => {
    const feed = xml('driftsmeldinger/atom.xml').feed;
    const links = (feed.entry as Record<string, any>[]).map((entry) => String(entry.link[0]['@href']));

    expect(links.sort()).toEqual(publishedIds.map(permalink));
    expect(feed.link[0]['@href']).toBe(`${SITE_URL}/driftsmeldinger/atom.xml`);
  });

  it('never links to localhost', () => {
    for (const path of ['driftsmeldinger/rss.xml', 'driftsmeldinger/atom.xml', 'driftsmeldinger/planlagt.ics', 'driftsmeldinger/status.json']) {
      expect(read(path), path).not.toMatch(/localhost|127\.0\.0\.1/);
    }
  });

  it('escapes a title with markup characters', () => {
    const items = xml('driftsmeldinger/rss.xml').rss.channel.item as Record<string, any>[];

    expect(items.map((item) => item.title)).toContain('Utfall i video & telefoni <Vest>');
  });

  it('has the planned windows in the calendar, with UIDs at the domain', () => {
    const calendar = new ICAL.Component(ICAL.parse(read('driftsmeldinger/planlagt.ics')));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const window = (uid: string) => {
      const event = events.find((candidate) => candidate.uid === uid);
      return event && [event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString()];
    };

    expect(window('planlagt-radio-natt@serviceportal.example.no')).toEqual(['2026-12-01T21:00:00.000Z', '2026-12-02T03:00:00.000Z']);
    expect(window('planlagt-iccs-ferdig@serviceportal.example.no')).toEqual(['2026-11-10T21:00:00.000Z', '2026-11-11T00:30:00.000Z']);
    expect(events.map((event) => event.uid)).not.toContain('kladd-planlagt@serviceportal.example.no');
    expect(events.map((event) => event.uid)).not.toContain('utfall-video-og-telefoni@serviceportal.example.no');
    expect(events.every((event) => event.uid.endsWith('@serviceportal.example.no'))).toBe(true);
  });

  it('writes a status document its schema accepts, as of the build', () => {
    const status = statusDocumentSchema.parse(JSON.parse(read('driftsmeldinger/status.json')));

    expect(status.generatedAt).toBe(BUILD_TIME);
    expect(status.site).toBe(`${SITE_URL}/`);
    expect(status.services.video.state).toBe('outage');
    expect(status.services.video.ongoing.map((notice) => notice.url)).toEqual([permalink('utfall-video-og-telefoni')]);
    expect(status.services.radio.upcoming.map((notice) => notice.id)).toContain('planlagt-radio-natt');
  });
});
