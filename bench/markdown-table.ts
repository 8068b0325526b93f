/** A Markdown table; a header starting with «<» is a left-aligned text column, every other column is right-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const align = headers.map((header) => (header.startsWith('<') ? '---' : '---:'));
  return [`| ${headers.map((h) => h.replace(/^</, '')).join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}
