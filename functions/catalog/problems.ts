/** One thing an editor must fix, pointing at the file and line where it is. */
export interface ContentProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export function formatProblem(problem: ContentProblem): string {
  const where = `${problem.file}:${problem.line}`;
  return problem.field ? `${where} ${problem.field} — ${problem.message}` : `${where} — ${problem.message}`;
}

/**
 * Everything wrong in content/ as an editor reads it, in the terminal after `npm run check:content` or a failed
 * build: how many, one line per problem, and what to do next.
 */
export function problemReport(problems: readonly ContentProblem[]): string {
  return [
    `Innholdet i content/ har ${problems.length} feil:`,
    '',
    ...problems.map(formatProblem),
    '',
    'Rett feilene og kjør «npm run check:content» igjen. Veiledning: CONTENT.md',
  ].join('\n');
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}

export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    super(`Innholdet i content/ har ${problems.length} feil:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}
