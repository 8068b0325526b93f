import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema, serviceSchema } from '../../functions/catalog/schema.ts';

/** The editors' content, validated with the same schemas the Lambda functions use. */
export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '**/*.md', base: '../content/articles' }),
    schema: articleSchema,
  }),
  services: defineCollection({
    loader: glob({ pattern: '*.yaml', base: '../content/services' }),
    schema: serviceSchema,
  }),
};
