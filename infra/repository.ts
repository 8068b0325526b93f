import { resolve } from 'node:path';

/** The repository root, which both wirings resolve handler entries and content/ against. */
export const REPOSITORY_ROOT = resolve(import.meta.dirname, '..');
