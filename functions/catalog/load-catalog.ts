/**
 * The loader the handlers import. Which one it is depends on the build (`#catalog-loader` in this folder's
 * package.json): the Lambda bundles are built with the `prebuilt-catalog` condition and read the catalog.json
 * their build validated (load-prebuilt-catalog.ts), which keeps the YAML parser and the content schemas out of
 * them; everything else (npm start, npm run dev, the tests, the content check) reads and validates `content/`
 * live (load-yaml-catalog.ts). The handlers are the same modules in both.
 */
export { loadCatalog } from '#catalog-loader';
export type { Catalog } from '../core/catalog-shape.ts';
