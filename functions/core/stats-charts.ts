import type { Priority } from './priority.ts';
import { esc } from './stats-format.ts';

/** The inline SVG bar charts of the statistics file (core/stats-html.ts). */

export interface Series {
  key: string;
  label: string;
  colour: string;
}

export interface ChartRow {
  label: string;
  /** One bar per group (one for a plain or stacked chart, two for registered beside solved); each bar stacked by series. */
  bars: { series: string; value: number }[][];
}

/** Colours with at least 4.5:1 against white, so a bar and its legend stand out (WCAG 1.4.11). */
export const PRIORITY_COLOURS: Record<Priority, string> = { P1: '#9f1239', P2: '#b45309', P3: '#1d4ed8', P4: '#475569' };
export const REGISTERED_COLOUR = '#1d4ed8';
export const SOLVED_COLOUR = '#0f766e';
export const STATE_COLOUR = '#334155';

/** The longest bar, in per cent of the chart's width: the rest is room for the value after it. */
const LONGEST = 72;
const BAR = 18;
const LABEL = 20;
const GAP = 12;

/**
 * A horizontal bar chart: each row's label above its bar(s), the value after each bar, and an HTML legend before
 * it when there is more than one series. The SVG has no viewBox: bars are laid out in per cent of its width and
 * text keeps its size, so the chart fills a phone's width as well as a desktop's and stays legible at 320 px.
 * `role="img"` with a title and description, so a screen reader hears the chart's name and is pointed to the table.
 */
export function barChart(options: {
  id: string;
  title: string;
  description: string;
  rows: readonly ChartRow[];
  series: readonly Series[];
  format: (value: number) => string;
}): string {
  const { id, rows, series, format } = options;
  const max = Math.max(1, ...rows.flatMap((row) => row.bars.map((bar) => bar.reduce((sum, part) => sum + part.value, 0))));
  const colour = new Map(series.map((item) => [item.key, item.colour]));
  const parts: string[] = [];
  let y = 0;
  for (const row of rows) {
    parts.push(`<text x="0" y="${y + 15}" class="label">${esc(row.label)}</text>`);
    y += LABEL + 4;
    for (const bar of row.bars) {
      let x = 0;
      for (const part of bar) {
        if (part.value <= 0) continue;
        const width = Math.max(0.4, (part.value / max) * LONGEST);
        parts.push(
          `<rect x="${round(x)}%" y="${y}" width="${round(width)}%" height="${BAR}" fill="${esc(colour.get(part.series) ?? STATE_COLOUR)}" data-value="${esc(part.value)}"/>`,
        );
        x += width;
      }
      const total = bar.reduce((sum, part) => sum + part.value, 0);
      parts.push(`<text x="${round(x)}%" dx="6" y="${y + 14}" class="value">${esc(bar.length === 0 ? '–' : format(total))}</text>`);
      y += BAR + 4;
    }
    y += GAP;
  }
  const legend =
    series.length > 1
      ? `<ul class="legend">${series.map((item) => `<li><span class="swatch" style="background:${esc(item.colour)}"></span>${esc(item.label)}</li>`).join('')}</ul>`
      : '';
  return (
    `<div class="chart">${legend}<svg id="${esc(id)}" role="img" aria-labelledby="${esc(id)}-title ${esc(id)}-desc" width="100%" height="${Math.max(y - GAP, 1)}">` +
    `<title id="${esc(id)}-title">${esc(options.title)}</title><desc id="${esc(id)}-desc">${esc(options.description)}</desc>` +
    `${parts.join('')}</svg></div>`
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
