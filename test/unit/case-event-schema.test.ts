import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_EVENT_SCHEMA, caseEventSchema } from '../../functions/core/case-event-schema.ts';
import { CASE_EVENT_SCHEMA_FILE, caseEventJsonSchema } from '../../scripts/case-event-schema.ts';

/** docs/case-event.schema.json is what the desk reads; it must be what the zod schema the publisher validates with generates. */
describe('docs/case-event.schema.json', () => {
  it('is what `npm run schema` generates from the case event’s zod schema (run it after changing the schema)', () => {
    expect(readFileSync(CASE_EVENT_SCHEMA_FILE, 'utf8')).toBe(caseEventJsonSchema());
  });

  it('names its version and requires every field but the message', () => {
    const schema = JSON.parse(caseEventJsonSchema()) as { $id: string; required: string[]; properties: Record<string, unknown> };

    expect(schema.$id).toContain(CASE_EVENT_SCHEMA);
    expect(schema.required).toEqual(Object.keys(schema.properties).filter((field) => field !== 'message'));
    expect(Object.keys(caseEventSchema.shape)).toEqual(Object.keys(schema.properties));
  });
});
