import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../functions/catalog/check-content.ts';
import { ContentError } from '../functions/catalog/problems.ts';

/**
 * Checks everything in content/ before Astro reads it (the same check as `npm run check:content`), reporting every
 * problem as `file:line field — what is expected`. A build stops; the dev server keeps running and shows the
 * problems in the terminal.
 */
export function contentCheck(contentDir = fileURLToPath(new URL('../content', import.meta.url))): AstroIntegration {
  return {
    name: 'serviceportal-content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const { problems } = checkContent(contentDir);
        if (problems.length === 0) return;
        const error = new ContentError(problems);
        if (command === 'build') throw error;
        logger.error(error.message);
      },
    },
  };
}
