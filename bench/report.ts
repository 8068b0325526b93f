import type { BenchResults } from './results.ts';
import { checkTargets } from './targets.ts';
import { WARMUP_SECONDS } from './api-load.ts';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function table(headers: string[], rows: (string | number)[][]): string {
  const align = headers.map((header) => (header.startsWith('<') ? '---' : '---:'));
  return [`| ${headers.map((h) => h.replace(/^</, '')).join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** The printed report: one Markdown table per measurement, then the targets. */
export function formatResults(results: BenchResults): string {
  const parts: string[] = [];
  const m = results.machine;
  parts.push(`Serviceportal bench ${results.startedAt} · ${m.commit}${m.dirty ? ' (uncommitted changes)' : ''} · ${m.cpus} × ${m.cpuModel}, ${m.memoryGigabytes} GB · Node ${m.node} · ${results.seconds.toFixed(0)} s · belastning (1 min) ${m.loadAverageAtStart.toFixed(1)} → ${m.loadAverageAtEnd.toFixed(1)}`);

  parts.push('## Bygging: vår side mot bar Astro (samme artikler)');
  parts.push(table(['Artikler', 'Vår tid (s)', 'Bar Astro (s)', 'Tid ×', 'Vårt minne (MB)', 'Bar Astro (MB)', 'Minne ×'], results.builds.map((b) => [b.articles, b.oursSeconds.toFixed(1), b.bareSeconds.toFixed(1), b.timeRatio.toFixed(2), b.oursPeakMegabytes, b.barePeakMegabytes, b.memoryRatio.toFixed(2)])));
  parts.push(table(['Artikler', '<Steg', 'HTML-sider', 'Tid (s)', 'Største minnebruk (MB)'], results.buildRows.map((r) => [r.articles, r.label, r.pages, r.result.seconds.toFixed(1), r.result.peakMegabytes])));

  parts.push('## Bytes per sidetype (gzip)');
  parts.push(table(['<Side', '<Sti', 'HTML (kB)', 'CSS (kB)', 'JS (kB)', 'Skrift (kB)', 'Filer CSS/JS/skrift'], results.pages.map((p) => [p.type, p.path, kb(p.html), kb(p.css), kb(p.js), kb(p.font), `${p.cssFiles}/${p.jsFiles}/${p.fontFiles}`])));

  parts.push('## Lighthouse (mobil)');
  parts.push(table(['<Side', 'Ytelse', 'Tilgjengelighet', 'Beste praksis', 'SEO', 'LCP (ms)', 'TBT (ms)', 'CLS', '<Ytelse per kjøring'], results.lighthouse.map((l) => [l.path, l.performance, l.accessibility, l.bestPractices, l.seo, l.lcpMs, l.tbtMs, l.cls, l.performanceRuns.join(', ')])));
  parts.push('Tallene er fra medianen av kjøringene (etter FCP og TTI, slik Lighthouse anbefaler), ikke fra den beste.');

  parts.push('## Meldingen med tastaturet alene (375 px)');
  parts.push(table(['<Tjeneste', '<Besøk', 'Skjermer', 'Tastetrykk', 'Av dem skrevet tekst', 'Spørsmål vist', '<Skjermene'], results.journeys.map((j) => [j.service, j.visit, j.screens.length, j.keystrokes, j.typed, j.fields, j.screens.join(' → ')])));
  parts.push('Skjermer fra tjenestens skjemaside til kvitteringen, «Sjekk svarene» med. Tastetrykk er Tab, mellomrom, piltaster, Enter og hvert tegn som skrives; «Husk meg» krysses av første gang.');

  parts.push('## Søk: første søk');
  parts.push(table(['Artikler', '<Søk', 'Forespørsler', 'Bytes (kB)', 'Gzip (kB)', 'Treff vist'], results.search.map((s) => [s.articles, `«${s.query}»`, s.requests, kb(s.bytes), kb(s.gzipBytes), s.results])));

  parts.push('## API på den lokale stakken (autocannon, gyldige meldinger, POST /api/reports)');
  const ms = (value: number) => value.toFixed(1);
  parts.push(table(['Forb.', '<Last', 'Sek.', 'Svar/s', 'Forespørsler', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'Maks (ms)', '<Statuser', 'Feil', '201', '201 i oppvarmingen', 'Lagret', 'Ikke rutet'], results.api.map((a) => [a.connections, a.offeredRate ? `åpen sløyfe, ${a.offeredRate} forespørsler/s` : 'lukket sløyfe (metning ved > 1 forb.)', a.seconds.toFixed(0), a.throughput.toFixed(0), a.requests, ms(a.p50), ms(a.p95), ms(a.p99), ms(a.max), Object.entries(a.statuses).map(([s, n]) => `${s}: ${n}`).join(', '), a.errors, a.created, a.warmupCreated, a.storedReports, a.pendingAfterIdle])));
  parts.push(`Hver kjøring begynner med ${WARMUP_SECONDS} s oppvarming med samme last, som ikke er med i ventetidene. «Lagret» skal være «201» pluss «201 i oppvarmingen», og kan være opptil «Forb.» høyere: forespørsler som var underveis da lasten stoppet, ble lagret, men svaret ble ikke telt.`);

  parts.push('## Lambda-pakker');
  parts.push(table(['<Handler', 'Minifisert (kB)', 'Gzip (kB)', 'Modul-init (ms)', '<Største bidrag'], results.bundles.map((b) => [b.handler, kb(b.bytes), kb(b.gzipBytes), b.initMs.toFixed(0), b.largestSources.slice(0, 4).map((s) => `${s.source} ${kb(s.bytes)}`).join(', ')])));

  parts.push('## Mål');
  parts.push(table(['<Mål', '<Målt', '<Nådd'], checkTargets(results).map((c) => [c.target, c.measured, c.met ? 'ja' : 'NEI'])));
  return parts.join('\n\n');
}
