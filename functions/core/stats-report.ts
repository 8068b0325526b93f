import { isPriority, PRIORITIES, type Priority } from './priority.ts';
import { isCaseState, type CaseState } from './report-life.ts';
import { SERVICE_IDS } from './service-ids.ts';
import { tallyStates, type StateRow } from './stats.ts';
import { isJsonObject } from '../vocabulary/json-guards.ts';

/**
 * The statistics the desk looks at in `npm run stats -- --html`: reports per service × priority × month, how long
 * the desk takes from received to registered and to solved, clusters of reports that may be one problem, and the
 * reports by where their case is now. Pure: time comes in with the reports (and `now` where expiry is decided),
 * never from the clock, and names come in at rendering (core/stats-html.ts), never from the catalog here.
 */

/** What the statistics need of one stored report: no contact details beyond the organisation, no free text. */
export interface StatsReport {
  reference: string;
  serviceId: string;
  priority: Priority;
  receivedAt: string;
  /** Where the case is now (core/report-life.ts). */
  state: CaseState;
  /** The case's moves, oldest first; only moves of state count here (not requests to escalate). */
  events: readonly { kind: string; state: CaseState; at: string }[];
  /** The reporter's organisation (contact.organisation), when given. */
  organisation?: string | undefined;
  /** Where: the service's control room or location answer, when the service asks for one. */
  site?: string | undefined;
}

/** The answers (content/services/*.yaml) that say where the fault is, in the order they are preferred. */
export const SITE_ANSWERS = ['controlRoom', 'location'] as const;

/**
 * A scanned report item (unmarshalled, only the attributes infra/tools/stats.ts projects) as statistics, or
 * undefined when it has expired at `nowSeconds` (gone for every purpose, even before TTL removes it) or cannot be
 * counted (an unknown priority). A report stored before its life was kept, and never moved since, is received.
 */
export function statsReportFromItem(item: Record<string, unknown>, nowSeconds: number): StatsReport | undefined {
  if (typeof item.expiresAt === 'number' && item.expiresAt <= nowSeconds) return undefined;
  const priority = item.priority;
  if (!isPriority(priority)) return undefined;
  const life = isJsonObject(item.life) ? item.life : {};
  const state: CaseState = isCaseState(life.state) ? life.state : 'received';
  const events = (Array.isArray(life.events) ? life.events : [])
    .filter(isJsonObject)
    .flatMap((event) =>
      typeof event.kind === 'string' && isCaseState(event.state) && typeof event.at === 'string' && !Number.isNaN(Date.parse(event.at))
        ? [{ kind: event.kind, state: event.state, at: event.at }]
        : [],
    );
  const answers = isJsonObject(item.answers) ? item.answers : {};
  const site = SITE_ANSWERS.map((id) => answers[id]).find((answer): answer is string => typeof answer === 'string' && answer.trim() !== '');
  const organisation =
    isJsonObject(item.contact) && typeof item.contact.organisation === 'string' && item.contact.organisation.trim() !== ''
      ? item.contact.organisation.trim()
      : undefined;
  const reference = typeof item.reference === 'string' ? item.reference : String(item.pk ?? '').replace(/^REPORT#/, '');
  return {
    reference,
    serviceId: String(item.serviceId),
    priority,
    receivedAt: String(item.receivedAt),
    state,
    events,
    ...(organisation ? { organisation } : {}),
    ...(site ? { site: site.trim() } : {}),
  };
}

/** The month of a time in Oslo, written `2026-11`. */
export function osloMonth(iso: string): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date(iso)).split('-');
  return `${year}-${month}`;
}

/** Every month from `first` to `last`, both `2026-11`, in order: months without reports are months too. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let [year = Number.NaN, month = Number.NaN] = first.split('-').map(Number);
  for (let guard = 0; guard < 1200; guard += 1) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) break;
    months.push(current);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** Reports per month, service and priority. */
export interface MonthRow {
  month: string;
  serviceId: string;
  priority: Priority;
  count: number;
}

