import { escapeHtml, type Inline } from './html.ts';

/**
 * Version of the e-mail layouts, carried in a header of every message (not in the text people read) so the desk's
 * mail rules can rely on it, and in its SES tags. Version 2: the subject marks P1/P2 in capitals and «[har ringt]»,
 * and the answers stand in sections. Version 3: the version moved from the footer to the X-Serviceportal-Format
 * header; the incident manager's alert is «[Mulig storhendelse]»; numbers, addresses and the status page are links.
 * Version 4: every report goes to the desk's queue, naming the product team it escalates to («Eskaleres til») and
 * carrying the desk's signed action links; a product team's copy says «[kopi]» in its subject.
 */
export const EMAIL_FORMAT_VERSION = 'serviceportal.email.v4';
export const FORMAT_HEADER = 'X-Serviceportal-Format';

/**
 * The kinds of e-mail the portal sends, as SES's records name them. `reporter-update` (the case waits for the
 * reporter, or is solved) goes to the reporter like the receipt; `escalation-request` to the escalation contact
 * for the report's priority (core/case-event-email.ts). `affected-site` tells the desk that one more control room is
 * hit by a known notice (core/affected-sites.ts).
 */
export type EmailKind = 'team' | 'receipt' | 'major-incident' | 'routing-failed' | 'reporter-update' | 'escalation-request' | 'affected-site';

/** What every e-mail carries about itself: its layout version (header and tag), its kind and more tags. */
export function emailMarks(kind: EmailKind, tags: Record<string, string> = {}): { headers: Record<string, string>; tags: Record<string, string> } {
  return { headers: { [FORMAT_HEADER]: EMAIL_FORMAT_VERSION }, tags: { 'schema-version': EMAIL_FORMAT_VERSION.replace(/\W/g, '-'), kind, ...tags } };
}

export interface Row {
  label: string;
  value: string;
  /** A value to act on (a number to call back, an address to write to) is a link in the HTML part. */
  href?: string | undefined;
  /** The link's words in the HTML part, where the value (a long address, say) would stretch the table; the text part shows the value. */
  linkText?: string | undefined;
}

export interface EmailBody {
  text: string;
  html: string;
}

const inlineText = (parts: readonly Inline[]) => parts.map((part) => (typeof part === 'string' ? part : part.text)).join('');
const inlineHtml = (parts: readonly Inline[]) =>
  parts.map((part) => (typeof part === 'string' ? escapeHtml(part) : `<a href="${escapeHtml(part.href)}">${escapeHtml(part.text)}</a>`)).join('');

export interface RowSection {
  title: string;
  rows: readonly Row[];
}

/**
 * A heading, a table of labelled values, optional sections of more such values under their own headings, optional
 * paragraphs and a footer, as plain text and as escaped HTML.
 */
export function renderEmailBody(options: {
  heading: string;
  rows: readonly Row[];
  sections?: readonly RowSection[];
  paragraphs?: readonly string[];
  list?: readonly (readonly Inline[])[];
  footer: string;
}): EmailBody {
  const { heading, rows, sections = [], paragraphs = [], list = [], footer } = options;
  const textRows = (values: readonly Row[]) => values.map((row) => `${row.label}:\n${indent(row.value)}\n`);
  const htmlTable = (values: readonly Row[]) => [
    '<table>',
    ...values.map(
      (row) =>
        `<tr><th scope="row" style="text-align:left;vertical-align:top">${escapeHtml(row.label)}</th><td style="white-space:pre-wrap">${inlineHtml([row.href ? { text: row.linkText ?? row.value, href: row.href } : row.value])}</td></tr>`,
    ),
    '</table>',
  ];
  const text = [
    heading,
    '',
    ...textRows(rows),
    ...sections.flatMap((section) => [section.title.toUpperCase(), '', ...textRows(section.rows)]),
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(list.length > 0 ? [...list.map((item, index) => `${index + 1}. ${inlineText(item)}`), ''] : []),
    '-- ',
    footer,
  ].join('\n');

  const html = [
    '<!doctype html><html lang="nb"><head><meta charset="utf-8">',
    `<title>${escapeHtml(heading)}</title></head><body>`,
    `<h1>${escapeHtml(heading)}</h1>`,
    ...htmlTable(rows),
    ...sections.flatMap((section) => [`<h2>${escapeHtml(section.title)}</h2>`, ...htmlTable(section.rows)]),
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(list.length > 0 ? ['<ol>', ...list.map((item) => `<li>${inlineHtml(item)}</li>`), '</ol>'] : []),
    `<p><small>${escapeHtml(footer)}</small></p>`,
    '</body></html>',
  ].join('\n');
  return { text, html };
}

function indent(value: string): string {
  return value
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
