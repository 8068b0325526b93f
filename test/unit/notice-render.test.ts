import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishedNoticePhase, type PublishedNotice } from '../../functions/core/notices-document.ts';
import { liveDocumentSchema } from '../../site/notices/live-schema.ts';
import {
  listSpecOf,
  noticeCardHtml,
  noticeItemsHtml,
  noticeKey,
  noticeLineHtml,
  noticePage,
  noticePhaseAt,
  noticesInList,
  type NoticeRenderContext,
} from '../../site/notices/render.ts';
import { fillNoticeTemplate, NOTICE_SLOTS, TEMPLATE_ONLY } from '../../site/notices/templates.ts';

const context: NoticeRenderContext = {
  serviceNames: { radio: 'Radioterminaler og Nødnett', 'audio-log': 'Lydlogg' },
  phoneNumbers: ['08915', '61 18 28 00'],
  deskPhone: { number: '08915', href: 'tel:08915' },
};

const notice = (fields: Partial<PublishedNotice> = {}): PublishedNotice => ({
  id: 'dekning-sor',
  title: 'Redusert dekning i sør',
  severity: 'disruption',
  services: ['radio'],
  areas: ['Agder', 'Rogaland'],
  start: '2026-11-20T05:00:00.000Z',
  expectedEnd: '2027-01-15T15:00:00.000Z',
  updates: [],
  html: '<p>Ring 08915 om det haster.</p>',
  ...fields,
});
const NOW = new Date('2026-11-30T10:00:00Z');

describe('a notice card', () => {
  it.each([
    ['outage', 'danger', 'Utfall'],
    ['disruption', 'warning', 'Forstyrrelse'],
    ['planned', 'info', 'Planlagt arbeid'],
    ['information', 'neutral', 'Informasjon'],
  ] as const)('%s is a Designsystemet alert coloured %s, saying «%s»', (severity, color, word) => {
    const html = noticeCardHtml(notice({ severity }), context, NOW);

    expect(html).toMatch(new RegExp(`^<article class="ds-alert notice-card"[^>]* data-color="${color}"`));
    expect(html).toContain(`<strong>${word}</strong> · Radioterminaler og Nødnett`);
  });

  it('links its title to the notice’s own page and gives areas and times in Oslo time', () => {
    const html = noticeCardHtml(notice(), context, NOW);

    expect(html).toContain('<h3><a class="ds-link" href="/driftsmeldinger/dekning-sor/">Redusert dekning i sør</a></h3>');
    expect(html).toContain('Områder: Agder og Rogaland');
    expect(html).toContain('Fra <time datetime="2026-11-20T05:00:00.000Z">20. november 2026 kl. 06:00</time>.');
    expect(html).toContain('Ventes over <time datetime="2027-01-15T15:00:00.000Z">15. januar 2027 kl. 16:00</time>.');
  });

  it('says when it was resolved instead of when it was expected to end', () => {
    const html = noticeCardHtml(notice({ resolved: '2026-11-25T11:00:00.000Z' }), context, NOW);

    expect(html).toContain('Løst <time datetime="2026-11-25T11:00:00.000Z">25. november 2026 kl. 12:00</time>.');
    expect(html).not.toContain('Ventes over');
  });

  it('escapes what an editor wrote', () => {
    const html = noticeCardHtml(notice({ title: '<script>alert("x")</script> & «sør»', areas: ['<b>'] }), context, NOW);

    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «sør»');
    expect(html).toContain('Område: &lt;b&gt;');
    expect(html).not.toContain('<script>');
  });
});

