import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '../../functions/core/priority.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { realCatalog } from './builders.ts';

/**
 * The form and the priority rules are written once, in content/. If a label or a promise turns up in the code too,
 * the two will drift apart the first time an editor changes the content: this reads every source file to catch it.
 */

const SOURCE = /\.(ts|astro|css|mjs|js)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

const files = ['site', 'functions']
  .flatMap((dir) => sourceFiles(join(REPOSITORY_ROOT, dir)))
  .map((path) => ({ path: relative(REPOSITORY_ROOT, path), text: readFileSync(path, 'utf8') }));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** As a whole string or element text: `'Navn'` or `>Navn<`, not «Navnet» or a sentence that happens to contain it. */
const filesWith = (text: string) => {
  const whole = new RegExp(`(['"\`>])${escape(text)}(['"\`<])`);
  return files.filter((file) => whole.test(file.text)).map((file) => file.path);
};

describe('one source for the form’s words: content/form.yaml', () => {
  const { form } = realCatalog();
  const texts = form.questions.flatMap((question) =>
    [question.label, question.hint, question.missingMessage].filter((text): text is string => text !== undefined),
  );

  it('reads the source files it checks, and would find a label written in one', () => {
    expect(files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['functions/core/fixed-questions.ts', 'site/src/pages/meld-feil/[service].astro', 'site/src/scripts/wizard.ts']),
    );
    expect(texts).toContain('Hvor mange er rammet?');
    expect(filesWith('Serviceportal')).toContain('site/src/lib/i18n.ts');
  });

  it.each(texts)('«%s» is written in no file of site/ or functions/', (text) => {
    expect(filesWith(text)).toEqual([]);
  });
});

describe('one source for the priority rules: content/priority.yaml', () => {
  const { priority } = realCatalog();
  const texts = PRIORITIES.flatMap((level) =>
    [priority.levels[level].meaning, priority.levels[level].response, priority.levels[level].outsideHours].filter((text): text is string => text !== undefined),
  );

  it.each(texts)('«%s» is written in no file of site/ or functions/', (text) => {
    expect(filesWith(text)).toEqual([]);
  });
});
