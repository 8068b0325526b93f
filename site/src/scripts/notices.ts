/**
 * The site is static: a notice rendered at build time would stay up after it ends. This hides every notice
 * outside its window by the reader's clock, and shows planned ones once they start.
 */
const now = Date.now();
for (const element of document.querySelectorAll<HTMLElement>('[data-notice]')) {
  const from = element.dataset.showFrom ? Date.parse(element.dataset.showFrom) : -Infinity;
  const until = Date.parse(element.dataset.showUntil ?? '');
  element.hidden = !(from <= now && now < until);
}
for (const list of document.querySelectorAll<HTMLElement>('[data-notice-list]')) {
  const empty = list.querySelector<HTMLElement>('[data-notice-empty]');
  if (empty) empty.hidden = list.querySelector('[data-notice]:not([hidden])') !== null;
}
