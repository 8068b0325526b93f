const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Text, or a link: a sentence in parts, as a page or an e-mail draws it (a number to call, an address to write to). */
export type Inline = string | { text: string; href: string };
