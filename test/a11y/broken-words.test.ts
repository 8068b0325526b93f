import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserForFile, type FileBrowser } from '../support/chromium.ts';
import { wordsBrokenInside } from './broken-words.ts';

/** The check the 320 px pass runs on every page, on pages made to break words in each way it must tell apart. */

let browser: FileBrowser;
let page: Page;

beforeAll(async () => {
  browser = await browserForFile();
  page = await browser.newPage({ viewport: { width: 320, height: 640 } });
});

afterAll(async () => {
  await browser?.close();
});

/** A column as narrow as a few letters, so that long words must break somewhere. */
async function show(body: string): Promise<void> {
  await page.setContent(`<!doctype html><html lang="nb"><body style="margin:0;font:16px/1.5 monospace"><div style="width:8ch">${body}</div></body></html>`);
}

describe('words broken across lines', () => {
  it.each([
    ['a word the browser breaks anywhere', '<p style="overflow-wrap:anywhere">kommunikasjon</p>', ['kommunik|asjon']],
    ['a word broken at a soft hyphen', '<p style="hyphens:manual">kommuni&shy;kasjon</p>', []],
    ['words that wrap between them', '<p>ab cd ef gh ij kl mn op</p>', []],
    ['an e-mail address, which may break anywhere', '<p style="overflow-wrap:anywhere">ab post@sd.example</p>', []],
    ['text on one line', '<p>ab cd</p>', []],
  ])('%s', async (_case, body, expected) => {
    await show(body);

    const broken = await wordsBrokenInside(page);

    expect(broken).toEqual(expected);
  });
});
