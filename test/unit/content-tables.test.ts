import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { articleSchema } from '../../functions/catalog/schema.ts';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';
import { CONTENT_GUIDE, CONTENT_TYPES, withFieldTables, type ContentType } from '../../scripts/content-tables.ts';
import { fieldRows, fieldTable, UNKNOWN_FORM } from '../../scripts/field-table.ts';

const guide = readFileSync(CONTENT_GUIDE, 'utf8');

/** The text between a region's markers in the guide. */
function region(text: string, name: string): string {
  return text.slice(text.indexOf(`<!-- felt:${name} start -->`), text.indexOf(`<!-- felt:${name} slutt -->`));
}

/** CONTENT.md's field tables are written by `npm run docs:content` from the content schemas' describe() texts. */
describe('CONTENT.md field tables', () => {
  it('are what `npm run docs:content` writes from the schemas now (run it after changing a schema or a describe() text)', () => {
    // Arrange: the committed guide. Act: its tables written again.
    const generated = withFieldTables(guide);

    // Assert
    expect(generated).toBe(guide);
  });

  it('change when a describe() text changes', () => {
    // Arrange: the article schema with another text for title.
    const changed: readonly ContentType[] = CONTENT_TYPES.map((type) =>
      type.region === 'artikkel'
        ? { ...type, schema: articleSchema.extend({ title: articleSchema.shape.title.describe('En ny forklaring av tittelen.') }) }
        : type,
    );

    // Act
    const current = withFieldTables(guide);
    const generated = withFieldTables(guide, changed);

    // Assert: that region says the new text, and nothing else in the guide moved.
    expect(region(generated, 'artikkel')).toContain('| `title` | ja | tekst, høyst 120 tegn | En ny forklaring av tittelen. |');
    expect(region(current, 'artikkel')).not.toContain('En ny forklaring av tittelen.');
    expect(generated.replace(region(generated, 'artikkel'), '')).toBe(current.replace(region(current, 'artikkel'), ''));
  });

  it('cover every kind of file in content/', () => {
    // Arrange
    const contentDir = join(REPOSITORY_ROOT, 'content');
    const kinds = readdirSync(contentDir).map((name) => (statSync(join(contentDir, name)).isDirectory() ? `content/${name}/` : `content/${name}`));

    // Act
    const covered = CONTENT_TYPES.map((type) => type.files);

    // Assert
    expect(covered.toSorted()).toEqual(kinds.toSorted());
  });

  it('say for every field what it is, and name every form of text in words', () => {
    // Arrange, Act
    const rows = CONTENT_TYPES.flatMap((type) => fieldRows(type.schema).map((row) => ({ file: type.files, ...row })));

    // Assert
    expect(rows.filter((row) => row.description === '' || row.type === '' || row.type.includes(UNKNOWN_FORM))).toEqual([]);
  });

  it('name a region missing from the guide, with the markers to write', () => {
    // Arrange
    const withoutRegions = '# Veiledning\n';

    // Act, Assert
    expect(() => withFieldTables(withoutRegions)).toThrow('<!-- felt:artikkel start -->');
  });
});

describe('a field table', () => {
  it('lists nested fields by path, with the defaults an editor may leave out', () => {
    // Arrange
    const schema = z.object({
      name: z.string().max(40).describe('Navnet.'),
      language: z.enum(['nb', 'en']).default('nb').describe('Språket.'),
      steps: z.array(z.object({ at: z.number().int().min(1).max(9).describe('Når.') })).describe('Stegene.'),
    });

    // Act
    const rows = fieldRows(schema);

    // Assert
    expect(rows).toEqual([
      { field: 'name', required: 'ja', type: 'tekst, høyst 40 tegn', description: 'Navnet.' },
      { field: 'language', required: 'nei (standard: `nb`)', type: 'en av `nb`, `en`', description: 'Språket.' },
      { field: 'steps', required: 'ja', type: 'liste, hver med feltene under', description: 'Stegene.' },
      { field: 'steps[].at', required: 'ja', type: 'heltall fra 1 til 9', description: 'Når.' },
    ]);
  });

  it('names a file name’s form as such, though its pattern also takes a date', () => {
    // Arrange: `related` holds article file names (letters, digits, hyphens), which «2026-11-22» also is.
    const related = fieldRows(articleSchema).find((row) => row.field === 'related');

    // Assert
    expect(related?.type).toBe('liste, hver små bokstaver a–z, tall og bindestrek, for eksempel `flytte-kontrollrom`');
  });

  it('reads a zod/mini schema as well', () => {
    // Arrange
    const schema = zm.object({ phone: zm.optional(zm.boolean().check(zm.describe('Skal ringes inn.'))) });

    // Act
    const rows = fieldRows(schema);

    // Assert
    expect(rows).toEqual([{ field: 'phone', required: 'nei', type: '`true` eller `false`', description: 'Skal ringes inn.' }]);
  });

  it('keeps a | or a < in a text from breaking the table or hiding as HTML', () => {
    // Arrange
    const schema = z.object({ file: z.string().describe('content/services/<tjeneste>.yaml | en fil') });

    // Act
    const table = fieldTable(schema);

    // Assert
    expect(table.split('\n').at(-1)).toBe('| `file` | ja | tekst | content/services/&lt;tjeneste>.yaml \\| en fil |');
  });
});

describe('CONTENT.md', () => {
  it('closes every code block it opens', () => {
    // Arrange
    let open: number | undefined;
    const unclosed: number[] = [];

    // Act: a fence with a language opens a block; inside one, only a bare fence closes it.
    guide.split('\n').forEach((line, index) => {
      if (open === undefined && /^\s*```/.test(line)) open = index + 1;
      else if (open !== undefined && /^\s*```\s*$/.test(line)) open = undefined;
      else if (open !== undefined && /^\s*```\S/.test(line)) unclosed.push(open);
    });
    if (open !== undefined) unclosed.push(open);

    // Assert: the lines where a block that never closes starts.
    expect(unclosed).toEqual([]);
  });

  it('links within itself only to headings it has', () => {
    // Arrange: the anchors GitHub gives its headings, outside code blocks.
    const slugger = new GithubSlugger();
    let inCode = false;
    const anchors = new Set<string>();
    const targets: string[] = [];
    for (const line of guide.split('\n')) {
      if (/^\s*```/.test(line)) inCode = !inCode;
      if (inCode) continue;
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading?.[1]) anchors.add(slugger.slug(heading[1]));
      for (const match of line.matchAll(/\]\(#([^)]+)\)/g)) if (match[1]) targets.push(decodeURIComponent(match[1]));
    }

    // Act
    const missing = targets.filter((target) => !anchors.has(target));

    // Assert
    expect(targets.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
