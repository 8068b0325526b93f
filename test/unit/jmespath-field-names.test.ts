import { search as jmespath } from '@aws-lambda-powertools/jmespath';
import { describe, expect, it } from 'vitest';
import { search as fieldNameSearch } from '../../infra/aws/jmespath-field-names.ts';

/** The JMESPath stand-in in the Lambda bundles must answer what Powertools' JMESPath answers, for what it accepts. */

const DATA: unknown[] = [
  { key: 'bundle-test-key-0001', body: '{"serviceId":"radio"}' },
  { key: null, body: '' },
  { body: { nested: true } },
  { key: 0, body: false },
  [],
  'text',
  null,
  42,
];

describe('the bundled JMESPath subset', () => {
  it.each(['key', 'body', 'missing', '_private1'])('answers %s exactly as JMESPath does, for every kind of value', (expression) => {
    for (const data of DATA) {
      expect(fieldNameSearch(expression, data)).toStrictEqual(jmespath(expression, data as never));
    }
  });

  it.each(['headers.key', 'powertools_json(body)', '"idempotency-key"', 'items[0]', '', 'a b'])('refuses %j instead of answering it wrongly', (expression) => {
    expect(() => fieldNameSearch(expression, { key: 'x' })).toThrow(/Only plain field names are bundled/);
  });
});
