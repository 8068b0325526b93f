import { isPriority, PRIORITIES, type Priority } from './priority.ts';
import type { CaseState } from './report-life.ts';
import { barChart, REGISTERED_COLOUR, SOLVED_COLOUR, STATE_COLOUR, type Series } from './stats-charts.ts';
import { esc, formatDuration, formatWindow, monthLabel, nb } from './stats-format.ts';
import { compareServices, type MedianCell, type MedianRow, type StatsSummary } from './stats-report.ts';
import { count, header, table, type Cell } from './stats-tables.ts';

/** The sections of the statistics file (core/stats-html.ts): each a heading, its charts and the tables after them. */

export function monthSection(summary: StatsSummary, serviceName: (id: string) => string, priorityName: (p: Priority) => string, series: Series[]): string {
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

  const months = priorityBlock({
    id: 'months',
    what: 'måned',
    firstHeader: 'Måned',
    rows: [...byMonth].map(([month, counts]) => ({ label: monthLabel(month), counts })),
    series,
    priorityHeaders,
    foot: [header('Sum'), ...PRIORITIES.map((priority) => count(totals[priority], false)), count(summary.total, false)],
  });
  const perService = priorityBlock({
    id: 'services',
    what: 'tjeneste',
    firstHeader: 'Tjeneste',
    rows: services.map((id) => ({ label: serviceName(id), counts: byService.get(id) ?? zeroes() })),
    series,
    priorityHeaders,
  });
  const detailTable = table({
    id: 'table-month-service',
    caption: 'Meldinger per måned, tjeneste og prioritet',
    headers: ['Måned', 'Tjeneste', ...priorityHeaders, 'Sum'],
    numericFrom: 2,
    rows: [...byMonthService].map(([key, counts]) => {
      const [month = '', serviceId = ''] = key.split('|');
      return [
        header(monthLabel(month)),
        header(serviceName(serviceId)),
        ...PRIORITIES.map((priority) => count(counts[priority], false)),
        count(sum(counts), false),
      ];
    }),
  });
  return `<section aria-labelledby="per-maaned">
<h2 id="per-maaned">Meldinger per måned</h2>
<p>Hver melding telles i måneden den ble mottatt (norsk tid), med prioriteten skjemaet foreslo eller Servicedesk satte.</p>
${months}
<h3>Per tjeneste</h3>
${perService}
<h3>Per måned og tjeneste</h3>
${detailTable}
</section>`;
}

/** Counts per `what` (måned, tjeneste) stacked by priority: the chart `chart-<id>`, then the table `table-<id>` with the same numbers and a sum per row. */
function priorityBlock(options: {
  id: string;
  what: string;
  firstHeader: string;
  rows: readonly { label: string; counts: Record<Priority, number> }[];
  series: Series[];
  priorityHeaders: readonly string[];
  foot?: Cell[];
}): string {
  const { id, what, rows } = options;
  const chart = barChart({
    id: `chart-${id}`,
    title: `Meldinger per ${what}, fordelt på prioritet`,
    description: 'Stolpediagram. Tallene står i tabellen under.',
    rows: rows.map(({ label, counts }) => ({ label, bars: [PRIORITIES.map((priority) => ({ series: priority, value: counts[priority] }))] })),
    series: options.series,
    format: nb,
  });
  const countTable = table({
    id: `table-${id}`,
    caption: `Meldinger per ${what} og prioritet`,
    headers: [options.firstHeader, ...options.priorityHeaders, 'Sum'],
    numericFrom: 1,
    rows: rows.map(({ label, counts }) => [header(label), ...PRIORITIES.map((priority) => count(counts[priority])), count(sum(counts), false)]),
    foot: options.foot,
  });
  return `${chart}\n${countTable}`;
}

export function durationSection(summary: StatsSummary, serviceName: (id: string) => string, priorityName: (p: Priority) => string): string {
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
      headers: [
        what === 'tjeneste' ? 'Tjeneste' : 'Prioritet',
        'Meldinger',
        'Median til registrert',
        'Målt',
        'Ikke registrert ennå',
        'Median til løst',
        'Målt',
        'Ikke løst ennå',
      ],
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
${block('duration-priorities', 'prioritet', byPriority, (key) => (isPriority(key) ? priorityName(key) : key))}
</section>`;
}

function medianBar(series: string, cell: MedianCell): { series: string; value: number }[] {
  return cell.median === undefined ? [] : [{ series, value: cell.median }];
}

function medianCellText(cell: MedianCell, drawn: boolean): Cell {
  return cell.median === undefined
    ? { text: '–', numeric: true }
    : { text: formatDuration(cell.median), numeric: true, ...(drawn ? { value: cell.median } : {}) };
}

export function clusterSection(summary: StatsSummary, serviceName: (id: string) => string): string {
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

/** `stateNames`: each state's label (content/case-states.yaml), by state. */
export function stateSection(summary: StatsSummary, stateNames: Readonly<Record<CaseState, string>>): string {
  const chart = barChart({
    id: 'chart-states',
    title: 'Meldingene etter hvor saken er nå',
    description: 'Stolpediagram. Tallene står i tabellen under.',
    rows: summary.states.map((row) => ({ label: stateNames[row.state], bars: [[{ series: 'state', value: row.count }]] })),
    series: [{ key: 'state', label: 'Meldinger', colour: STATE_COLOUR }],
    format: nb,
  });
  const stateTable = table({
    id: 'table-states',
    caption: 'Meldingene etter hvor saken er nå',
    headers: ['Status', 'Meldinger'],
    numericFrom: 1,
    rows: summary.states.map((row) => [header(stateNames[row.state]), count(row.count)]),
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
