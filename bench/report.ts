import type { NoticePublishFigures } from './notice-publish.ts';
import { median } from './notice-publish.ts';
import type { BenchResults } from './results.ts';
import { checkTargets } from './targets.ts';
import { WARMUP_SECONDS } from './api-load.ts';
import { table } from './markdown-table.ts';
import { buildSections, searchSection } from './report-builds.ts';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The printed report: one Markdown table per measurement, then the targets. */
export function formatResults(results: BenchResults): string {
  const parts: string[] = [];
  const m = results.machine;
  parts.push(
    `Serviceportal bench ${results.startedAt} · ${m.commit}${m.dirty ? ' (uncommitted changes)' : ''} · ${m.cpus} × ${m.cpuModel}, ${m.memoryGigabytes} GB · Node ${m.node} · ${results.seconds.toFixed(0)} s · belastning (1 min) ${m.loadAverageAtStart.toFixed(1)} → ${m.loadAverageAtEnd.toFixed(1)}`,
  );

  parts.push(...buildSections(results));

  if (results.pages.length > 0) {
    parts.push('## Bytes per sidetype (gzip)');
    parts.push(
      table(
        ['<Side', '<Sti', 'HTML (kB)', 'CSS (kB)', 'JS (kB)', 'Skrift (kB)', 'Filer CSS/JS/skrift'],
        results.pages.map((p) => [p.type, p.path, kb(p.html), kb(p.css), kb(p.js), kb(p.font), `${p.cssFiles}/${p.jsFiles}/${p.fontFiles}`]),
      ),
    );
  }

  if (results.lighthouse.length > 0) {
    parts.push('## Lighthouse (mobil)');
    parts.push(
      table(
        ['<Side', 'Ytelse', 'Tilgjengelighet', 'Beste praksis', 'SEO', 'LCP (ms)', 'TBT (ms)', 'CLS', '<Ytelse per kjøring'],
        results.lighthouse.map((l) => [l.path, l.performance, l.accessibility, l.bestPractices, l.seo, l.lcpMs, l.tbtMs, l.cls, l.performanceRuns.join(', ')]),
      ),
    );
    parts.push('Tallene er fra medianen av kjøringene (etter FCP og TTI, slik Lighthouse anbefaler), ikke fra den beste.');
  }

  if (results.journeys.length > 0) {
    parts.push('## Meldingen med tastaturet alene (375 px)');
    parts.push(
      table(
        ['<Tjeneste', '<Besøk', 'Skjermer', 'Tastetrykk', 'Av dem skrevet tekst', 'Spørsmål vist', '<Skjermene'],
        results.journeys.map((j) => [j.service, j.visit, j.screens.length, j.keystrokes, j.typed, j.fields, j.screens.join(' → ')]),
      ),
    );
    parts.push(
      'Skjermer fra tjenestens skjemaside til kvitteringen, «Sjekk svarene» med. Tastetrykk er Tab, mellomrom, piltaster, Enter og hvert tegn som skrives; «Husk meg» krysses av første gang.',
    );
  }

  parts.push(...searchSection(results.search));

  if (results.api.length > 0) {
    parts.push('## API på den lokale stakken (autocannon, gyldige meldinger, POST /api/reports)');
    const ms = (value: number) => value.toFixed(1);
    parts.push(
      table(
        [
          'Forb.',
          '<Last',
          'Sek.',
          'Svar/s',
          'Forespørsler',
          'p50 (ms)',
          'p95 (ms)',
          'p99 (ms)',
          'Maks (ms)',
          '<Statuser',
          'Feil',
          '201',
          '201 i oppvarmingen',
          'Lagret',
          'Ikke rutet',
        ],
        results.api.map((a) => [
          a.connections,
          a.offeredRate ? `åpen sløyfe, ${a.offeredRate} forespørsler/s` : 'lukket sløyfe (metning ved > 1 forb.)',
          a.seconds.toFixed(0),
          a.throughput.toFixed(0),
          a.requests,
          ms(a.p50),
          ms(a.p95),
          ms(a.p99),
          ms(a.max),
          Object.entries(a.statuses)
            .map(([s, n]) => `${s}: ${n}`)
            .join(', '),
          a.errors,
          a.created,
          a.warmupCreated,
          a.storedReports,
          a.pendingAfterIdle,
        ]),
      ),
    );
    parts.push(
      `Hver kjøring begynner med ${WARMUP_SECONDS} s oppvarming med samme last, som ikke er med i ventetidene. «Lagret» skal være «201» pluss «201 i oppvarmingen», og kan være opptil «Forb.» høyere: forespørsler som var underveis da lasten stoppet, ble lagret, men svaret ble ikke telt.`,
    );
  }

  if (results.bundles.length > 0) {
    parts.push('## Lambda-pakker');
    parts.push(
      table(
        ['<Handler', 'Minifisert (kB)', 'Gzip (kB)', 'Modul-init (ms)', 'Init, CPU-tid (ms)', '<Største bidrag'],
        results.bundles.map((b) => [
          b.handler,
          kb(b.bytes),
          kb(b.gzipBytes),
          b.initMs.toFixed(0),
          b.initCpuMs?.toFixed(0) ?? '–',
          b.largestSources
            .slice(0, 4)
            .map((s) => `${s.source} ${kb(s.bytes)}`)
            .join(', '),
        ]),
      ),
    );
  }

  if (results.notices) parts.push(...noticeSections(results.notices, results));

  parts.push('## Mål');
  parts.push(
    table(
      ['<Mål', '<Målt', '<Nådd'],
      checkTargets(results).map((c) => [c.target, c.measured, c.met ? 'ja' : 'NEI']),
    ),
  );
  return parts.join('\n\n');
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const list = (values: readonly number[], format: (value: number) => string) => values.map(format).join(', ');

/** Driftsmeldinger without a build: the publish against a full build, then publish → visible → inbox on the local stack. */
function noticeSections(n: NoticePublishFigures, results: BenchResults): string[] {
  const parts: string[] = [];
  const build = n.siteBuild;
  const share = (ms: number) => (build.seconds > 0 ? `${((ms / 1000 / build.seconds) * 100).toFixed(1)} %` : '–');
  const files = `${n.written.length} skrevet, ${n.unchanged} uendret, ${n.removed} fjernet`;
  parts.push(`## Driftsmeldinger: publisering uten bygging (ny oppdatering i «${n.noticeId}»)`);
  parts.push(
    table(
      ['<Steg', 'Tid (s)', 'Andel av full bygging', '<Filer', '<Per kjøring (s)'],
      [
        [
          `publishNotices i prosessen (median av ${n.publishMs.length})`,
          seconds(n.publishMedianMs),
          share(n.publishMedianMs),
          files,
          list(n.publishMs, seconds),
        ],
        [
          `npm run publish:notices, egen Node-prosess (median av ${n.cliMs.length})`,
          seconds(n.cliMedianMs),
          share(n.cliMedianMs),
          files,
          list(n.cliMs, seconds),
        ],
        [
          'Full bygging av nettstedet: astro build + pagefind, tom hurtigbuffer',
          build.seconds.toFixed(1),
          '100 %',
          `${build.files} filer, ${build.htmlPages} HTML-sider`,
          `astro ${build.astro.seconds.toFixed(1)} + pagefind ${build.pagefind.seconds.toFixed(1)}`,
        ],
        ...results.builds.map((b) => [`Til sammenligning: full bygging med ${b.articles} genererte artikler`, b.oursSeconds.toFixed(1), '', '', '']),
      ],
    ),
  );
  parts.push(
    `Hver publisering legger én ny datert oppdatering i en kopi av content/ og skriver i en kopi av site/dist. Skrevet: ${n.written.join(', ')}. Den fulle byggingen går én gang, i en midlertidig mappe, aldri i site/dist.`,
  );

  const watchIntervalSeconds = n.local.watchIntervalMs / 1000;
  const rounds = (mode: 'watch' | 'settled') => n.local.rounds.filter((round) => round.mode === mode);
  const row = (label: string, pick: (round: NoticePublishFigures['local']['rounds'][number]) => number) => {
    const cells = (mode: 'watch' | 'settled') => {
      const values = rounds(mode).map(pick);
      return [seconds(median(values)), list(values, seconds)];
    };
    return [label, ...cells('watch'), ...cells('settled')];
  };
  parts.push(`## Driftsmeldinger lokalt: fra publisering til synlig og til innboksen (én bekreftet abonnent på «${n.service}»)`);
  parts.push(
    table(
      [
        '<Fra publiseringen starter, til …',
        `Overvåkning hvert ${watchIntervalSeconds} s: median (s)`,
        '<Per kjøring (s)',
        'noticesSettled() straks: median (s)',
        '<Per kjøring (s)',
      ],
      [
        row('publishNotices har skrevet filene', (round) => round.publishMs),
        row('GET /driftsmeldinger/meldinger.json har oppdateringen', (round) => round.documentMs),
        row(`GET /driftsmeldinger/${n.noticeId}/ har oppdateringen`, (round) => round.pageMs),
        row('«[Oppdatering] …» til abonnenten ligger i SES-emulatoren', (round) => round.mailMs),
      ],
    ),
  );
  parts.push(
    `Portalen og postkassen spørres hvert ${n.local.pollMs} ms. «Overvåkning»: stakken ser etter en ny meldinger.json hvert ${watchIntervalSeconds} s, som ved npm start. «noticesSettled() straks»: kunngjøringen startes når publiseringen er ferdig, slik en S3-varsling ville startet den, og køen tømmes før postkassen leses. Ikke med (bare i AWS): opplasting til S3, CloudFront-invalidering av /driftsmeldinger/*, S3-varsling → Lambda → SQS → SES.`,
  );
  return parts;
}
