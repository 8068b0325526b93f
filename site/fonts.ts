import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import arialMetrics from '@capsizecss/metrics/arial';
import interMetrics from '@capsizecss/metrics/inter';
import type { AstroIntegration } from 'astro';
import subsetFont from 'subset-font';
import { FALLBACK_FAMILY, FONT_FAMILY, FONT_URL, FONT_WEIGHTS } from './src/lib/font.ts';

/**
 * Self-hosts the body font. Inter (a registry package, variable in weight) is cut down to the characters Norwegian
 * text needs (Latin with æ, ø, å, «», dashes) and to the weights in use, into site/public/fonts/; a stylesheet
 * declares it with `font-display: swap` and a fallback face stretched to Inter's measures (size-adjust and friends,
 * from Capsize's metrics) so the page does not move when Inter arrives. Both are made from the packages whenever the
 * site is built or served, so there is no copy of either in git.
 */

const require = createRequire(import.meta.url);
const SITE = dirname(fileURLToPath(import.meta.url));
export const FONT_FILE = join(SITE, 'public', ...FONT_URL.split('/').filter(Boolean));
export const FONT_CSS = join(SITE, 'src', 'styles', 'font.generated.css');

/** Every character of Basic Latin and Latin-1, and the typographic punctuation Norwegian uses. */
export function fontCharacters(): string {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index)).join('');
  return `${range(0x20, 0x7e)}${range(0xa0, 0xff)}–—‘’‚“”„…•·€−‐‑`;
}

interface Metrics {
  ascent: number;
  descent: number;
  lineGap: number;
  unitsPerEm: number;
  xWidthAvg: number;
}

/** Capsize's way: scale the fallback to Inter's average character width, then give it Inter's vertical measures. */
export function fallbackFace(font: Metrics, fallback: Metrics): string {
  const sizeAdjust = font.xWidthAvg / font.unitsPerEm / (fallback.xWidthAvg / fallback.unitsPerEm);
  const em = font.unitsPerEm * sizeAdjust;
  const percent = (value: number) => `${((value / em) * 100).toFixed(2)}%`;
  return [
    '@font-face {',
    `  font-family: '${FALLBACK_FAMILY}';`,
    "  src: local('Arial'), local('Liberation Sans'), local('Helvetica'), local('Arimo');",
    `  size-adjust: ${(sizeAdjust * 100).toFixed(2)}%;`,
    `  ascent-override: ${percent(font.ascent)};`,
    `  descent-override: ${percent(Math.abs(font.descent))};`,
    `  line-gap-override: ${percent(font.lineGap)};`,
    '}',
  ].join('\n');
}

export async function writeFont(): Promise<void> {
  mkdirSync(dirname(FONT_FILE), { recursive: true });
  replaceIfChanged(FONT_FILE, await cutFont());
  const css = [
    '/* Made by site/fonts.ts from @fontsource-variable/inter and @capsizecss/metrics: do not edit. */',
    '@font-face {',
    `  font-family: '${FONT_FAMILY}';`,
    `  src: url('${FONT_URL}') format('woff2');`,
    `  font-weight: ${FONT_WEIGHTS.min} ${FONT_WEIGHTS.max};`,
    '  font-style: normal;',
    '  font-display: swap;',
    '}',
    fallbackFace(interMetrics, arialMetrics),
    '',
  ].join('\n');
  replaceIfChanged(FONT_CSS, css);
}

/**
 * Inter cut to our characters and weights, from the cache when the same cut was made before: the WOFF2 compression
 * alone takes most of a second, at every build, dev server start and test fixture build. The cache is keyed by
 * everything the cut depends on: the font, the characters, the weights, and the installed packages (the lock file),
 * which include the cutting and compressing code.
 */
async function cutFont(): Promise<Uint8Array> {
  const source = readFileSync(require.resolve('@fontsource-variable/inter/files/inter-latin-wght-normal.woff2'));
  const characters = fontCharacters();
  const options = { targetFormat: 'woff2', variationAxes: { wght: FONT_WEIGHTS } } as const;
  // The key is made of exactly what the cut is made of.
  const key = createHash('sha256').update(source).update(characters).update(JSON.stringify(options)).update(readFileSync(LOCK_FILE)).digest('hex').slice(0, 32);
  const cached = join(FONT_CACHE_DIR, `inter-${key}.woff2`);
  if (existsSync(cached)) return readFileSync(cached);
  const subset = await subsetFont(source, characters, options);
  mkdirSync(FONT_CACHE_DIR, { recursive: true });
  replaceIfChanged(cached, subset);
  return subset;
}
const LOCK_FILE = join(SITE, '..', 'package-lock.json');
const FONT_CACHE_DIR = join(SITE, '..', 'node_modules', '.cache', 'serviceportal-fonts');

/**
 * Builds running at the same time (a test's fixture site beside another) share these files: each is replaced by a
 * rename, so a build reading it sees the old file or the new one, never half of one, and left alone when unchanged.
 */
function replaceIfChanged(file: string, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  if (existsSync(file) && readFileSync(file).equals(bytes)) return;
  const next = `${file}.${process.pid}.tmp`;
  writeFileSync(next, bytes);
  renameSync(next, file);
}

export function selfHostedFont(): AstroIntegration {
  return {
    name: 'serviceportal-font',
    hooks: {
      'astro:config:setup': async () => {
        await writeFont();
      },
    },
  };
}
