import { PRIORITIES, type Priority } from './priority.ts';
import type { CaseState } from './report-life.ts';
import { PRIORITY_COLOURS, type Series } from './stats-charts.ts';
import { formatOsloTime } from './oslo-time.ts';
import { esc, nb } from './stats-format.ts';
import type { StatsSummary } from './stats-report.ts';
import { clusterSection, durationSection, monthSection, stateSection } from './stats-sections.ts';

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

/** The whole file. `generatedAt` is when it was made (the CLI passes the clock in). */
export function renderStatsHtml(summary: StatsSummary, words: StatsWords, generatedAt: Date): string {
  const serviceName = (id: string) => words.services[id] ?? `Tjeneste som ikke lenger finnes (${id})`;
  const priorityName = (priority: Priority) => `${priority} ${words.priorities[priority]}`;
  const prioritySeries: Series[] = PRIORITIES.map((priority) => ({ key: priority, label: priorityName(priority), colour: PRIORITY_COLOURS[priority] }));

  const intro =
    summary.total === 0
      ? '<p>Ingen meldinger funnet.</p>'
      : `<p class="lead">${esc(nb(summary.total))} ${summary.total === 1 ? 'melding' : 'meldinger'} mottatt fra ${esc(formatOsloTime(summary.firstReceivedAt ?? ''))} til ${esc(formatOsloTime(summary.lastReceivedAt ?? ''))}.</p>`;

  const sections =
    summary.total === 0
      ? ''
      : [
          monthSection(summary, serviceName, priorityName, prioritySeries),
          durationSection(summary, serviceName, priorityName),
          clusterSection(summary, serviceName),
          stateSection(summary, words.states),
        ].join('\n');

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
<p class="meta">Laget ${esc(formatOsloTime(generatedAt))}. Meldinger som har passert lagringstiden, er slettet og ikke med.</p>
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
