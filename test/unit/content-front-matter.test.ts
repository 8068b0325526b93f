import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { simpleFrontMatter } from '../../functions/catalog/markdown-source.ts';
import { CONTENT_DIR } from '../support/content-copy.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n?---/;

describe('simpleFrontMatter: the YAML parser skipped for plain front matter', () => {
  it.each([
    'title: Hva skjer etter at du har meldt en feil?',
    'title: Kl. 08:00 i dag, (ICCS) – Æ ø å',
    'summary: x:y og a, b',
    'updated: 2026-11-22',
    'draft: true\nlanguage: en',
    'services: [radio, iccs, backup-telephony]',
    'related: []',
    'tags: [yes, no, on]',
    'tags: [operatørplass, lydlogg-2]',
    'title: yes',
    'title: Windows\r\nupdated: 2026-11-22',
  ])('reads %j as YAML does', (text) => {
    expect(simpleFrontMatter(text)).toEqual(parse(text));
  });

  it.each([
    'title: 08915',
    'title: 1e3',
    'title: .5',
    'title: True',
    'title: null',
    'title: Noe # kommentar',
    'title: a: b',
    'title: slutter med kolon:',
    "title: 'sitert'",
    'title: "sitert"',
    'title: &anker x',
    'title: *anker',
    'title: !tag x',
    'title: - liste',
    'title: > brettet',
    'title: | blokk',
    'title: {a: b}',
    'tags: [true, x]',
    'tags: [1, x]',
    'tags: ["x"]',
    'tags:\n  - x',
    'title: x\ntitle: y',
    '# kommentar\ntitle: x',
    'title: x\n\nsummary: y',
    'title: tab\tinni',
    '',
  ])('leaves %j to the YAML parser', (text) => {
    expect(simpleFrontMatter(text)).toBeUndefined();
  });

  it('reads the real articles and notices as YAML does, where it reads them', () => {
    for (const folder of ['articles', 'notices']) {
      for (const name of readdirSync(join(CONTENT_DIR, folder)).filter((file) => file.endsWith('.md'))) {
        const yamlText = FRONT_MATTER.exec(readFileSync(join(CONTENT_DIR, folder, name), 'utf8'))?.[1] ?? '';
        const simple = simpleFrontMatter(yamlText);
        if (simple) expect(simple, `${folder}/${name}`).toEqual(parse(yamlText));
      }
    }
  });
});
