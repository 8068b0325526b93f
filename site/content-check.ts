import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../functions/catalog/check-content.ts';
import { ContentError, problemReport } from '../functions/catalog/problems.ts';

/**
 * Checks everything in content/ before Astro reads it (the same check as `npm run check:content`), reporting every
 * problem as `file:line field — what is expected`. A build stops with a ContentError (astro.config.ts has it
 * printed as the editor's lines alone: build-stop.ts). The dev server keeps running: it prints the problems in the
 * terminal again each time a file in content/ changes, and every page shows them (ContentProblems.astro).
 */
export function contentCheck(contentDir = fileURLToPath(new URL('../content', import.meta.url))): AstroIntegration {
  return {
    name: 'serviceportal-content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const { problems } = checkContent(contentDir);
        if (problems.length === 0) return;
        if (command === 'build') throw new ContentError(problems);
        logger.error(problemReport(problems));
      },
      'astro:server:setup': ({ server, logger }) => {
        let hadProblems = false;
        server.watcher.add(contentDir);
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(contentDir + sep)) return;
          const { problems } = checkContent(contentDir);
          if (problems.length > 0) logger.error(problemReport(problems));
          else if (hadProblems) logger.info('Innholdet i content/ er i orden igjen.');
          hadProblems = problems.length > 0;
        });
      },
    },
  };
}
