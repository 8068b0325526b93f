import { toJSONSchema, type $ZodType, type JSONSchema } from 'zod/v4/core';

/**
 * A content schema as the field table an editor reads in CONTENT.md: one row per field, with whether it must be
 * there, what it may hold and the schema's describe() text. Read from the JSON Schema zod 4 generates (classic and
 * zod/mini schemas alike) for the input, since that is what an editor writes: a field with a default is not required.
 */

export interface FieldRow {
  /** `pages[].questions[].type`: `[]` for each item of a list, `<nøkkel>` for each key of a map, as in the checker's messages. */
  field: string;
  required: string;
  type: string;
  description: string;
}

type Schema = JSONSchema.JSONSchema;

/** What a map's keys are called in a field's path. */
export const ANY_KEY = '<nøkkel>';

/**
 * Text whose form a pattern fixes, named by the first example the pattern accepts. A lenient form's example comes
 * before the stricter forms it would also accept (a file name's pattern takes «2026-11-22» too).
 */
const FORMS: readonly { example: string; words: string }[] = [
  { example: '2026-11-22T08:00+01:00', words: 'tidspunkt med tidssone, for eksempel `2026-11-22T08:00+01:00`' },
  { example: 'flytte-kontrollrom', words: 'små bokstaver a–z, tall og bindestrek, for eksempel `flytte-kontrollrom`' },
  { example: '2026-11-22', words: 'dato, for eksempel `2026-11-22`' },
  { example: '08:00', words: 'klokkeslett, for eksempel `08:00`' },
  { example: 'operatorPosition', words: 'bokstaver a–z og tall, første bokstav liten, for eksempel `operatorPosition`' },
];

/** Said of a pattern no example fits; a test keeps the content schemas from needing it. */
export const UNKNOWN_FORM = 'tekst på en fast form';

const BELOW = 'feltene under';

