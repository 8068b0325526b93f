// Type-aware lint over the TypeScript code (the .astro files are checked by `astro check`). Only rules that catch
// real mistakes are on: promises nobody waits for or that land where a callback's result is ignored, and awaits of
// things that are not promises.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', 'site/dist/**', 'site/.astro/**', 'cdk.out/**', '.data/**', 'bench/results/**'],
  },
  {
    files: ['functions/**/*.ts', 'infra/**/*.ts', 'site/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Off outside the folders below: it still reports 22 assertions in infra/local/ (the emulators' wire JSON),
      // 21 in bench/, 3 in the site's build code and 199 in test/ (parsed JSON of answers and fixtures, DOM lookups).
      '@typescript-eslint/no-unsafe-type-assertion': 'off',
    },
  },
  {
    // What runs in the functions, in the browser, in the CDK app and in the tools checks what it reads (type guards
    // in functions/vocabulary/, the API's answers in functions/http/contract/, zod/mini schemas) instead of asserting
    // it. The few assertions left are each allowed where they stand, with the reason.
    files: ['functions/**/*.ts', 'site/src/**/*.ts', 'infra/*.ts', 'infra/aws/**/*.ts', 'infra/tools/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-type-assertion': 'error',
    },
  },
);
