import { describe, expect, it } from 'vitest';
import { SLOTS, type PageTemplates } from '../../functions/core/page-paths.ts';
import { formatOsloTime } from '../../functions/core/oslo-time.ts';
import { withEvent, type ReportEvent } from '../../functions/core/report-life.ts';
import { reportStatus, type ReportStatusView } from '../../functions/core/report-status.ts';
import { fillPage, problemsPage, receiptPage, statusProblemPage, tryAgainPage } from '../../functions/http/form-pages.ts';
import { realCatalog, storedReport } from './builders.ts';
import { clockAt, InMemoryReportStore } from './fakes.ts';

/** Templates as the site builds them, cut down to their placeholders and a word to tell them apart. */
const TEMPLATES: PageTemplates = {
  problems: `<h1>ikke sendt</h1><h2>Dette må rettes</h2>${SLOTS.problems}`,
  tryAgain: `<h1>ikke sendt</h1><p>${SLOTS.message}</p><p>send igjen</p>`,
  statusProblem: `<h1>status</h1><p>${SLOTS.message}</p>`,
};

describe('fillPage: the values in the site’s page', () => {
  it.each([
    ['text is escaped', SLOTS.reference, { reference: '<b>HDO</b>' }, '&lt;b&gt;HDO&lt;/b&gt;'],
    ['a replacement pattern in a value stays as written', SLOTS.reference, { reference: "P$'Q$&" }, 'P$&#39;Q$&amp;'],
    [
      'a placeholder in a value is not filled in again',
      `${SLOTS.reference} ${SLOTS.service}`,
      { reference: SLOTS.service, service: 'ICCS' },
      `${SLOTS.service} ICCS`,
    ],
  ])('%s', (_what, template, values, expected) => {
    expect(fillPage(template, values)).toBe(expected);
  });

  it('leaves a placeholder it has no value for, and one it does not know, as they are', () => {
    expect(fillPage(`${SLOTS.reference} {{ukjent}}`, {})).toBe(`${SLOTS.reference} {{ukjent}}`);
  });
});

describe('the pages a browser without JavaScript gets when something is wrong', () => {
  it('lists what to correct (400) in the error summary', () => {
    const page = problemsPage(TEMPLATES, ['«Navn»: Skriv inn navnet ditt.']);

    expect(page.statusCode).toBe(400);
    expect(page.body).toBe('<h1>ikke sendt</h1><h2>Dette må rettes</h2><ul><li>«Navn»: Skriv inn navnet ditt.</li></ul>');
  });

  it.each([429, 500])('asks to send again later (%i), with nothing to correct, and keeps the headers it is given', (status) => {
    const page = tryAgainPage(TEMPLATES, status, 'Vent et minutt.', { 'retry-after': '60' });

    expect(page.statusCode).toBe(status);
    expect(page.body).toBe('<h1>ikke sendt</h1><p>Vent et minutt.</p><p>send igjen</p>');
    expect(page.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'retry-after': '60' });
  });

  it.each([404, 500])('says why a receipt cannot be shown (%i), never that the report was not sent', (status) => {
    const page = statusProblemPage(TEMPLATES, status, 'Fant ingen melding.');

    expect(page.statusCode).toBe(status);
    expect(page.body).toBe('<h1>status</h1><p>Fant ingen melding.</p>');
  });

  it('falls back to a plain page in Norwegian when the site’s pages are missing', () => {
    const pages = [problemsPage({}, ['«Navn»: <mangler>']), tryAgainPage({}, 500, 'Feil hos oss.'), statusProblemPage({}, 404, 'Fant ingen melding.')];

    expect(pages.map((page) => page.body?.includes('<html lang="nb">'))).toEqual([true, true, true]);
    expect(pages[0]?.body).toContain('«Navn»: &lt;mangler&gt;');
  });
});

describe('receiptPage: where the case is, for a browser without JavaScript', () => {
  const RECEIPT = `<h1>mottatt</h1><p>${SLOTS.reference}</p><p>${SLOTS.state}</p><section><h2>Hva som har skjedd</h2>${SLOTS.timeline}</section>`;

  async function viewOf(events: ReportEvent[]): Promise<ReportStatusView> {
    const store = new InMemoryReportStore();
    const report = storedReport();
    store.reports.set(report.reference, { ...report, life: events.reduce(withEvent, report.life) });
    const view = await reportStatus(report.reference, 'status-token-for-tests', { store, catalog: realCatalog(), now: clockAt('2026-03-05T13:00:00Z') });
    if (!view) throw new Error('the report should be found');
    return view;
  }

  it('shows the current state and the timeline as an ordered list with times, oldest first', async () => {
    const view = await viewOf([{ id: 'mail:registrer-1', kind: 'state', state: 'registered', at: '2026-03-05T12:10:00.000Z', actor: 'desk' }]);

    const page = receiptPage({ receipt: RECEIPT }, view);

    expect(page.statusCode).toBe(200);
    expect(page.body).toBe(
      '<h1>mottatt</h1><p>HDO-2026-000001</p><p>Registrert. Servicedesk har registrert saken og følger den opp.</p><section><h2>Hva som har skjedd</h2>' +
        '<ol class="status-timeline">' +
        `<li><time datetime="2026-03-05T12:00:00.000Z">${formatOsloTime('2026-03-05T12:00:00.000Z')}</time> – <strong>Mottatt</strong> (Serviceportalen)</li>` +
        `<li><time datetime="2026-03-05T12:10:00.000Z">${formatOsloTime('2026-03-05T12:10:00.000Z')}</time> – <strong>Registrert</strong> (Servicedesk)</li>` +
        '</ol></section>',
    );
  });

  it('escapes the desk’s message and names the team a case went to', async () => {
    const view = await viewOf([
      {
        id: 'topdesk:evt-1',
        kind: 'state',
        state: 'escalated',
        at: '2026-03-05T12:20:00.000Z',
        actor: 'caseSystem',
        team: 'kontrollrom',
        message: '<script>alert(1)</script> & mer',
      },
    ]);

    const body = receiptPage({ receipt: RECEIPT }, view).body ?? '';

    expect(body).toContain(
      '<strong>Sendt til fagteam</strong> (saksbehandlingssystemet), til Team kontrollromsløsning<p>Melding: &lt;script&gt;alert(1)&lt;/script&gt; &amp; mer</p></li>',
    );
    expect(body).not.toContain('<script>');
  });

  it('shows the timeline on the plain page too when the site’s page is missing', async () => {
    const body = receiptPage({}, await viewOf([])).body ?? '';

    expect(body).toContain('<html lang="nb">');
    expect(body).toContain('Mottatt. Serviceportalen har tatt imot meldingen');
    expect(body).toContain('<ol class="status-timeline"><li><time datetime="2026-03-05T12:00:00.000Z">');
  });
});
