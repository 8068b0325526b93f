import { escapeHtml } from './html.ts';

/**
 * Version of the e-mail layouts, carried in every message so the desk's mail rules can rely on it. Version 2: the
 * subject marks P1/P2 in capitals and «[har ringt]», and the answers stand in sections.
 */
export const EMAIL_FORMAT_VERSION = 'serviceportal.email.v2';

export interface Row {
  label: string;
  value: string;
}

export interface EmailBody {
  text: string;
  html: string;
}

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
  list?: readonly string[];
  footer: string;
}): EmailBody {
  const { heading, rows, sections = [], paragraphs = [], list = [], footer } = options;
  const textRows = (values: readonly Row[]) => values.map((row) => `${row.label}:\n${indent(row.value)}\n`);
  const htmlTable = (values: readonly Row[]) => [
    '<table>',
    ...values.map((row) => `<tr><th scope="row" style="text-align:left;vertical-align:top">${escapeHtml(row.label)}</th><td style="white-space:pre-wrap">${escapeHtml(row.value)}</td></tr>`),
    '</table>',
  ];
  const text = [
    heading,
    '',
    ...textRows(rows),
    ...sections.flatMap((section) => [section.title.toUpperCase(), '', ...textRows(section.rows)]),
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(list.length > 0 ? [...list.map((item, index) => `${index + 1}. ${item}`), ''] : []),
    '-- ',
    `${footer} Format: ${EMAIL_FORMAT_VERSION}`,
  ].join('\n');

  const html = [
    '<!doctype html><html lang="nb"><head><meta charset="utf-8">',
    `<title>${escapeHtml(heading)}</title></head><body>`,
    `<h1>${escapeHtml(heading)}</h1>`,
    ...htmlTable(rows),
    ...sections.flatMap((section) => [`<h2>${escapeHtml(section.title)}</h2>`, ...htmlTable(section.rows)]),
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(list.length > 0 ? ['<ol>', ...list.map((item) => `<li>${escapeHtml(item)}</li>`), '</ol>'] : []),
    `<p><small>${escapeHtml(footer)} Format: ${EMAIL_FORMAT_VERSION}</small></p>`,
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

const OSLO_TIME = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });

export function formatOsloTime(iso: string): string {
  return OSLO_TIME.format(new Date(iso));
}