describe('a notice’s own page', () => {
  const updates = [
    { at: '2026-11-20T13:10:00.000Z', text: 'Feilen er funnet. <Montører> er på vei.' },
    { at: '2026-11-24T08:30:00.000Z', text: 'Reservestrøm er satt opp. Ring 61 18 28 00.' },
  ];

  it('has the title, what kind and which services, the times, the text, then the updates newest first', () => {
    const { title, body } = noticePage(notice({ updates }), context);
    const order = [
      '<h1>Redusert dekning i sør</h1>',
      '<strong>Forstyrrelse</strong> · Radioterminaler og Nødnett',
      '<dt>Områder</dt>',
      '<dt>Fra</dt>',
      'Ring',
      '<h2 id="notice-updates-heading">Oppdateringer</h2>',
      'Oppdatering <time datetime="2026-11-24T08:30:00.000Z">24. november kl. 09:30</time>',
      'Oppdatering <time datetime="2026-11-20T13:10:00.000Z">20. november kl. 14:10</time>',
    ];

    expect(title).toBe('Redusert dekning i sør');
    const positions = order.map((part) => body.indexOf(part));
    expect(
      positions.every((position) => position >= 0),
      JSON.stringify(positions),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(body).toContain('data-pagefind-body');
  });

  it('escapes an update’s text and makes the desk’s numbers links to call', () => {
    const { body } = noticePage(notice({ updates }), context);

    expect(body).toContain('&lt;Montører&gt; er på vei.');
    expect(body).toContain('Ring <a class="ds-link" href="tel:61182800">61 18 28 00</a>.');
    expect(body).toContain('<p>Ring <a class="ds-link" href="tel:08915">08915</a> om det haster.</p>');
  });

  it('puts «Løst» above the updates once it is resolved, with the year when it differs from the start', () => {
    const { body } = noticePage(notice({ updates, resolved: '2027-01-03T09:00:00.000Z' }), context);

    expect(body).toContain(
      '<li class="notice-update notice-resolved"><h3>Løst <time datetime="2027-01-03T09:00:00.000Z">3. januar 2027 kl. 10:00</time></h3></li>',
    );
    expect(body.indexOf('notice-resolved')).toBeLessThan(body.indexOf('Oppdatering <time'));
    expect(body).toContain('<dt>Ventet over</dt>');
  });

  it('has no updates section before there is anything to say', () => {
    expect(noticePage(notice(), context).body).not.toContain('Oppdateringer');
  });

  it('does not depend on the moment it is drawn, and its key changes with any change to the notice', () => {
    expect(noticeKey(notice({ updates }), 'page')).toBe(noticeKey(notice({ updates }), 'page'));
    expect(noticeKey(notice({ updates }), 'page')).not.toBe(noticeKey(notice(), 'page'));
    expect(noticeKey(notice({ html: '<p>Ny tekst</p>' }), 'page')).not.toBe(noticeKey(notice(), 'page'));
    // A line shows the title and times only: a new update leaves it as it was drawn.
    expect(noticeKey(notice({ updates }), 'line')).toBe(noticeKey(notice(), 'line'));
  });
});

describe('lists', () => {
  const ongoing = notice({ id: 'pagar' });
  const planned = notice({ id: 'planlagt', severity: 'planned', start: '2026-12-08T21:00:00.000Z', expectedEnd: '2026-12-09T01:00:00.000Z' });
  const over = notice({ id: 'over', start: '2026-11-01T07:00:00.000Z', expectedEnd: '2026-11-05T15:00:00.000Z', resolved: '2026-11-04T11:00:00.000Z' });
  const older = notice({ id: 'eldre', start: '2026-10-01T07:00:00.000Z', expectedEnd: '2026-10-02T15:00:00.000Z' });
  const all = [planned, ongoing, over, older];
  const ids = (list: PublishedNotice[]) => list.map((entry) => entry.id);

  it('holds what each list should at a moment: current, ongoing, planned, and the archive by latest end', () => {
    expect(ids(noticesInList({ kind: 'current', style: 'card' }, all, NOW))).toEqual(['planlagt', 'pagar']);
    expect(ids(noticesInList({ kind: 'ongoing', style: 'card' }, all, NOW))).toEqual(['pagar']);
    expect(ids(noticesInList({ kind: 'planned', style: 'card' }, all, NOW))).toEqual(['planlagt']);
    expect(ids(noticesInList({ kind: 'archive', style: 'card' }, all, NOW))).toEqual(['over', 'eldre']);
    expect(ids(noticesInList({ kind: 'current', style: 'card', service: 'audio-log' }, all, NOW))).toEqual([]);
  });

  it('hides planned work in a current list until it begins, by the reader’s clock', () => {
    const html = noticeItemsHtml({ kind: 'current', style: 'card' }, all, context, NOW);

    expect(html).toMatch(/<article[^>]*id="planlagt"[^>]*data-show-from="2026-12-08T21:00:00.000Z"[^>]*hidden>/);
    expect(html).toMatch(/<article[^>]*id="pagar"(?![^>]*hidden)[^>]*>/);
  });

  it('gives the report form a line in the words of the kind of notice, linking to its page', () => {
    expect(noticeLineHtml(ongoing, NOW)).toContain('Kjent driftsforstyrrelse, vi jobber med den: <a class="ds-link" href="/driftsmeldinger/pagar/">');
    expect(noticeLineHtml(planned, NOW)).toContain('Planlagt arbeid: <a');
  });

  it('reads a list’s spec back from its attributes, and nothing else', () => {
    expect(listSpecOf({ noticeList: 'current', noticeStyle: 'line', noticeService: 'radio' })).toEqual({
      kind: 'current',
      style: 'line',
      service: 'radio',
      headingLevel: undefined,
    });
    expect(listSpecOf({ noticeList: 'archive', noticeStyle: 'card', noticeHeading: '2' })?.headingLevel).toBe(2);
    expect(listSpecOf({ noticeList: 'alle', noticeStyle: 'card' })).toBeUndefined();
    expect(listSpecOf({ noticeList: 'current', noticeStyle: 'card', noticeService: 'radar' })).toBeUndefined();
  });

  it('agrees with the notices document’s own phase, at every moment', () => {
    const time = fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-12-31') }).map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(time, fc.option(time, { nil: undefined }), fc.option(time, { nil: undefined }), time, (start, expectedEnd, resolved, now) => {
        const times = { start, expectedEnd, resolved };
        expect(noticePhaseAt(times, new Date(now))).toBe(publishedNoticePhase(times, new Date(now)));
      }),
    );
  });
});

