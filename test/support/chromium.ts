import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium, never a browser downloaded by Playwright (there is no network here). */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Fant ikke Chromium på ${path}. Nettlesertestene trenger Debians chromium:\n` +
        '  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'eller pek på en annen Chromium med CHROMIUM_PATH=/sti/til/chromium. (Chromium not found: install it as shown.)',
    );
  }
  return path;
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
