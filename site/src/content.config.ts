import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import { deskContactSchema } from '../../functions/catalog/contact-schema.ts';
import { formSchema } from '../../functions/catalog/form-schema.ts';
import { noticeSchema } from '../../functions/catalog/notice-schema.ts';
import { prioritySchema } from '../../functions/catalog/priority-schema.ts';
import { routingSchema } from '../../functions/catalog/routing-schema.ts';
import { articleSchema, serviceSchema, teamSchema } from '../../functions/catalog/schema.ts';
import { isJsonObject } from '../../functions/vocabulary/json-guards.ts';
import { CONTENT_DIR } from '../content-dir.ts';

/**
 * A YAML file's top level, as the file loader wants it: keys and values, which the collection's schema then checks.
 * `npm run check:content` runs before every build and says, by file and line, what is wrong with a file that is not
 * that; here such a file is read as empty, and its schema finds every field missing.
 */
function yamlMap(text: string): Record<string, unknown> {
  const value: unknown = parse(text);
  return isJsonObject(value) ? value : {};
}

/** The editors' content, validated with the same schemas `npm run check:content` and the Lambda functions use. */
export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '**/*.md', base: `${CONTENT_DIR}/articles` }),
    schema: articleSchema,
  }),
  services: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${CONTENT_DIR}/services` }),
    schema: serviceSchema,
  }),
  notices: defineCollection({
    loader: glob({ pattern: '*.md', base: `${CONTENT_DIR}/notices` }),
    schema: noticeSchema,
  }),
  teams: defineCollection({
    loader: file(`${CONTENT_DIR}/teams.yaml`, {
      parser: (text) => Object.fromEntries(Object.entries(yamlMap(text)).map(([id, team]) => [id, isJsonObject(team) ? team : {}])),
    }),
    schema: teamSchema,
  }),
  routing: defineCollection({
    loader: file(`${CONTENT_DIR}/routing.yaml`, { parser: (text) => ({ desk: yamlMap(text) }) }),
    schema: routingSchema,
  }),
  form: defineCollection({
    loader: file(`${CONTENT_DIR}/form.yaml`, { parser: (text) => ({ desk: yamlMap(text) }) }),
    schema: formSchema,
  }),
  priority: defineCollection({
    loader: file(`${CONTENT_DIR}/priority.yaml`, { parser: (text) => ({ desk: yamlMap(text) }) }),
    schema: prioritySchema,
  }),
  contact: defineCollection({
    loader: file(`${CONTENT_DIR}/contact.yaml`, { parser: (text) => ({ desk: yamlMap(text) }) }),
    schema: deskContactSchema,
  }),
};
