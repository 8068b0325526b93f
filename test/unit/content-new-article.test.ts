import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../functions/catalog/check-content.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { slugify } from '../../scripts/slugify.ts';
import { contentWith } from '../support/content-copy.ts';

const copies: { remove(): void }[] = [];
afterEach(() => copies.splice(0).forEach((copy) => copy.remove()));

describe('npm run new:article', () => {
  it('scaffolds a draft that passes check:content, named after the title', () => {
    const copy = contentWith();
    copies.push(copy);

    execFileSync(process.execPath, [join(REPOSITORY_ROOT, 'scripts', 'new-article.ts'), 'Bytte batteri i håndterminal'], {
      env: { ...process.env, CONTENT_DIR: copy.dir },
      stdio: 'pipe',
    });

    const report = checkContent(copy.dir);
    expect(report.problems).toEqual([]);
    const created = report.articles.find((article) => article.slug === 'bytte-batteri-i-handterminal');
    expect(created?.data).toMatchObject({ title: 'Bytte batteri i håndterminal', draft: true });
    expect(readFileSync(join(copy.dir, 'articles', 'bytte-batteri-i-handterminal.md'), 'utf8')).toMatch(/^---\ntitle: "Bytte batteri i håndterminal"\n/);
  });

  it('refuses to overwrite an article that exists', () => {
    const copy = contentWith();
    copies.push(copy);

    const run = () =>
      execFileSync(process.execPath, [join(REPOSITORY_ROOT, 'scripts', 'new-article.ts'), 'Lydlogg'], {
        env: { ...process.env, CONTENT_DIR: copy.dir },
        stdio: 'pipe',
      });

    expect(run).toThrow(/finnes allerede/);
  });
});

describe('slugify', () => {
  it.each([
    ['Flytte kontrollrom – seks måneder', 'flytte-kontrollrom-seks-maneder'],
    ['Ønsket informasjon ved innmelding av feil', 'onsket-informasjon-ved-innmelding-av-feil'],
    ['Nødnett: «Ingen dekning»?', 'nodnett-ingen-dekning'],
    ['!!!', 'artikkel'],
  ])('%s → %s', (title, expected) => {
    expect(slugify(title)).toBe(expected);
  });
});
