/**
 * Stands in for `@aws-lambda-powertools/jmespath` (and its `/functions`) in the Lambda bundles only (esbuild
 * aliases in portal-function.ts). Powertools idempotency imports the whole JMESPath interpreter, about 23 kB, to
 * pick the key and the payload out of the event; submit-report only ever names top-level fields ('key', 'body'),
 * which this answers exactly as JMESPath does. Any other expression throws, and test/infra/lambda-bundles.test.ts
 * runs the bundled handler, so a richer expression cannot ship unnoticed: remove the aliases instead.
 */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function search(expression: string, data: unknown): unknown {
  if (!FIELD_NAME.test(expression)) {
    throw new Error(`Only plain field names are bundled for JMESPath, not '${expression}' (infra/aws/jmespath-field-names.ts).`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  return Object.hasOwn(data, expression) ? ((data as Record<string, unknown>)[expression] ?? null) : null;
}

/** Powertools' custom JMESPath functions; with field names only there is nothing to call. */
export class PowertoolsFunctions {}
