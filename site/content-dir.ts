import { fileURLToPath } from 'node:url';

/**
 * Where the editors' content is. `npm run bench:build` points it at generated articles through
 * SERVICEPORTAL_CONTENT_DIR; everything else uses the repository's content/.
 */
export const CONTENT_DIR = process.env.SERVICEPORTAL_CONTENT_DIR ?? fileURLToPath(new URL('../content', import.meta.url));
