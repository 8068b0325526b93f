import { PRIORITIES, type Priority } from './priority.ts';
import { CASE_STATES, type CaseState } from './report-life.ts';

/** Reports per service, priority and ISO week: the raw material for problem management and planning. */
export interface StatsRow {
  week: string;
  serviceId: string;
  priority: Priority;
  count: number;
}

/** ISO 8601 week of a date in Oslo, written `2026-W47`. */
export function isoWeek(iso: string): string {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' })
    .format(new Date(iso))
    .split('-')
    .map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

export function tallyReports(reports: Iterable<{ serviceId: string; priority: Priority; receivedAt: string }>): StatsRow[] {
  const counts = new Map<string, StatsRow>();
  for (const report of reports) {
    const week = isoWeek(report.receivedAt);
    const key = `${week}|${report.serviceId}|${report.priority}`;
    const row = counts.get(key) ?? { week, serviceId: report.serviceId, priority: report.priority, count: 0 };
    row.count += 1;
    counts.set(key, row);
  }
  return [...counts.values()].sort(
    (a, b) => a.week.localeCompare(b.week) || a.serviceId.localeCompare(b.serviceId) || PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority),
  );
}

const HEADERS = ['Uke', 'Tjeneste', 'Prioritet', 'Antall'] as const;

export function formatStatsCsv(rows: readonly StatsRow[]): string {
  return [HEADERS.join(','), ...rows.map((row) => [row.week, row.serviceId, row.priority, row.count].join(','))].join('\n');
}

export function formatStatsTable(rows: readonly StatsRow[]): string {
  if (rows.length === 0) return 'Ingen meldinger funnet.';
  const cells = [[...HEADERS], ...rows.map((row) => [row.week, row.serviceId, row.priority, String(row.count)])];
  const widths = HEADERS.map((_, column) => Math.max(...cells.map((line) => line[column]?.length ?? 0)));
  const render = (line: string[]) =>
    line.map((cell, column) => (column === 3 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ');
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return [render(cells[0] ?? []), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(render), '', `Totalt: ${total} meldinger`].join(
    '\n',
  );
}

/** Reports by where their case is at the desk now (core/report-life.ts): every state, in the order a case goes. */
export interface StateRow {
  state: CaseState;
  count: number;
}

export function tallyStates(reports: Iterable<{ state: CaseState }>): StateRow[] {
  const counts = new Map<CaseState, number>(CASE_STATES.map((state) => [state, 0]));
  for (const report of reports) counts.set(report.state, (counts.get(report.state) ?? 0) + 1);
  return CASE_STATES.map((state) => ({ state, count: counts.get(state) ?? 0 }));
}

const STATE_HEADERS = ['Status', 'Antall'] as const;

/** `labels`: each state's label from content/case-states.yaml («Registrert»); the CSV keeps the fixed ids as well. */
export function formatStatesCsv(rows: readonly StateRow[], labels: Readonly<Record<CaseState, string>>): string {
  return [['Tilstand', ...STATE_HEADERS].join(','), ...rows.map((row) => [row.state, csvCell(labels[row.state]), row.count].join(','))].join('\n');
}

export function formatStatesTable(rows: readonly StateRow[], labels: Readonly<Record<CaseState, string>>): string {
  const cells = [[...STATE_HEADERS], ...rows.map((row) => [labels[row.state], String(row.count)])];
  const widths = STATE_HEADERS.map((_, column) => Math.max(...cells.map((line) => line[column]?.length ?? 0)));
  const render = (line: string[]) =>
    line.map((cell, column) => (column === 1 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ');
  return [render(cells[0] ?? []), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(render)].join('\n');
}

/** A label is the editors' text: quoted when it holds a comma, a quote or a line break. */
function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
