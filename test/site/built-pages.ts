import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPOSITORY_ROOT } from '../../infra/repository.ts';

export const DIST = join(REPOSITORY_ROOT, 'site', 'dist');

/** Every built HTML page as its URL path (`/kontakt/`) and text, or a clear message when the site is not built. */
export function builtPages(): Map<string, string> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`Nettsiden er ikke bygget (${DIST} mangler). Kjør «npm run build».`);
  const pages = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(path);
      } else if (name.endsWith('.html')) {
        const url = `/${relative(DIST, path)}`.replace(/index\.html$/, '');
        pages.set(url, readFileSync(path, 'utf8'));
      }
    }
  };
  walk(DIST);
  return pages;
}

export const attributeValues = (html: string, tag: string, attribute: string): string[] =>
  [...html.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${attribute}="([^"]*)"`, 'g'))].map((match) => match[1] ?? '');
