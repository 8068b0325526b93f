import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import nb from 'hyphen/nb/index.js';

/**
 * Long Norwegian compounds («Kontrollromsløsningen») in a heading or a table cell are wider than their room on a
 * phone at 320 px. CSS `hyphens: auto` hyphenates them only in browsers that carry a Norwegian dictionary; the
 * others break the word at any letter. So the build marks where such a word may break (soft hyphens, from TeX's
 * bokmål patterns): every browser then breaks it where bokmål allows, with a hyphen, and only when it must. Search
 * is not affected: Pagefind reads a word with soft hyphens as the whole word.
 */

/**
 * The longest word that keeps its line whole, by where it stands: in a heading at 320 px a word of 15 letters still
 * fits, and is better moved whole to the next line than hyphenated; a table cell is a fraction of that width.
 */
export const LONGEST_UNBROKEN = { heading: 15, cell: 11 } as const;

/** Headings and table cells: neither nests in itself, so each runs to its own closing tag. */
const NARROW = /(<(h[1-6]|th|td)\b[^>]*>)([\s\S]*?)(<\/\2>)/g;

/** The page with soft hyphens in the long words of its headings and table cells, if it is in bokmål. */
export function hyphenatedNarrowText(html: string): string {
  if (!/<html[^>]*\blang="nb"/.test(html)) return html;
  return html.replace(NARROW, (_, open: string, tag: string, inner: string, close: string) => {
    const longest = tag.startsWith('h') ? LONGEST_UNBROKEN.heading : LONGEST_UNBROKEN.cell;
    return `${open}${nb.hyphenateHTMLSync(inner, { minWordLength: longest + 1 })}${close}`;
  });
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

export function headingHyphenation(): AstroIntegration {
  return {
    name: 'serviceportal-hyphenation',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, 'utf8');
          const hyphenated = hyphenatedNarrowText(html);
          if (hyphenated !== html) writeFileSync(file, hyphenated);
        }
      },
    },
  };
}
