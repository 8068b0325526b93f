import { readFileSync } from 'node:fs';
import { yamlWithLines } from './yaml-source.ts';
import type { z } from 'zod';
import { fieldPath, type ContentProblem } from './problems.ts';

export interface MarkdownRead<T> {
  data: T | undefined;
  problems: ContentProblem[];
  body: string;
  /** The line in the file where the body (the text under the front matter) starts. */
  bodyLine: number;
  /** The line of a front-matter field, or of its closest parent that exists. */
  lineOf: (path: readonly PropertyKey[]) => number;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(\r?\n|$)/;

/**
 * Reads a markdown file with YAML front matter and validates the front matter, reporting every problem with the
 * line in the file it is on (not the line inside the front matter).
 */
export function readMarkdown<S extends z.ZodType>(absolutePath: string, displayName: string, schema: S): MarkdownRead<z.output<S>> {
  const source = readFileSync(absolutePath, 'utf8');
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    return {
      data: undefined,
      body: source,
      bodyLine: 1,
      lineOf: () => 1,
      problems: [
        {
          file: displayName,
          line: 1,
          field: '',
          message: 'mangler opplysningene øverst i filen: start filen med en linje med ---, så feltene, så en ny linje med ---',
        },
      ],
    };
  }
  const yamlText = match[1] ?? '';
  const bodyLine = match[0].split('\n').length + (match[0].endsWith('\n') ? 0 : 1);
  const body = source.slice(match[0].length);
  // Most front matter is plain `key: value` lines, which need no YAML parser; only a file that fails the check is
  // parsed in full, to find the line of each problem.
  const simple = simpleFrontMatter(yamlText);
  if (simple) {
    const result = schema.safeParse(simple);
    if (result.success) return { data: result.data, body, bodyLine, problems: [], lineOf: lazily(() => yamlDocument(yamlText).lineOf) };
  }
  const { document, lineAt, lineOf } = yamlDocument(yamlText);
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => ({
      file: displayName,
      line: lineAt(error.pos[0]),
      field: '',
      message: `YAML-feil: ${error.message.split('\n')[0]}`,
    }));
    return { data: undefined, body, bodyLine, problems, lineOf: () => 2 };
  }
  const result = schema.safeParse(document.toJS() ?? {});
  if (result.success) return { data: result.data, body, bodyLine, problems: [], lineOf };
  const problems = result.error.issues.map((issue) => ({ file: displayName, line: lineOf(issue.path), field: fieldPath(issue.path), message: issue.message }));
  return { data: undefined, body, bodyLine, problems, lineOf };
}

// The front matter starts on line 2 of the file, after the first ---.
const yamlDocument = (yamlText: string) => yamlWithLines(yamlText, 2);

function lazily<A extends unknown[], R>(make: () => (...args: A) => R): (...args: A) => R {
  let made: ((...args: A) => R) | undefined;
  return (...args) => (made ??= make())(...args);
}

const SIMPLE_LINE = /^([a-z][a-zA-Z0-9]*): (.+)$/;
const SIMPLE_WORD = /^\p{Ll}[\p{Ll}0-9-]*$/u;
/** A plain scalar that YAML reads as this very text: no indicator first, no comment, no `: `, not a number. */
const SIMPLE_TEXT = /^(?![0-9.+-])[^\s#'"&*!|>%@`{[\]},?:-](?:(?!: |\s#)[^\t#])*(?<![\s:])$/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const YAML_WORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);

/**
 * Front matter made only of `key: text`, `key: true|false`, `key: 2026-11-22` and `key: [word, word]` lines, read
 * exactly as YAML reads them; anything else (comments, quotes, numbers, nesting, …) gives undefined and goes to the
 * YAML parser.
 */
export function simpleFrontMatter(yamlText: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  for (const line of yamlText.split('\n')) {
    const match = SIMPLE_LINE.exec(line.endsWith('\r') ? line.slice(0, -1) : line);
    const key = match?.[1];
    const value = match?.[2];
    if (key === undefined || value === undefined || key in data) return undefined;
    if (value === 'true' || value === 'false') data[key] = value === 'true';
    else if (DATE.test(value)) data[key] = value;
    else if (value.startsWith('[') && value.endsWith(']')) {
      const items = value
        .slice(1, -1)
        .split(',')
        .map((item) => item.trim());
      if (items.length === 1 && items[0] === '') data[key] = [];
      else if (items.every((item) => SIMPLE_WORD.test(item) && !YAML_WORDS.has(item))) data[key] = items;
      else return undefined;
    } else if (SIMPLE_TEXT.test(value) && !YAML_WORDS.has(value)) data[key] = value;
    else return undefined;
  }
  return data;
}
