import type { AstroIntegration } from 'astro';
import { ContentError, problemReport } from '../functions/catalog/problems.ts';

type Hook = (...args: unknown[]) => unknown;

/**
 * The integration, with a ContentError from any of its hooks printed as the editor's Norwegian lines alone, and the
 * build stopped with exit code 1. Thrown on to Astro, the same lines would come wrapped in «An unhandled error
 * occurred while running the "astro:config:setup" hook» and a stack trace, which tell an editor nothing and hide
 * the lines that do. `stop` is where it goes instead (a test passes its own).
 */
export function withContentErrorsPrinted(integration: AstroIntegration, stop: (report: string) => void = printAndExit): AstroIntegration {
  const hooks = Object.fromEntries(
    Object.entries(integration.hooks).map(([name, hook]) => [
      name,
      async (...args: unknown[]) => {
        try {
          return await (hook as Hook)(...args);
        } catch (error) {
          if (!(error instanceof ContentError)) throw error;
          stop(problemReport(error.problems));
        }
      },
    ]),
  );
  return { ...integration, hooks };
}

function printAndExit(report: string): never {
  // Straight to stderr: Astro's logger adds its own prefix to every line, and prints nothing under --silent.
  process.stderr.write(`${report}\n`);
  process.exit(1);
}