/** The order services are shown in: the order users see them (core/service-ids.ts), a removed one last. */
export function compareServices(a: string, b: string): number {
  const rank = (id: string) => ((SERVICE_IDS as readonly string[]).includes(id) ? (SERVICE_IDS as readonly string[]).indexOf(id) : SERVICE_IDS.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

export function tallyMonths(reports: Iterable<Pick<StatsReport, 'serviceId' | 'priority' | 'receivedAt'>>): MonthRow[] {
  const counts = new Map<string, MonthRow>();
  for (const report of reports) {
    const month = osloMonth(report.receivedAt);
    const key = `${month}|${report.serviceId}|${report.priority}`;
    const row = counts.get(key) ?? { month, serviceId: report.serviceId, priority: report.priority, count: 0 };
    row.count += 1;
    counts.set(key, row);
  }
  return [...counts.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || compareServices(a.serviceId, b.serviceId) || PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority),
  );
}

/** The median of `values`: the middle one, or the mean of the two middle ones; undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const SOLVED: readonly CaseState[] = ['solved', 'closed'];

/**
 * Milliseconds from received to registered: to the desk's first move of the case out of received (registered, or
 * straight to escalated, waiting or solved: the desk has taken it up either way). Undefined while it is received.
 */
export function timeToRegistered(report: Pick<StatsReport, 'receivedAt' | 'events'>): number | undefined {
  const first = report.events.find((event) => event.kind === 'state' && event.state !== 'received');
  return first ? sinceReceived(report.receivedAt, first.at) : undefined;
}

/**
 * Milliseconds from received to solved: to the move that made the case solved (or closed without being solved)
 * the last time. A case reopened since is not solved, so undefined, as is one never solved.
 */
export function timeToSolved(report: Pick<StatsReport, 'receivedAt' | 'events' | 'state'>): number | undefined {
  if (!SOLVED.includes(report.state)) return undefined;
  let solvedAt: string | undefined;
  for (const event of report.events) {
    if (event.kind !== 'state') continue;
    if (!SOLVED.includes(event.state)) solvedAt = undefined;
    else solvedAt ??= event.at;
  }
  return solvedAt === undefined ? undefined : sinceReceived(report.receivedAt, solvedAt);
}

/** Never below nought: an event stamped before the report by a skewed clock counts as at once. */
function sinceReceived(receivedAt: string, at: string): number {
  return Math.max(0, Date.parse(at) - Date.parse(receivedAt));
}

/** A median of some reports' times, and how many reports were left out because they have not got there yet. */
export interface MedianCell {
  /** Milliseconds, undefined when no report has got there. */
  median: number | undefined;
  measured: number;
  excluded: number;
}

export interface MedianRow {
  /** A service id or a priority; `all` for every report. */
  key: string;
  reports: number;
  toRegistered: MedianCell;
  toSolved: MedianCell;
}

function medianCell(times: readonly (number | undefined)[]): MedianCell {
  const measured = times.filter((time): time is number => time !== undefined);
  return { median: median(measured), measured: measured.length, excluded: times.length - measured.length };
}

function medianRow(key: string, reports: readonly StatsReport[]): MedianRow {
  return { key, reports: reports.length, toRegistered: medianCell(reports.map(timeToRegistered)), toSolved: medianCell(reports.map(timeToSolved)) };
}

/** Median times per service (in the order users see them), per priority (P1 first) and for all reports. */
export function durationMedians(reports: readonly StatsReport[]): { byService: MedianRow[]; byPriority: MedianRow[]; all: MedianRow } {
  const byService = Map.groupBy(reports, (report) => report.serviceId);
  const byPriority = Map.groupBy(reports, (report) => report.priority);
  return {
    byService: [...byService.keys()].sort(compareServices).map((id) => medianRow(id, byService.get(id) ?? [])),
    byPriority: PRIORITIES.filter((priority) => byPriority.has(priority)).map((priority) => medianRow(priority, byPriority.get(priority) ?? [])),
    all: medianRow('all', reports),
  };
}

/**
 * When reports of one service count as a cluster that may be one problem: at least `minReports` of them, each
 * received at most `windowMinutes` after the one before (chained, so a cluster may last longer than the window).
 */
export interface ClusterRule {
  minReports: number;
  windowMinutes: number;
}

export const DEFAULT_CLUSTER_RULE: ClusterRule = { minReports: 3, windowMinutes: 120 };

export interface Cluster {
  serviceId: string;
  /** The first and the last report's time received. */
  from: string;
  to: string;
  count: number;
  /** In the order received. */
  references: string[];
  /** The distinct organisations and sites the reports name, sorted; empty when none do. */
  organisations: string[];
  sites: string[];
}

export function findClusters(reports: readonly StatsReport[], rule: ClusterRule = DEFAULT_CLUSTER_RULE): Cluster[] {
  const windowMs = rule.windowMinutes * 60_000;
  const clusters: Cluster[] = [];
  for (const [serviceId, ofService] of Map.groupBy(reports, (report) => report.serviceId)) {
    const sorted = [...ofService].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || a.reference.localeCompare(b.reference));
    let chain: StatsReport[] = [];
    const close = () => {
      if (chain.length >= rule.minReports) clusters.push(clusterOf(serviceId, chain));
      chain = [];
    };
    for (const report of sorted) {
      const previous = chain.at(-1);
      if (previous && Date.parse(report.receivedAt) - Date.parse(previous.receivedAt) > windowMs) close();
      chain.push(report);
    }
    close();
  }
  return clusters.sort((a, b) => Date.parse(a.from) - Date.parse(b.from) || compareServices(a.serviceId, b.serviceId));
}

function clusterOf(serviceId: string, chain: readonly StatsReport[]): Cluster {
  const distinct = (values: (string | undefined)[]) =>
    [...new Set(values.filter((value): value is string => value !== undefined))].sort((a, b) => a.localeCompare(b, 'nb'));
  return {
    serviceId,
    from: chain[0]?.receivedAt ?? '',
    to: chain.at(-1)?.receivedAt ?? '',
    count: chain.length,
    references: chain.map((report) => report.reference),
    organisations: distinct(chain.map((report) => report.organisation)),
    sites: distinct(chain.map((report) => report.site)),
  };
}

/** Everything the HTML shows, worked out from the reports. */
export interface StatsSummary {
  total: number;
  /** The first and last time received, undefined without reports. */
  firstReceivedAt: string | undefined;
  lastReceivedAt: string | undefined;
  /** Every month from the first report's to the last's. */
  months: string[];
  monthRows: MonthRow[];
  medians: ReturnType<typeof durationMedians>;
  clusterRule: ClusterRule;
  clusters: Cluster[];
  states: StateRow[];
}

export function summariseStats(reports: readonly StatsReport[], clusterRule: ClusterRule = DEFAULT_CLUSTER_RULE): StatsSummary {
  const times = reports.map((report) => report.receivedAt).sort((a, b) => Date.parse(a) - Date.parse(b));
  const first = times[0];
  const last = times.at(-1);
  return {
    total: reports.length,
    firstReceivedAt: first,
    lastReceivedAt: last,
    months: first && last ? monthRange(osloMonth(first), osloMonth(last)) : [],
    monthRows: tallyMonths(reports),
    medians: durationMedians(reports),
    clusterRule,
    clusters: findClusters(reports, clusterRule),
    states: tallyStates(reports),
  };
}
