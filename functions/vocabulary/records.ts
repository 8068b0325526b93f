/*
 * Records keyed by a finite list (service ids, priorities, case states). `Object.keys`, `Object.entries` and
 * `Object.fromEntries` type their keys as `string` whatever the object; these say what the keys are, in one place,
 * instead of an assertion at every call. Sound for the objects they are used on: literals and records built from
 * the same list, which carry no other keys.
 */
/* oxlint-disable typescript/no-unsafe-type-assertion -- the one place the key type is restored; see above */

export const keysOf = <K extends string>(record: Readonly<Record<K, unknown>>): K[] => Object.keys(record) as K[];

export const entriesOf = <K extends string, V>(record: Readonly<Record<K, V>>): [K, V][] => Object.entries(record) as [K, V][];

/** One value for each key of the list. */
export const recordOf = <K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> =>
  Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;
