import { escapeHtml } from './html.ts';
import { PRIORITIES, type Priority } from './priority.ts';
import type { CaseState } from './report-life.ts';
import { compareServices, type MedianCell, type MedianRow, type StatsSummary } from './stats-report.ts';

/**
 * The statistics as one self-contained HTML file in bokmål (`npm run stats -- --html`): no script, no external
 * resource, charts as inline SVG, each chart followed by a table with the same numbers. Every value is escaped.
 * The names are the editors' (passed in from the catalog by infra/tools/stats.ts), never ids: a chart's bars and
 * the table after it carry `data-value`, so a test can see that they hold the same numbers.
 */

export interface StatsWords {
  /** Each service's name (content/services/<id>.yaml), by id. */
  services: Readonly<Record<string, string>>;
  /** Each priority's name (content/priority.yaml): «Kritisk». */
  priorities: Readonly<Record<Priority, string>>;
  /** Each state's label (content/case-states.yaml): «Registrert». */
  states: Readonly<Record<CaseState, string>>;
}

const esc = (value: string | number) => escapeHtml(String(value));

const DATE_TIME = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });
const SHORT_DATE_TIME = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' });
const TIME = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' });
const DAY = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo' });
const MONTH = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-11` as «november 2026». */
export function monthLabel(month: string): string {
  return MONTH.format(new Date(`${month}-15T12:00:00Z`));
}

/** A duration as the desk says it: «under 1 min», «45 min», «2 t 15 min», «3 d 4 t» (t = timer, d = døgn). */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} t` : `${hours} t ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} t`;
}

/** A time window in Oslo: «12. nov. 2026, 08:00–09:40» (one time when both are in one minute), or both ends in full across midnight. */
export function formatWindow(from: string, to: string): string {
  if (DAY.format(new Date(from)) === DAY.format(new Date(to))) {
    const [start, end] = [SHORT_DATE_TIME.format(new Date(from)), TIME.format(new Date(to))];
    return start.endsWith(end) ? start : `${start}–${end}`;
  }
  return `${SHORT_DATE_TIME.format(new Date(from))} – ${SHORT_DATE_TIME.format(new Date(to))}`;
}

const nb = (value: number) => value.toLocaleString('nb-NO');

// ---------------------------------------------------------------- charts

interface Series {
  key: string;
  label: string;
  colour: string;
}

interface ChartRow {
  label: string;
  /** One bar per group (one for a plain or stacked chart, two for registered beside solved); each bar stacked by series. */
  bars: { series: string; value: number }[][];
}

