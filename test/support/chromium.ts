import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
