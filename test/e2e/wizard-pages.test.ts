import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../functions/catalog/load-catalog.ts';
import { escapeHtml } from '../../functions/core/html.ts';
import { CONTENT_DIR } from '../support/content-copy.ts';
import { SITE_DIR } from '../support/local-portal.ts';

/** The built pages that come from the service definitions: the plain form and the flagship article's checklist. */

const services = Object.values(loadCatalog(CONTENT_DIR).services);
const built = (path: string) => readFileSync(join(SITE_DIR, path, 'index.html'), 'utf8');

describe('pages built from the questions in content/services', () => {
  it.each(services.map((service) => [service.id, service] as const))('the plain form for %s asks every question, each with its label', (id, service) => {
    const html = built(`meld-feil/${id}`);

    for (const question of service.questions) {
      expect(html).toContain(`name="answers.${question.id}"`);
      expect(html).toContain(escapeHtml(question.label));
    }
    expect(html).toContain('action="/api/reports"');
  });

  it('keeps the wizard-only pages out of the plain form', () => {
    const pages = [...built('meld-feil/iccs').matchAll(/<div class="wizard-page"[^>]*>/g)].map((match) => match[0]);

    const wizardOnly = pages.filter((tag) => tag.includes('data-wizard-only'));
    expect(wizardOnly.map((tag) => /data-page="([^"]+)"/.exec(tag)?.[1])).toEqual(['start', 'service', 'priority', 'review']);
    for (const tag of wizardOnly) expect(tag).toMatch(/\shidden/);
  });

  it('lists every service question in the checklist of "Ønsket informasjon ved innmelding av feil"', () => {
    const html = built('artikler/onsket-informasjon-ved-innmelding-av-feil');

    expect(html).toContain('Sjekkliste for hver tjeneste');
    for (const service of services) {
      expect(html).toContain(`href="/meld-feil/${service.id}/"`);
      for (const question of service.questions) expect(html, `${service.id}.${question.id}`).toContain(escapeHtml(question.label));
    }
  });
});
