import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument } from 'yaml';
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
      problems: [{ file: displayName, line: 1, field: '', message: 'mangler opplysningene øverst i filen: start filen med en linje med ---, så feltene, så en ny linje med ---' }],
    };
  }
  const yamlText = match[1] ?? '';
  const bodyLine = match[0].split('\n').length + (match[0].endsWith('\n') ? 0 : 1);
  const body = source.slice(match[0].length);
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  // The front matter starts on line 2 of the file, after the first ---.
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + 1;

  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => ({ file: displayName, line: lineAt(error.pos[0]), field: '', message: `YAML-feil: ${error.message.split('\n')[0]}` }));
    return { data: undefined, body, bodyLine, problems, lineOf: () => 2 };
  }
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return 2;
  };
  const result = schema.safeParse(document.toJS() ?? {});
  if (result.success) return { data: result.data, body, bodyLine, problems: [], lineOf };
  const problems = result.error.issues.map((issue) => ({ file: displayName, line: lineOf(issue.path), field: fieldPath(issue.path), message: issue.message }));
  return { data: undefined, body, bodyLine, problems, lineOf };
}
