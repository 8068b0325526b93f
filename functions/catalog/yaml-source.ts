import { existsSync, readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { fieldPath, type ContentProblem } from './problems.ts';

export type LineOf = (path: readonly PropertyKey[]) => number;

export type YamlRead<T> = { data: T; problems: []; lineOf: LineOf } | { data: undefined; problems: ContentProblem[]; lineOf: LineOf };

/**
 * YAML parsed with the line of every node: `firstLine` is the file's line the text starts on (1 for a YAML file, 2
 * for front matter after its `---`). `lineOf` points at a field, or, for a missing one (which has no node of its
 * own), at its closest ancestor that exists; the text's first line if none does.
 */
export function yamlWithLines(text: string, firstLine: number) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const lineOf: LineOf = (path) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = document.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return firstLine;
  };
  return { document, lineAt, lineOf };
}

/**
 * The local stack and the tests load the same content/ many times in one process (each handler's cold start reads
 * the catalog), and parsing the YAML was most of that. A file's parsed document is kept for its text, so a changed
 * file is parsed again; only the catalog's files come through here (a few dozen), never articles' front matter.
 */
const parsedFiles = new Map<string, ReturnType<typeof yamlWithLines>>();
const PARSED_FILES_KEPT = 100;

function parsedFile(text: string): ReturnType<typeof yamlWithLines> {
  const kept = parsedFiles.get(text);
  if (kept) return kept;
  const parsed = yamlWithLines(text, 1);
  const oldest = parsedFiles.keys().next();
  if (parsedFiles.size >= PARSED_FILES_KEPT && !oldest.done) parsedFiles.delete(oldest.value);
  parsedFiles.set(text, parsed);
  return parsed;
}

/**
 * Parses a YAML file and validates it against a schema, reporting every problem with the line it is on.
 * `displayName` is the path an editor recognises (relative to the repository).
 */
export function readYaml<S extends z.ZodType>(absolutePath: string, displayName: string, schema: S): YamlRead<z.output<S>> {
  if (!existsSync(absolutePath)) {
    return { data: undefined, problems: [{ file: displayName, line: 1, field: '', message: 'filen mangler' }], lineOf: () => 1 };
  }
  const { document, lineAt, lineOf } = parsedFile(readFileSync(absolutePath, 'utf8'));

  if (document.errors.length > 0) {
    return {
      lineOf,
      data: undefined,
      problems: document.errors.map((error) => ({
        file: displayName,
        line: lineAt(error.pos[0]),
        field: '',
        message: `YAML-feil: ${error.message.split('\n')[0]}`,
      })),
    };
  }

  const result = schema.safeParse(document.toJS());
  if (result.success) return { data: result.data, problems: [], lineOf };

  return {
    lineOf,
    data: undefined,
    problems: result.error.issues.flatMap(closestIssues).map((issue) => ({
      file: displayName,
      line: lineOf(issue.path),
      field: fieldPath(issue.path),
      message: issue.message,
    })),
  };
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  errors?: readonly (readonly Issue[])[];
}

/**
 * When a value matches none of the shapes it may have (a page of content/form.yaml is a page or `servicePages`),
 * «none of them» helps nobody: report what is wrong with the shape it came closest to, the one whose problems lie
 * deepest inside it.
 */
function closestIssues(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union' || !issue.errors || issue.errors.length === 0) return [issue];
  const depth = (issues: readonly Issue[]) => Math.min(...issues.map((inner) => inner.path.length));
  const closest = issue.errors.reduce((best, candidate) => (depth(candidate) > depth(best) ? candidate : best));
  if (depth(closest) === 0) return [issue];
  return closest.flatMap((inner) => closestIssues({ ...inner, path: [...issue.path, ...inner.path] }));
}
