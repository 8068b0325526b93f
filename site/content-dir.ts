import { fileURLToPath } from 'node:url';

/**
 * Where the editors' content is. `npm run bench:build` points it at generated articles through
 * SERVICEPORTAL_CONTENT_DIR; everything else uses the repository's content/. Worked out once, where this module is
 * loaded as itself (astro.config.ts), and kept in the environment: in the build's bundle of the pages this module's
 * own address points into site/dist, where there is no content/.
 */
process.env.SERVICEPORTAL_CONTENT_DIR ??= fileURLToPath(new URL('../content', import.meta.url));
export const CONTENT_DIR = process.env.SERVICEPORTAL_CONTENT_DIR;
