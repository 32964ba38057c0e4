import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { documentSectionsSchema, erratumSchema, lessonSchema } from './content/schemas';

/**
 * docs: the lessons (Starlight pages) with `sources` naming the document sections each mirrors.
 * errata: the document errors the engine found, shown as notes in lessons, on the errata page and
 * as /errata.json. sources: every section of the five documents, for the coverage page.
 * Schemas and their documentation live in src/content/schemas.ts.
 */
export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({ extend: lessonSchema }),
  }),
  errata: defineCollection({
    loader: file('src/content/errata/errata.yaml'),
    schema: erratumSchema,
  }),
  sources: defineCollection({
    loader: file('src/content/sources/sections.yaml'),
    schema: documentSectionsSchema,
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
