/**
 * Checks of JSON: the API's answers the site's scripts read (functions/http/contract/), what they keep in the browser's
 * storage, and the payloads of the signed links the functions hand out (core/action-links.ts,
 * core/subscription-tokens.ts). A leaf, like everything in functions/vocabulary/. Each check is a type guard the compiler holds to its type: `objectOf<T>` wants a guard for every key of T,
 * each of that key's type, so a field added, renamed or retyped on one side fails the typecheck until the check
 * follows.
 *
 * Not zod/mini, which does the same: on the receipt and status pages it would add some 8 kB gzipped, and it would
 * move zod out of the notices' chunk on the report form, whose JavaScript budget (test/e2e/wizard-budget.test.ts)
 * has no room for the split. These few functions are a couple of hundred bytes.
 */
export type Guard<T> = (value: unknown) => value is T;

/** A JSON object (not null, not an array), whose fields can then be read one by one and checked. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const isString = (value: unknown): value is string => typeof value === 'string';
export const isNumber = (value: unknown): value is number => typeof value === 'number';
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

/** One of the given words. */
export const oneOf =
  <const T extends string>(values: readonly T[]): Guard<T> =>
  (value): value is T =>
    values.some((candidate) => candidate === value);

/** Absent, or as `guard` says. */
export const optional =
  <T>(guard: Guard<T>): Guard<T | undefined> =>
  (value): value is T | undefined =>
    value === undefined || guard(value);

export const arrayOf =
  <T>(guard: Guard<T>): Guard<T[]> =>
  (value): value is T[] =>
    Array.isArray(value) && value.every(guard);

/** An object with every key of T as its guard says; other keys are let be. */
export const objectOf =
  <T extends object>(shape: { [K in keyof T]-?: Guard<T[K]> }): Guard<T> =>
  (value): value is T =>
    isJsonObject(value) && Object.entries<Guard<unknown>>(shape).every(([key, guard]) => guard(value[key]));
