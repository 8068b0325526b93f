/** hyphen ships no types: the one function the site's hyphenation step calls (Norwegian bokmål patterns). */
declare module 'hyphen/nb/index.js' {
  const nb: { hyphenateHTMLSync(html: string, options?: { minWordLength?: number; hyphenChar?: string }): string };
  export default nb;
}
