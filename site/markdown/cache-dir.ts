import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MARKDOWN_DIR = import.meta.dirname;

/**
 * Astro's cache folder for a build, named after the Markdown pipeline's own source. Astro keeps each article's
 * rendered HTML in its cache and renders it again only when the article changes: it cannot see a change to our
 * plugins (functions in the config), so without this a changed plugin would leave every unchanged article as the
 * old plugin rendered it. A changed plugin gives a new folder, and every article is rendered again.
 */
export function markdownCacheDir(base: string, sourceDir = MARKDOWN_DIR): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(sourceDir)
    .filter((file) => file.endsWith('.ts'))
    .sort()) {
    hash.update(name).update(readFileSync(join(sourceDir, name)));
  }
  return join(base, `markdown-${hash.digest('hex').slice(0, 12)}`);
}
