import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadCatalog } from '../functions/catalog/load-catalog.ts';
import { ContentError } from '../functions/catalog/problems.ts';

/**
 * Checks content/services and content/teams.yaml before Astro reads them, reporting every problem as
 * `file:line field — what is expected`: the same check the Lambda functions make when they start.
 * A build stops; the dev server keeps running and shows the problems in the terminal.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'serviceportal-content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        try {
          loadCatalog(fileURLToPath(new URL('../content', import.meta.url)));
        } catch (error) {
          if (command === 'build' || !(error instanceof ContentError)) throw error;
          logger.error(error.message);
        }
      },
    },
  };
}
