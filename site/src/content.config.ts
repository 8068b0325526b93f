import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import { deskContactSchema } from '../../functions/catalog/contact-schema.ts';
import { formSchema } from '../../functions/catalog/form-schema.ts';
import { noticeSchema } from '../../functions/catalog/notice-schema.ts';
import { prioritySchema } from '../../functions/catalog/priority-schema.ts';
import { routingSchema } from '../../functions/catalog/routing-schema.ts';
import { articleSchema, serviceSchema, teamSchema } from '../../functions/catalog/schema.ts';
import { CONTENT_DIR } from '../content-dir.ts';

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
    loader: file(`${CONTENT_DIR}/teams.yaml`, { parser: (text) => parse(text) as Record<string, Record<string, unknown>> }),
    schema: teamSchema,
  }),
  routing: defineCollection({
    loader: file(`${CONTENT_DIR}/routing.yaml`, { parser: (text) => ({ desk: parse(text) as Record<string, unknown> }) }),
    schema: routingSchema,
  }),
  form: defineCollection({
    loader: file(`${CONTENT_DIR}/form.yaml`, { parser: (text) => ({ desk: parse(text) as Record<string, unknown> }) }),
    schema: formSchema,
  }),
  priority: defineCollection({
    loader: file(`${CONTENT_DIR}/priority.yaml`, { parser: (text) => ({ desk: parse(text) as Record<string, unknown> }) }),
    schema: prioritySchema,
  }),
  contact: defineCollection({
    loader: file(`${CONTENT_DIR}/contact.yaml`, { parser: (text) => ({ desk: parse(text) as Record<string, unknown> }) }),
    schema: deskContactSchema,
  }),
};
