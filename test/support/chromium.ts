import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** A Debian package that puts a Chromium at a fixed path; never a browser downloaded by Playwright (no network here). */
interface DebianChromium {
  package: string;
  path: string;
  /** Who needs it, in the message when it is missing. */
  neededBy: string;
}

/**
 * The browser tests' Chromium: Debian's build of Chromium's headless shell, the same Blink as the browser without
 * the browser's windowing, and what Playwright itself runs headless. It needs well under half the CPU of the whole
 * browser for the same test (a keyboard-journey file: 23 against 63 CPU seconds), which is most of `npm test`.
 */
const HEADLESS_SHELL: DebianChromium = {
  package: 'chromium-headless-shell',
  path: '/usr/bin/chromium-headless-shell',
  neededBy: 'Nettlesertestene',
};
/** The whole browser, for Lighthouse (`npm run bench`), whose figures are for a browser as people run it. */
const FULL_CHROMIUM: DebianChromium = { package: 'chromium', path: '/usr/bin/chromium', neededBy: 'Lighthouse-målingen i npm run bench' };

function installedPath(wanted: DebianChromium, path: string, otherwise = ''): string {
  if (!existsSync(path)) {
    throw new Error(
      `Fant ikke Chromium på ${path}. ${wanted.neededBy} trenger Debians ${wanted.package}:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${wanted.package}\n` +
        `${otherwise}(Chromium not found: install it as shown.)`,
    );
  }
  return path;
}

/** The browser tests' Chromium, or the one CHROMIUM_PATH names. */
export function chromiumPath(): string {
  const otherwise = 'eller pek på en annen Chromium med CHROMIUM_PATH=/sti/til/chromium. ';
  return installedPath(HEADLESS_SHELL, process.env.CHROMIUM_PATH ?? HEADLESS_SHELL.path, otherwise);
}

/** The whole browser, for Lighthouse. */
export function fullChromiumPath(): string {
  return installedPath(FULL_CHROMIUM, FULL_CHROMIUM.path);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Glyphs placed as the whole browser places them: the headless shell otherwise hints text to whole pixels, which
      // moves every line of text by a fraction of a pixel against what people's Chromium shows (3 % of a screenshot).
      '--font-render-hinting=none',
    ],
  });
}

/** What a test file sees of Chromium: contexts and pages of its own, closed by `close()`; the browser stays. */
export interface FileBrowser {
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

let workerBrowser: Promise<Browser> | undefined;

/**
 * One Chromium per worker process, shared by the test files it runs one after another (`isolate: false`), instead
 * of a launch and a shutdown per file. Each file gets fresh contexts — no cookies, storage or cache from another
 * file — and closes them when it is done. Playwright closes the browser when the worker exits.
 */
export async function browserForFile(): Promise<FileBrowser> {
  workerBrowser ??= launchChromium();
  let browser = await workerBrowser;
  if (!browser.isConnected()) {
    workerBrowser = launchChromium();
    browser = await workerBrowser;
  }
  const contexts: BrowserContext[] = [];
  const newContext = async (options?: BrowserContextOptions) => {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context;
  };
  return {
    newContext,
    newPage: async (options) => (await newContext(options)).newPage(),
    close: async () => {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    },
  };
}
