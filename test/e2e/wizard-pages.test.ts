import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journeysOf } from '../../functions/core/build-journey.ts';
import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { escapeHtml } from '../../functions/core/html.ts';
import { CONTENT_DIR } from '../support/content-copy.ts';
import { SITE_DIR } from '../support/local-portal.ts';

/** The built pages that come from the form's one definition: the plain form and the flagship article's checklist. */

const journeys = Object.values(journeysOf(loadCatalog(CONTENT_DIR)));
const built = (path: string) => readFileSync(join(SITE_DIR, path, 'index.html'), 'utf8');
const asked = (journey: (typeof journeys)[number]) => journey.pages.flatMap((page) => page.questions);

describe('pages built from content/form.yaml and content/services', () => {
  it.each(journeys.map((journey) => [journey.service.id, journey] as const))(
    'the plain form for %s asks every question of its journey, each with its label, page by page',
    (id, journey) => {
      const html = built(`meld-feil/${id}`);

      for (const page of journey.pages) expect(html).toContain(`data-page="${page.id}"`);
      for (const question of asked(journey)) {
        expect(html).toContain(`name="${question.field}"`);
        expect(html).toContain(escapeHtml(question.label));
      }
      expect(html).toContain('action="/api/reports"');
    },
  );

  it('answers the request type itself for a service that takes one kind only', () => {
    const html = built('meld-feil/change-request');

    expect(html).toContain('<input type="hidden" name="requestType" value="change">');
    expect(html).not.toContain('type="radio" id="requestType-fault"');
  });

  it('keeps the wizard-only pages out of the plain form', () => {
    const pages = [...built('meld-feil/iccs').matchAll(/<section class="wizard-page"[^>]*>/g)].map((match) => match[0]);

    const hidden = pages.filter((tag) => /\shidden/.test(tag));
    expect(hidden.map((tag) => /data-page="([^"]+)"/.exec(tag)?.[1])).toEqual(['phone', 'review']);
  });

  it('warns against patient data once, where free text starts', () => {
    const html = built('meld-feil/radio');

    expect(html.split('Ikke skriv pasientopplysninger').length - 1).toBe(1);
    expect(html.indexOf('Ikke skriv pasientopplysninger')).toBeGreaterThan(html.indexOf('data-page="about"'));
    expect(html.indexOf('Ikke skriv pasientopplysninger')).toBeLessThan(html.indexOf('name="summary"'));
  });

  it('lists every question of the form in the checklist of "Ønsket informasjon ved innmelding av feil"', () => {
    const html = built('artikler/onsket-informasjon-ved-innmelding-av-feil');

    expect(html).toContain('Dette spør skjemaet om');
    expect(html).not.toContain('data-block=');
    for (const journey of journeys) {
      expect(html).toContain(`href="/meld-feil/${journey.service.id}/"`);
      for (const question of asked(journey)) expect(html, `${journey.service.id} ${question.field}`).toContain(escapeHtml(question.label));
    }
  });
});