export function fieldTable(schema: $ZodType): string {
  // A | ends a cell; a < would start an HTML tag (content/services/<tjeneste>.yaml), which the page hides.
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('<', '&lt;');
  const rows = fieldRows(schema).map((row) => `| \`${row.field}\` | ${cell(row.required)} | ${cell(row.type)} | ${cell(row.description)} |`);
  return ['| Felt | Påkrevd | Type og lovlige verdier | Hva det er |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function fieldRows(schema: $ZodType): FieldRow[] {
  const rows: FieldRow[] = [];
  /** Where the fields of a shape met before are listed, so a second field of that shape (otherDesks, like channels) points there. */
  const listedAt = new Map<string, string>();

  const field = (path: string, schema: Schema, required: boolean, key = '') => {
    const own = fieldsOf(schema);
    const earlier = own && listedAt.get(JSON.stringify(withoutDescription(own.schema)));
    const type = typeText(schema, earlier ? `feltene i \`${earlier}\`` : BELOW);
    rows.push({ field: path, required: requiredText(schema, required), type: key ? `${key}; ${type}` : type, description: schema.description ?? '' });
    if (!own || earlier) return;
    listedAt.set(JSON.stringify(withoutDescription(own.schema)), `${path}${own.suffix}`);
    fieldsBelow(schema, path);
  };

  const fieldsBelow = (schema: Schema, path: string): void => {
    const keyed = sameValues(schema);
    if (keyed) {
      // P1–P4 alike: their fields once, under `levels.<nøkkel>`; a map in a map (the matrix's rows) gets its own row.
      if (isMap(keyed.value)) field(join(path, ANY_KEY), keyed.value, true);
      else fieldsBelow(keyed.value, join(path, ANY_KEY));
      return;
    }
    const record = recordValue(schema);
    if (record) {
      field(join(path, ANY_KEY), record, false, `nøkkelen: ${isSchema(schema.propertyNames) ? typeText(schema.propertyNames, BELOW) : 'tekst'}`);
      return;
    }
    if (schema.type === 'array' && isSchema(schema.items)) {
      fieldsBelow(schema.items, `${path}[]`);
      return;
    }
    for (const alternative of alternatives(schema)) {
      for (const [key, value] of Object.entries(alternative.properties ?? {})) {
        if (isSchema(value)) field(join(path, key), value, (alternative.required ?? []).includes(key));
      }
    }
  };

  fieldsBelow(toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), '');
  return rows;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function requiredText(schema: Schema, required: boolean): string {
  if (required) return 'ja';
  return schema.default === undefined || isEmpty(schema.default) ? 'nei' : `nei (standard: \`${yamlText(schema.default)}\`)`;
}

function typeText(schema: Schema, below: string): string {
  const keyed = sameValues(schema);
  if (keyed) return `én for hver av ${list(keyed.keys)}${isLeaf(keyed.value) ? `: ${typeText(keyed.value, below)}` : ''}`;
  if (recordValue(schema)) return below;
  if (schema.anyOf)
    return isLeaf(schema) ? [...new Set(schema.anyOf.map((alternative) => typeText(alternative, below)))].join(', eller ') : eitherText(schema.anyOf, below);
  if (schema.enum) return schema.enum.length === 1 ? `\`${String(schema.enum[0])}\`` : `en av ${list(schema.enum)}`;
  switch (schema.type) {
    case 'string':
      return stringText(schema);
    case 'boolean':
      return '`true` eller `false`';
    case 'integer':
    case 'number':
      return `${schema.type === 'integer' ? 'heltall' : 'tall'}${rangeText(schema)}`;
    case 'array': {
      const items = isSchema(schema.items) ? schema.items : {};
      const least = schema.minItems !== undefined && schema.minItems > 0 ? `, minst ${schema.minItems}` : '';
      return isLeaf(items) ? `liste${least}, hver ${typeText(items, below)}` : `liste${least}, hver med ${typeText(items, below)}`;
    }
    case 'object':
      return below;
    default:
      return '';
  }
}

/** Objects of two or more kinds (a page of the form, or the place of the service's pages): each kind by its required fields. */
function eitherText(kinds: readonly Schema[], below: string): string {
  const kindText = (kind: Schema) => {
    const names = (kind.required ?? []).map((name) => `\`${name}\``);
    return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} og ${names.at(-1) ?? ''}`;
  };
  return `enten ${kinds.map(kindText).join(', eller ')} (${below})`;
}

function stringText(schema: Schema): string {
  if (schema.format === 'email') return 'e-postadresse';
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern);
    return FORMS.find((form) => pattern.test(form.example))?.words ?? UNKNOWN_FORM;
  }
  return schema.maxLength === undefined ? 'tekst' : `tekst, høyst ${schema.maxLength} tegn`;
}

function rangeText(schema: Schema): string {
  const { minimum: min, maximum: max, exclusiveMinimum: above } = schema;
  if (min !== undefined && max !== undefined) return ` fra ${min} til ${max}`;
  const parts = [
    ...(typeof above === 'number' ? [`over ${above}`] : []),
    ...(min !== undefined ? [`minst ${min}`] : []),
    ...(max !== undefined ? [`høyst ${max}`] : []),
  ];
  return parts.length > 0 ? ` ${parts.join(', ')}` : '';
}

/** An object whose fields are all required and alike (P1–P4, the states): one row for all, its keys listed. */
function sameValues(schema: Schema): { keys: string[]; value: Schema } | undefined {
  const entries = Object.entries(schema.properties ?? {});
  const [first] = entries;
  if (!first || entries.length < 2 || !isSchema(first[1])) return undefined;
  const shape = JSON.stringify(first[1]);
  const keys = entries.map(([key]) => key);
  const alike = keys.every((key) => schema.required?.includes(key)) && entries.every(([, value]) => JSON.stringify(value) === shape);
  return alike ? { keys, value: first[1] } : undefined;
}

/** A map's value: keys the editor chooses (teams), or some of a fixed set (copies by priority). */
function recordValue(schema: Schema): Schema | undefined {
  return schema.properties === undefined && isSchema(schema.additionalProperties) ? schema.additionalProperties : undefined;
}

function isMap(schema: Schema): boolean {
  return sameValues(schema) !== undefined || recordValue(schema) !== undefined;
}

/** The schema whose fields are listed below a field, and what the field's path gets for it; none for a leaf. */
function fieldsOf(schema: Schema): { schema: Schema; suffix: string } | undefined {
  if (schema.type === 'array') return isSchema(schema.items) && !isLeaf(schema.items) ? { schema: schema.items, suffix: '[]' } : undefined;
  return isLeaf(schema) ? undefined : { schema, suffix: '' };
}

function alternatives(schema: Schema): Schema[] {
  return schema.anyOf ? schema.anyOf.flatMap(alternatives) : [schema];
}

/** A field with no fields of its own below it. */
function isLeaf(schema: Schema): boolean {
  if (isMap(schema)) return false;
  if (schema.anyOf) return schema.anyOf.every(isLeaf);
  if (schema.type === 'array') return !isSchema(schema.items) || isLeaf(schema.items);
  return schema.type !== 'object';
}

function withoutDescription(schema: Schema): Schema {
  const { description: _description, ...rest } = schema;
  return rest;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (isSchema(value)) return Object.values(value).every(isEmpty);
  return false;
}

/** A default as it is written in YAML: `nb`, `[everyone]`, `false`. */
function yamlText(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(yamlText).join(', ')}]` : String(value);
}

function list(values: readonly unknown[]): string {
  return values.map((value) => `\`${String(value)}\``).join(', ');
}