describe('the page script’s check of the document', () => {
  it('takes a published document and refuses another format', () => {
    const document = { format: 'serviceportal.notices.v1', publishedAt: '2026-11-30T10:00:00.000Z', notices: [notice()] };

    expect(liveDocumentSchema.safeParse(document).success).toBe(true);
    expect(liveDocumentSchema.safeParse({ ...document, format: 'serviceportal.notices.v2' }).success).toBe(false);
    expect(liveDocumentSchema.safeParse({ ...document, notices: [{ ...notice(), severity: 'storhendelse' }] }).success).toBe(false);
    expect(liveDocumentSchema.safeParse({ ...document, notices: [{ ...notice(), start: 'i morgen' }] }).success).toBe(false);
  });
});

describe('filling a template', () => {
  const template = `<html><head>${TEMPLATE_ONLY}<title>${NOTICE_SLOTS.title} – Serviceportal</title><meta name="description" content="${NOTICE_SLOTS.description}"></head><main>${NOTICE_SLOTS.body}</main></html>`;

  it('escapes the title and description, puts the body in as it is, once, and drops the template’s noindex', () => {
    const page = fillNoticeTemplate(template, { title: 'A & «B» {{innhold}}', description: '"$&"', body: '<h1>X $1</h1>' });

    expect(page).toBe(
      '<html><head><title>A &amp; «B» {{innhold}} – Serviceportal</title><meta name="description" content="&quot;$&amp;&quot;"></head><main><h1>X $1</h1></main></html>',
    );
  });

  it('refuses a page that is not a template', () => {
    expect(() => fillNoticeTemplate('<html></html>', { title: '', description: '', body: '' })).toThrow(/npm run build/);
  });
});
