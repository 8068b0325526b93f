import { esc, nb } from './stats-format.ts';

/** The data tables of the statistics file (core/stats-html.ts): each chart is followed by one with the same numbers. */

export interface Cell {
  text: string;
  /** The number a chart draws for this cell, if it draws one. */
  value?: number | undefined;
  numeric?: boolean;
  header?: boolean;
  /** Kept on one line (a time window). */
  nowrap?: boolean;
  /** A list, each item kept on one line (references), in place of `text`. */
  items?: readonly string[];
}

export function table(options: {
  id: string;
  caption: string;
  headers: readonly string[];
  numericFrom: number;
  rows: readonly Cell[][];
  foot?: Cell[] | undefined;
}): string {
  const { id, caption, headers, numericFrom } = options;
  const cell = (item: Cell, column: number, scope: 'row' | 'col' = 'row') => {
    const numeric = item.numeric ?? column >= numericFrom;
    const classes = [...(numeric ? ['num'] : []), ...(item.nowrap ? ['nowrap'] : [])];
    const attributes = `${classes.length > 0 ? ` class="${classes.join(' ')}"` : ''}${item.value !== undefined ? ` data-value="${esc(item.value)}"` : ''}`;
    const content = item.items ? item.items.map((text) => `<span class="nowrap">${esc(text)}</span>`).join(', ') : esc(item.text);
    return item.header ? `<th scope="${scope}"${attributes}>${content}</th>` : `<td${attributes}>${content}</td>`;
  };
  const head = `<thead><tr>${headers.map((header, column) => `<th scope="col"${column >= numericFrom ? ' class="num"' : ''}>${esc(header)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${options.rows.map((row) => `<tr>${row.map((item, column) => cell(item, column)).join('')}</tr>`).join('')}</tbody>`;
  const foot = options.foot ? `<tfoot><tr>${options.foot.map((item, column) => cell(item, column)).join('')}</tr></tfoot>` : '';
  return (
    `<div class="table-wrap" role="region" aria-labelledby="${esc(id)}" tabindex="0">` +
    `<table><caption id="${esc(id)}">${esc(caption)}</caption>${head}${body}${foot}</table></div>`
  );
}

export const header = (text: string): Cell => ({ text, header: true, numeric: false });
export const count = (value: number, drawn = true): Cell => ({ text: nb(value), ...(drawn && value > 0 ? { value } : {}), numeric: true });
