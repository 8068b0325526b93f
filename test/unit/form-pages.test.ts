import { describe, expect, it } from 'vitest';
import { SLOTS, type PageTemplates } from '../../functions/core/page-paths.ts';
import { fillPage, problemsPage, statusProblemPage, tryAgainPage } from '../../functions/http/form-pages.ts';

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
    ['a placeholder in a value is not filled in again', `${SLOTS.reference} ${SLOTS.service}`, { reference: SLOTS.service, service: 'ICCS' }, `${SLOTS.service} ICCS`],
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
