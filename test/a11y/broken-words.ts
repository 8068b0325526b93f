import type { Page } from 'playwright-core';

/**
 * Words the page shows broken across two lines somewhere other than at a soft hyphen, the places bokmål allows
 * (site/hyphenation.ts). Each is given as the word with a | where it broke. E-mail and web addresses may break
 * anywhere and are left out.
 */
export async function wordsBrokenInside(page: Page): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    const SOFT_HYPHEN = '\u00ad';
    const broken: string[] = [];
    /** How many lines a stretch of a text node is drawn on (boxes of no width are a line's end, not text). */
    const lineBoxes = (textNode: Node, start: number, end: number): number => {
      const range = document.createRange();
      range.setStart(textNode, start);
      range.setEnd(textNode, end);
      return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript') || parent.getClientRects().length === 0) continue;
      // A word broken across two lines makes its text span two line boxes: text on one line needs no closer look.
      if (lineBoxes(node, 0, text.length) < 2) continue;
      for (const match of text.matchAll(/[^\s\u00a0\-–/]+/g)) {
        const word = match[0];
        if (word.length < 2 || /[@:]/.test(word) || lineBoxes(node, match.index, match.index + word.length) < 2) continue;
        // The line each letter stands on; a soft hyphen between two letters on different lines is a proper break.
        let previousTop: number | undefined;
        let softHyphenBefore = false;
        for (let offset = 0; offset < word.length; offset += 1) {
          if (word[offset] === SOFT_HYPHEN) {
            softHyphenBefore = true;
            continue;
          }
          const range = document.createRange();
          range.setStart(node, match.index + offset);
          range.setEnd(node, match.index + offset + 1);
          // A letter just after a soft hyphen that was used also reports the hyphen drawn at the end of the line above.
          const rect = [...range.getClientRects()].filter((candidate) => candidate.width > 0).at(-1);
          if (!rect) continue;
          const top = Math.round(rect.top);
          if (previousTop !== undefined && top > previousTop && !softHyphenBefore) {
            const shown = word.replaceAll(SOFT_HYPHEN, '');
            const at = word.slice(0, offset).replaceAll(SOFT_HYPHEN, '').length;
            broken.push(`${shown.slice(0, at)}|${shown.slice(at)}`);
          }
          previousTop = top;
          softHyphenBefore = false;
        }
      }
    }
    return broken;
  });
}
