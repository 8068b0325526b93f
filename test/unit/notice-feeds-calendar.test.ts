import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { CALENDAR_HISTORY_DAYS, CALENDAR_NAME, plainText, plannedCalendar } from '../../site/notices/calendar.ts';
import { SEVERITY } from '../../site/src/lib/notice-labels.ts';
import { documentOf, FIXTURE, notice, NOW, SERVICE_NAMES, SITE } from './notice-feeds-fixtures.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar as a real iCalendar parser reads it. */
function read(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      utc: event.startDate.zone === ICAL.Timezone.utcTimezone && event.endDate.zone === ICAL.Timezone.utcTimezone,
      summary: event.summary,
      description: event.description,
      url: component.getFirstPropertyValue('url'),
      lastModified: (component.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString(),
      transparency: component.getFirstPropertyValue('transp'),
    };
  });
  return { calendar, events };
}

describe('plannedCalendar', () => {
  it('is a calendar named for planned work, in Oslo time, refreshed hourly', () => {
    const { calendar } = read(plannedCalendar({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES, now: NOW }));

    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(CALENDAR_NAME);
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Oslo');
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT1H');
  });

  it('has one event per planned window, from start to its end in UTC, with a stable UID at the site’s host', () => {
    const { events } = read(plannedCalendar({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES, now: NOW }));

    expect(events.map(({ uid, start, end, utc }) => ({ uid, start, end, utc }))).toEqual([
      // resolved early: the window as it was
      { uid: 'oppgradering-video@serviceportal.example.no', start: '2026-10-01T20:00:00.000Z', end: '2026-10-01T23:30:00.000Z', utc: true },
      { uid: 'vedlikehold-lydlogg@serviceportal.example.no', start: '2026-12-08T21:00:00.000Z', end: '2026-12-09T01:00:00.000Z', utc: true },
    ]);
  });

  it('gives each event its title, its permalink, its last change and no busy time', () => {
    const { events } = read(plannedCalendar({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES, now: NOW }));
    const done = events.find((event) => event.uid.startsWith('oppgradering-video@'))!;

    expect(done.summary).toBe('Oppgradering av videoløsningen');
    expect(done.url).toBe(`${SITE}/driftsmeldinger/oppgradering-video/`);
    expect(done.lastModified).toBe('2026-10-01T23:30:00.000Z');
    expect(done.transparency).toBe('TRANSPARENT');
  });

  it('describes the event in plain text: services, area, the latest update, the link', () => {
    const { events } = read(plannedCalendar({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES, now: NOW }));
    const done = events.find((event) => event.uid.startsWith('oppgradering-video@'))!;
    const ahead = events.find((event) => event.uid.startsWith('vedlikehold-lydlogg@'))!;

    expect(done.description).toContain(`${SEVERITY.planned.label}: ${SERVICE_NAMES.video}.`);
    expect(done.description).toContain('Område: Vestland.');
    expect(done.description).toContain('Ferdig før tiden.');
    expect(done.description).toContain(`Les mer: ${SITE}/driftsmeldinger/oppgradering-video/`);
    expect(ahead.description).toContain('Lydloggen oppgraderes natt til 9. desember. Opptak går som vanlig.');
    expect(ahead.description).not.toMatch(/<|&amp;/);
  });

  it(`keeps planned work that ended up to ${CALENDAR_HISTORY_DAYS} days ago, and no other kind of notice`, () => {
    const endedAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();
    const document = documentOf([
      notice({ id: 'innenfor', severity: 'planned', start: '2026-08-01T00:00:00.000Z', expectedEnd: endedAgo(CALENDAR_HISTORY_DAYS - 1) }),
      notice({ id: 'utenfor', severity: 'planned', start: '2026-08-01T00:00:00.000Z', expectedEnd: endedAgo(CALENDAR_HISTORY_DAYS + 1) }),
      notice({ id: 'utfall', severity: 'outage', start: '2026-11-25T00:00:00.000Z' }),
    ]);

    const { events } = read(plannedCalendar({ document, siteUrl: SITE, serviceNames: SERVICE_NAMES, now: NOW }));

    expect(events.map((event) => event.uid)).toEqual(['innenfor@serviceportal.example.no']);
  });

  it('keeps the same UIDs whatever else changes', () => {
    const first = read(plannedCalendar({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES, now: NOW })).events.map((event) => event.uid);
    const later = read(plannedCalendar({ document: FIXTURE, siteUrl: SITE, serviceNames: SERVICE_NAMES, now: new Date(NOW.getTime() + DAY_MS) })).events.map(
      (event) => event.uid,
    );

    expect(later).toEqual(first);
  });
});

describe('plainText', () => {
  it('keeps a paragraph on one line, drops tags and decodes entities', () => {
    expect(plainText('<p>Ring <a href="/x">oss</a>\nnår &amp; om &#x27;noe&#39; &lt;haster&gt;.</p>\n<ul><li>En</li><li>To</li></ul>')).toBe(
      "Ring oss når & om 'noe' <haster>.\nEn\nTo",
    );
  });
});
