import type { Catalog } from '../core/catalog-shape.ts';

/** Both loaders (`load-yaml-catalog.ts`, `load-prebuilt-catalog.ts`) have this shape, so either can stand behind `load-catalog.ts`. */
export type LoadCatalog = (contentDir: string) => Catalog;