/** Colours with at least 4.5:1 against white, so a bar and its legend stand out (WCAG 1.4.11). */
const PRIORITY_COLOURS: Record<Priority, string> = { P1: '#9f1239', P2: '#b45309', P3: '#1d4ed8', P4: '#475569' };
const REGISTERED_COLOUR = '#1d4ed8';
const SOLVED_COLOUR = '#0f766e';
const STATE_COLOUR = '#334155';

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
function barChart(options: { id: string; title: string; description: string; rows: readonly ChartRow[]; series: readonly Series[]; format: (value: number) => string }): string {
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
        parts.push(`<rect x="${round(x)}%" y="${y}" width="${round(width)}%" height="${BAR}" fill="${esc(colour.get(part.series) ?? STATE_COLOUR)}" data-value="${esc(part.value)}"/>`);
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

// ---------------------------------------------------------------- tables

interface Cell {
  text: string;
  /** The number a chart draws for this cell, if it draws one. */
  value?: number | undefined;
  numeric?: boolean;
  header?: boolean;
  /** Kept on one line (a time window). */
  nowrap?: boolean;
  /** A list, each item kept on one line (references), in place of `text`. */
  items?: readonly string[];
}

function table(options: { id: string; caption: string; headers: readonly string[]; numericFrom: number; rows: readonly Cell[][]; foot?: Cell[] | undefined }): string {
  const { id, caption, headers, numericFrom } = options;
  const cell = (item: Cell, column: number, scope: 'row' | 'col' = 'row') => {
    const numeric = item.numeric ?? column >= numericFrom;
    const classes = [...(numeric ? ['num'] : []), ...(item.nowrap ? ['nowrap'] : [])];
    const attributes = `${classes.length > 0 ? ` class="${classes.join(' ')}"` : ''}${item.value !== undefined ? ` data-value="${esc(item.value)}"` : ''}`;
    const content = item.items ? item.items.map((text) => `<span class="nowrap">${esc(text)}</span>`).join(', ') : esc(item.text);
    return item.header ? `<th scope="${scope}"${attributes}>${content}</th>` : `<td${attributes}>${content}</td>`;
  };
  const head = `<thead><tr>${headers.map((header, column) => `<th scope="col"${column >= numericFrom ? ' class="num"' : ''}>${esc(header)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${options.rows.map((row) => `<tr>${row.map((item, column) => cell(item, column)).join('')}</tr>`).join('')}</tbody>`;
  const foot = options.foot ? `<tfoot><tr>${options.foot.map((item, column) => cell(item, column)).join('')}</tr></tfoot>` : '';
  return (
    `<div class="table-wrap" role="region" aria-labelledby="${esc(id)}" tabindex="0">` +
    `<table><caption id="${esc(id)}">${esc(caption)}</caption>${head}${body}${foot}</table></div>`
  );
}

const header = (text: string): Cell => ({ text, header: true, numeric: false });
const count = (value: number, drawn = true): Cell => ({ text: nb(value), ...(drawn && value > 0 ? { value } : {}), numeric: true });

// ---------------------------------------------------------------- the page

/** The whole file. `generatedAt` is when it was made (the CLI passes the clock in). */
export function renderStatsHtml(summary: StatsSummary, words: StatsWords, generatedAt: Date): string {
  const serviceName = (id: string) => words.services[id] ?? `Tjeneste som ikke lenger finnes (${id})`;
  const priorityName = (priority: Priority) => `${priority} ${words.priorities[priority]}`;
  const prioritySeries: Series[] = PRIORITIES.map((priority) => ({ key: priority, label: priorityName(priority), colour: PRIORITY_COLOURS[priority] }));

  const intro =
    summary.total === 0
      ? '<p>Ingen meldinger funnet.</p>'
      : `<p class="lead">${esc(nb(summary.total))} ${summary.total === 1 ? 'melding' : 'meldinger'} mottatt fra ${esc(DATE_TIME.format(new Date(summary.firstReceivedAt ?? '')))} til ${esc(DATE_TIME.format(new Date(summary.lastReceivedAt ?? '')))}.</p>`;

  const sections =
    summary.total === 0
      ? ''
      : [monthSection(summary, serviceName, priorityName, prioritySeries), durationSection(summary, serviceName, priorityName), clusterSection(summary, serviceName), stateSection(summary, words)].join('\n');

  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Statistikk fra Serviceportalen</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Statistikk fra Serviceportalen</h1>
${intro}
<p class="meta">Laget ${esc(DATE_TIME.format(generatedAt))}. Meldinger som har passert lagringstiden, er slettet og ikke med.</p>
${summary.total === 0 ? '' : TOC}
${sections}
</main>
</body>
</html>
`;
}

const TOC = `<nav aria-labelledby="toc"><h2 id="toc">Innhold</h2><ol>
<li><a href="#per-maaned">Meldinger per måned</a></li>
<li><a href="#tid">Tid til registrert og løst</a></li>
<li><a href="#opphopninger">Opphopninger av meldinger</a></li>
<li><a href="#status">Meldingene etter hvor saken er nå</a></li>
</ol></nav>`;

function monthSection(summary: StatsSummary, serviceName: (id: string) => string, priorityName: (p: Priority) => string, series: Series[]): string {
  const byMonth = new Map<string, Record<Priority, number>>(summary.months.map((month) => [month, zeroes()]));
  const byService = new Map<string, Record<Priority, number>>();
  const byMonthService = new Map<string, Record<Priority, number>>();
  for (const row of summary.monthRows) {
    add(byMonth, row.month, row.priority, row.count);
    add(byService, row.serviceId, row.priority, row.count);
    add(byMonthService, `${row.month}|${row.serviceId}`, row.priority, row.count);
  }
  const services = [...byService.keys()].sort(compareServices);
  const priorityHeaders = PRIORITIES.map(priorityName);
  const totals = zeroes();
  for (const counts of byMonth.values()) for (const priority of PRIORITIES) totals[priority] += counts[priority];

  const monthChart = barChart({
    id: 'chart-months',
    title: 'Meldinger per måned, fordelt på prioritet',
    description: 'Stolpediagram. Tallene står i tabellen under.',
    rows: [...byMonth].map(([month, counts]) => ({ label: monthLabel(month), bars: [PRIORITIES.map((priority) => ({ series: priority, value: counts[priority] }))] })),
    series,
    format: nb,
  });
  const monthTable = table({
    id: 'table-months',
    caption: 'Meldinger per måned og prioritet',
    headers: ['Måned', ...priorityHeaders, 'Sum'],
    numericFrom: 1,
    rows: [...byMonth].map(([month, counts]) => [header(monthLabel(month)), ...PRIORITIES.map((priority) => count(counts[priority])), count(sum(counts), false)]),
    foot: [header('Sum'), ...PRIORITIES.map((priority) => count(totals[priority], false)), count(summary.total, false)],
  });
  const serviceChart = barChart({
    id: 'chart-services',
    title: 'Meldinger per tjeneste, fordelt på prioritet',
    description: 'Stolpediagram. Tallene står i tabellen under.',
    rows: services.map((id) => ({ label: serviceName(id), bars: [PRIORITIES.map((priority) => ({ series: priority, value: byService.get(id)?.[priority] ?? 0 }))] })),
    series,
    format: nb,
  });
  const serviceTable = table({
    id: 'table-services',
    caption: 'Meldinger per tjeneste og prioritet',
    headers: ['Tjeneste', ...priorityHeaders, 'Sum'],
    numericFrom: 1,
    rows: services.map((id) => {
      const counts = byService.get(id) ?? zeroes();
      return [header(serviceName(id)), ...PRIORITIES.map((priority) => count(counts[priority])), count(sum(counts), false)];
    }),
  });
  const detailTable = table({
    id: 'table-month-service',
    caption: 'Meldinger per måned, tjeneste og prioritet',
    headers: ['Måned', 'Tjeneste', ...priorityHeaders, 'Sum'],
    numericFrom: 2,
    rows: [...byMonthService].map(([key, counts]) => {
      const [month = '', serviceId = ''] = key.split('|');
      return [header(monthLabel(month)), header(serviceName(serviceId)), ...PRIORITIES.map((priority) => count(counts[priority], false)), count(sum(counts), false)];
    }),
  });
  return `<section aria-labelledby="per-maaned">
<h2 id="per-maaned">Meldinger per måned</h2>
<p>Hver melding telles i måneden den ble mottatt (norsk tid), med prioriteten skjemaet foreslo eller Servicedesk satte.</p>
${monthChart}
${monthTable}
<h3>Per tjeneste</h3>
${serviceChart}
${serviceTable}
<h3>Per måned og tjeneste</h3>
${detailTable}
</section>`;
}

function durationSection(summary: StatsSummary, serviceName: (id: string) => string, priorityName: (p: Priority) => string): string {
  const { byService, byPriority, all } = summary.medians;
  const block = (id: string, what: string, rows: MedianRow[], label: (key: string) => string) => {
    const chart = barChart({
      id: `chart-${id}`,
      title: `Median tid fra mottatt til registrert og til løst, per ${what}`,
      description: 'Stolpediagram med to stolper for hver: til registrert og til løst. Tallene står i tabellen under.',
      rows: rows.map((row) => ({
        label: label(row.key),
        bars: [medianBar('registered', row.toRegistered), medianBar('solved', row.toSolved)],
      })),
      series: [
        { key: 'registered', label: 'Til registrert', colour: REGISTERED_COLOUR },
        { key: 'solved', label: 'Til løst', colour: SOLVED_COLOUR },
      ],
      format: formatDuration,
    });
    const cells = (row: MedianRow, drawn: boolean): Cell[] => [
      count(row.reports, false),
      medianCellText(row.toRegistered, drawn),
      count(row.toRegistered.measured, false),
      count(row.toRegistered.excluded, false),
      medianCellText(row.toSolved, drawn),
      count(row.toSolved.measured, false),
      count(row.toSolved.excluded, false),
    ];
    const durationTable = table({
      id: `table-${id}`,
      caption: `Median tid per ${what}`,
      headers: [what === 'tjeneste' ? 'Tjeneste' : 'Prioritet', 'Meldinger', 'Median til registrert', 'Målt', 'Ikke registrert ennå', 'Median til løst', 'Målt', 'Ikke løst ennå'],
      numericFrom: 1,
      rows: rows.map((row) => [header(label(row.key)), ...cells(row, true)]),
      foot: [header('Alle meldinger'), ...cells(all, false)],
    });
    return `${chart}\n${durationTable}`;
  };
  return `<section aria-labelledby="tid">
<h2 id="tid">Tid til registrert og løst</h2>
<p>Median tid fra meldingen ble mottatt til Servicedesk registrerte saken (første gang saken ble flyttet videre fra «mottatt»), og til saken sist ble løst eller lukket. Meldinger som ennå ikke er registrert eller løst, er ikke med i medianen; tabellene viser hvor mange som er utelatt. En sak som er gjenåpnet, regnes som ikke løst. Forkortelser: t&nbsp;=&nbsp;timer, d&nbsp;=&nbsp;døgn.</p>
<h3>Per tjeneste</h3>
${block('duration-services', 'tjeneste', byService, serviceName)}
<h3>Per prioritet</h3>
${block('duration-priorities', 'prioritet', byPriority, (key) => priorityName(key as Priority))}
</section>`;
}

function medianBar(series: string, cell: MedianCell): { series: string; value: number }[] {
  return cell.median === undefined ? [] : [{ series, value: cell.median }];
}

function medianCellText(cell: MedianCell, drawn: boolean): Cell {
  return cell.median === undefined ? { text: '–', numeric: true } : { text: formatDuration(cell.median), numeric: true, ...(drawn ? { value: cell.median } : {}) };
}

function clusterSection(summary: StatsSummary, serviceName: (id: string) => string): string {
  const { minReports, windowMinutes } = summary.clusterRule;
  const window = windowMinutes % 60 === 0 ? `${windowMinutes / 60} ${windowMinutes === 60 ? 'time' : 'timer'}` : `${windowMinutes} minutter`;
  const rule = `En opphopning er minst ${minReports} meldinger om samme tjeneste der hver melding kom inn høyst ${window} etter den forrige. Den kan vare lenger enn ${window} så lenge meldingene fortsetter å komme.`;
  const body =
    summary.clusters.length === 0
      ? '<p>Ingen opphopninger etter denne regelen.</p>'
      : table({
          id: 'table-clusters',
          caption: `Opphopninger: ${nb(summary.clusters.length)}`,
          headers: ['Tjeneste', 'Tidsrom', 'Meldinger', 'Referanser', 'Organisasjoner', 'Steder'],
          numericFrom: 6,
          rows: summary.clusters.map((cluster) => [
            header(serviceName(cluster.serviceId)),
            { text: formatWindow(cluster.from, cluster.to), nowrap: true },
            { text: nb(cluster.count), numeric: true },
            { text: cluster.references.join(', '), items: cluster.references },
            { text: cluster.organisations.join(', ') || '–' },
            { text: cluster.sites.join(', ') || '–' },
          ]),
        });
  return `<section aria-labelledby="opphopninger">
<h2 id="opphopninger">Opphopninger av meldinger</h2>
<p>Mange meldinger om én tjeneste på kort tid kan gjelde ett underliggende problem, og kanskje en storhendelse. ${esc(rule)}</p>
${body}
</section>`;
}

function stateSection(summary: StatsSummary, words: StatsWords): string {
  const chart = barChart({
    id: 'chart-states',
    title: 'Meldingene etter hvor saken er nå',
    description: 'Stolpediagram. Tallene står i tabellen under.',
    rows: summary.states.map((row) => ({ label: words.states[row.state], bars: [[{ series: 'state', value: row.count }]] })),
    series: [{ key: 'state', label: 'Meldinger', colour: STATE_COLOUR }],
    format: nb,
  });
  const stateTable = table({
    id: 'table-states',
    caption: 'Meldingene etter hvor saken er nå',
    headers: ['Status', 'Meldinger'],
    numericFrom: 1,
    rows: summary.states.map((row) => [header(words.states[row.state]), count(row.count)]),
    foot: [header('Sum'), count(summary.total, false)],
  });
  return `<section aria-labelledby="status">
<h2 id="status">Meldingene etter hvor saken er nå</h2>
${chart}
${stateTable}
</section>`;
}

function zeroes(): Record<Priority, number> {
  return { P1: 0, P2: 0, P3: 0, P4: 0 };
}

function add(map: Map<string, Record<Priority, number>>, key: string, priority: Priority, value: number): void {
  const counts = map.get(key) ?? zeroes();
  counts[priority] += value;
  map.set(key, counts);
}

function sum(counts: Record<Priority, number>): number {
  return PRIORITIES.reduce((total, priority) => total + counts[priority], 0);
}

const STYLE = `
:root{color-scheme:light;--text:#1a1a1a;--muted:#4a4a4a;--line:#c8c8c8;--head:#f1f3f5;--link:#1d4ed8}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1rem;line-height:1.5;color:var(--text);background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.375rem;line-height:1.25;margin:2.5rem 0 .75rem;padding-top:1rem;border-top:2px solid var(--line)}
nav h2{border-top:0;padding-top:0;margin-top:1.5rem;font-size:1.125rem}
h3{font-size:1.125rem;margin:2rem 0 .5rem}
p{max-width:42rem;overflow-wrap:break-word}
.lead{font-size:1.125rem}
.meta{color:var(--muted)}
a{color:var(--link)}
a:focus-visible,.table-wrap:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.chart{margin:1rem 0 .75rem;max-width:40rem}
.chart svg{display:block;width:100%;overflow:visible;fill:var(--text);font-size:14px}
.chart .value{fill:var(--muted);font-size:13px}
.legend{list-style:none;margin:0 0 .75rem;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;font-size:.875rem}
.legend li{display:flex;align-items:center;gap:.4rem}
.swatch{display:inline-block;width:.875rem;height:.875rem;forced-color-adjust:none}
.table-wrap{overflow-x:auto;margin:.5rem 0 1.5rem;max-width:100%}
table{border-collapse:collapse;font-size:.9375rem;min-width:min(100%,24rem)}
caption{text-align:left;font-weight:600;padding:.25rem 0 .5rem}
th,td{border-bottom:1px solid var(--line);padding:.375rem .625rem;text-align:left;vertical-align:top}
thead th{background:var(--head);border-bottom:2px solid #6b6b6b;vertical-align:bottom}
tbody th{font-weight:500}
tfoot th,tfoot td{font-weight:600;border-top:2px solid #6b6b6b}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.num,.nowrap{white-space:nowrap}
@media print{h2{break-before:auto}.table-wrap{overflow:visible}}
`;
