import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The page types the issue names, with one representative URL each. */
export const PAGE_TYPES = [
  { type: 'forside', path: '/' },
  { type: 'artikkel', path: '/artikler/onsket-informasjon-ved-innmelding-av-feil/' },
  { type: 'tjeneste', path: '/tjenester/iccs/' },
  { type: 'skjema (steg)', path: '/meld-feil/iccs/' },
  { type: 'kvittering', path: '/meld-feil/kvittering/' },
] as const;

export interface PageWeight {
  type: string;
  path: string;
  /** Gzipped bytes (zlib level 9, what a CDN would send), and the number of files counted. */
  html: number;
  css: number;
  cssFiles: number;
  js: number;
  jsFiles: number;
  /** The fonts the page preloads, so they come with its first paint. */
  font: number;
  fontFiles: number;
}

const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * Module scripts and, transitively, what they import: statically, and dynamically from the page's own chunks (the
 * wizard is fetched right after first paint, so it counts). Absolute dynamic imports (`/pagefind/…`, loaded only
 * when the reader searches) do not.
 */
export function scriptClosure(dist: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (url: string) => {
    if (seen.has(url) || !url.startsWith('/')) return;
    seen.add(url);
    const file = join(dist, url);
    if (!existsSync(file)) return;
    const code = readFileSync(file, 'utf8');
    const statics = [...code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?["']([^"']+\.js)["']/g)];
    const dynamics = [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)];
    for (const match of [...statics, ...dynamics]) {
      const specifier = match[1] ?? '';
      visit(specifier.startsWith('.') ? posix.join(posix.dirname(url), specifier) : specifier);
    }
  };
  entries.forEach(visit);
  return [...seen];
}

/** Reads a built page and every stylesheet and script it links, and weighs each gzipped. */
export function weighPage(dist: string, type: string, path: string): PageWeight {
  const htmlFile = join(dist, path, path.endsWith('/') ? 'index.html' : '');
  const html = readFileSync(htmlFile, 'utf8');
  const tags = [...html.matchAll(/<(link|script)\b[^>]*>/g)].map((match) => match[0]);
  const styles = tags.filter((tag) => tag.startsWith('<link') && /rel="stylesheet"/.test(tag)).map((tag) => attribute(tag, 'href') ?? '');
  const fonts = tags.filter((tag) => tag.startsWith('<link') && /rel="preload"/.test(tag) && /as="font"/.test(tag)).map((tag) => attribute(tag, 'href') ?? '');
  const scripts = scriptClosure(
    dist,
    tags
      .filter((tag) => tag.startsWith('<script'))
      .map((tag) => attribute(tag, 'src') ?? '')
      .filter(Boolean),
  );
  const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1] ?? '')
    .filter((code) => code.trim() !== '');
  const weigh = (urls: string[]) => urls.reduce((sum, url) => sum + (existsSync(join(dist, url)) ? gz(readFileSync(join(dist, url))) : 0), 0);
  return {
    type,
    path,
    html: gz(html),
    css: weigh(styles),
    cssFiles: styles.length,
    // Inline scripts are already in the HTML figure; they count as JS too, so "0 kB JS" means none at all.
    js: weigh(scripts) + inlineScripts.reduce((sum, code) => sum + gz(code), 0),
    jsFiles: scripts.length + inlineScripts.length,
    font: weigh(fonts),
    fontFiles: fonts.length,
  };
}

export function weighPageTypes(dist: string): PageWeight[] {
  return PAGE_TYPES.filter((page) => existsSync(join(dist, page.path, 'index.html'))).map((page) => weighPage(dist, page.type, page.path));
}
