import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../../functions/core/priority.ts';
import { SERVICE_IDS } from '../../functions/core/service-ids.ts';
import { formatDuration, formatWindow, monthLabel } from '../../functions/core/stats-format.ts';
import { renderStatsHtml } from '../../functions/core/stats-html.ts';
import { summariseStats } from '../../functions/core/stats-report.ts';
import { escapeHtml } from '../../functions/core/html.ts';
import { statsWordsOf } from '../../infra/tools/stats-words.ts';
import { realCatalog } from './builders.ts';
import { statsFixture, statsReport } from './stats-fixtures.ts';

const GENERATED_AT = new Date('2026-12-02T09:30:00Z');
const WORDS = statsWordsOf(realCatalog());

function render(reports = statsFixture()): string {
  return renderStatsHtml(summariseStats(reports), WORDS, GENERATED_AT);
}

/** What a reader sees: the text outside tags, the style sheet and the SVGs' titles left out. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&');
}

/** The non-zero numbers a piece of HTML marks with data-value, sorted. */
function dataValues(html: string): number[] {
  return [...html.matchAll(/data-value="([^"]+)"/g)].map((match) => Number(match[1])).sort((a, b) => a - b);
}

describe('formatDuration', () => {
  it.each([
    [30_000, 'under 1 min'],
    [45 * 60_000, '45 min'],
    [60 * 60_000, '1 t'],
    [135 * 60_000, '2 t 15 min'],
    [24 * 60 * 60_000, '1 d'],
    [(3 * 24 + 4) * 60 * 60_000 + 59 * 60_000, '3 d 4 t'],
  ])('writes %d ms as «%s»', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('monthLabel and formatWindow', () => {
  it('names a month in bokmål', () => {
    expect(monthLabel('2026-11')).toBe('november 2026');
  });

  it('writes a window inside one day with the date once, in Oslo time', () => {
    expect(formatWindow('2026-10-14T06:00:00Z', '2026-10-14T10:25:00Z')).toBe('14. okt. 2026, 08:00–12:25');
  });

  it('writes one time for a window inside one minute', () => {
    expect(formatWindow('2026-10-14T06:00:10Z', '2026-10-14T06:00:50Z')).toBe('14. okt. 2026, 08:00');
  });

  it('writes both dates of a window across midnight', () => {
    expect(formatWindow('2026-10-14T21:30:00Z', '2026-10-14T22:30:00Z')).toBe('14. okt. 2026, 23:30 – 15. okt. 2026, 00:30');
  });
});

describe('renderStatsHtml', () => {
  it('is one self-contained bokmål page: no script, no external resource', () => {
    const html = render();

    expect(html).toMatch(/^<!doctype html>\n<html lang="nb">/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    // The only links are to the page's own sections.
    expect([...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]?.[0])).toEqual(['#', '#', '#', '#']);
  });

  it('names services, priorities and states as the editors do, never by id', () => {
    const html = render();
    const text = visibleText(html);

    for (const id of ['radio', 'iccs', 'video', 'telephony'] as const) expect(html).toContain(escapeHtml(realCatalog().services[id].name));
    for (const priority of PRIORITIES) expect(text).toContain(`${priority} ${realCatalog().priority.levels[priority].name}`);
    for (const label of Object.values(WORDS.states)) expect(text).toContain(label);
    for (const id of SERVICE_IDS) expect(text, `the id «${id}» is shown`).not.toMatch(new RegExp(`(^|[^\\p{L}-])${id}($|[^\\p{L}-])`, 'u'));
  });

  it('shows a service removed from the catalog as such, not as a bare id', () => {
    const html = render([statsReport('HDO-2026-000001', 'pager', 'P3', '2026-10-01T08:00:00Z')]);

    expect(visibleText(html)).toContain('Tjeneste som ikke lenger finnes (pager)');
  });

  it('follows every chart with a table holding the same numbers', () => {
    const html = render();
    const charts = html.split('<svg').slice(1);

    expect(charts).toHaveLength(5);
    for (const chart of charts) {
      const svg = chart.slice(0, chart.indexOf('</svg>'));
      const afterSvg = chart.slice(chart.indexOf('</svg>'));
      const table = afterSvg.slice(0, afterSvg.indexOf('</table>'));

      expect(svg).toMatch(/^ id="[\w-]+" role="img" aria-labelledby="[\w-]+-title [\w-]+-desc"/);
      expect(svg).toMatch(/<title id="[\w-]+-title">[^<]+<\/title>/);
      expect(afterSvg.replace(/^<\/svg><\/div>\s*/, '')).toMatch(
        /^<div class="table-wrap" role="region" aria-labelledby="[\w-]+" tabindex="0"><table><caption/,
      );
      expect(dataValues(svg).length).toBeGreaterThan(0);
      expect(dataValues(table)).toEqual(dataValues(svg));
    }
  });

  it('gives every table a caption and scoped headers', () => {
    const html = render();
    const tables = html
      .split('<table>')
      .slice(1)
      .map((table) => table.slice(0, table.indexOf('</table>')));

    expect(tables).toHaveLength(7);
    for (const table of tables) {
      expect(table).toMatch(/^<caption id="[\w-]+">[^<]+<\/caption>/);
      expect(table).not.toMatch(/<th(?![a-z])(?! scope="(col|row)")/);
    }
  });

  it('counts per month, the empty month between too', () => {
    const text = visibleText(render()).replace(/\s+/g, ' ');

    // Month, P1–P4, sum.
    expect(text).toContain('oktober 2026 1 2 1 1 5');
    expect(text).toContain('november 2026 0 0 0 0 0');
  });

  it('shows the medians with how many were measured and left out', () => {
    const text = visibleText(render()).replace(/\s+/g, ' ');

    // Service, reports, median to registered, measured, not registered yet, median to solved, measured, not solved yet.
    expect(text).toContain(`${realCatalog().services.iccs.name} 4 10 min 3 1 3 t 30 min 2 2`);
    expect(text).toContain(`${realCatalog().services.video.name} 1 – 0 1 – 0 1`);
    expect(text).toContain('Alle meldinger 10 30 min 7 3 4 t 3 7');
  });

  it('lists each cluster with its service, window, count, references, organisations and sites, escaped', () => {
    const html = render();
    const clusters = html.slice(html.indexOf('<h2 id="opphopninger">'), html.indexOf('<h2 id="status">'));

    expect(clusters).toContain('minst 3 meldinger om samme tjeneste der hver melding kom inn høyst 2 timer etter den forrige');
    expect(clusters).toContain(escapeHtml(realCatalog().services.iccs.name));
    expect(clusters).toContain('14. okt. 2026, 08:00–12:25');
    expect(clusters).toContain('<td class="num">4</td>');
    expect(clusters).toContain(
      'HDO-2026-000003</span>, <span class="nowrap">HDO-2026-000004</span>, <span class="nowrap">HDO-2026-000005</span>, <span class="nowrap">HDO-2026-000006',
    );
    expect(clusters).toContain('Helse &lt;Bergen&gt; &amp; &quot;co&quot;, Sykehuset Innlandet');
    expect(clusters).toContain('AMK Bergen, AMK Innlandet');
    expect(clusters).not.toContain('<Bergen>');
    // Telephony's reports 120 and 121 minutes apart are no cluster.
    expect(clusters).not.toContain(realCatalog().services.telephony.name);
  });

  it('never calls a cluster «storulykke»', () => {
    expect(render().toLowerCase()).not.toContain('storulykke');
  });

  it('keeps the headings in order, one h1', () => {
    const levels = [...render().matchAll(/<h([1-6])\b/g)].map((match) => Number(match[1]));

    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    for (const [index, level] of levels.entries()) if (index > 0) expect(level - (levels[index - 1] ?? 1)).toBeLessThanOrEqual(1);
  });

  it('says when it was made, from the time passed in', () => {
    expect(visibleText(render())).toContain('Laget 2. desember 2026 kl. 10:30.');
  });

  it('says there is nothing to show without reports, with no chart', () => {
    const html = render([]);

    expect(visibleText(html)).toContain('Ingen meldinger funnet.');
    expect(html).not.toContain('<svg');
  });
});
