import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';

/**
 * The five lecture notes in shared/seeds, by the short id lessons use in `sources`:
 * 000 "Machine Learning: 神经网络", 001 "神经网络分类器", 002 "7.2 神经网络多分类原理与反向传播原理",
 * 003 "第四章 神经网络", 004 "神经网络(残缺文章，待修正)".
 */
export const SOURCE_DOCUMENTS = ['000', '001', '002', '003', '004'] as const;

/**
 * Lesson frontmatter: Starlight's fields plus `sources`, the document sections a lesson mirrors.
 * Each entry names a document id and the section numbers or headings, exactly as the document
 * labels them (e.g. { document: '003', sections: ['3.2'] }). Pages that mirror no document
 * (the home page, indexes) leave it empty.
 */
export const sourceSchema = z.object({
  document: z.enum(SOURCE_DOCUMENTS),
  sections: z.array(z.string().min(1)).min(1),
});

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        sources: z.array(sourceSchema).default([]),
      }),
    }),
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
