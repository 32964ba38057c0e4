/**
 * Schemas of the site's content collections, kept apart from content.config.ts so tests can
 * validate the same data without Astro's runtime.
 */
import { z } from 'astro/zod';

/**
 * The five lecture notes in shared/seeds, by the prefix of their file names:
 * 000 "Machine Learning: 神经网络", 001 "神经网络分类器", 002 "7.2 神经网络多分类原理与反向传播原理",
 * 003 "第四章 神经网络", 004 "神经网络(残缺文章，待修正)".
 */
export const SOURCE_DOCUMENTS = ['000', '001', '002', '003', '004'] as const;
export const documentId = z.enum(SOURCE_DOCUMENTS);

/**
 * One entry of a lesson's `sources`: a document and the sections the lesson mirrors, each written
 * as the document labels it (a number such as "3.2", or its heading path such as "激活函数 › Tanh").
 */
export const sourceSchema = z.object({
  document: documentId,
  sections: z.array(z.string().min(1)).min(1),
});

/** Extra lesson frontmatter on top of Starlight's: the document sections the page mirrors (empty for pages that mirror none). */
export const lessonSchema = z.object({
  sources: z.array(sourceSchema).default([]),
});

/**
 * An erratum's English edition, shown on the English pages and in /errata.json. `location`,
 * `correct` and `explanation` are the English for the fields of the same name; `printedGloss` says in
 * English what a Chinese `printed` text reads (the original stays as printed, quoted in Chinese), and
 * is left out when `printed` is only maths or numbers. The object was optional while the 52 entries
 * were being translated; now that every entry has it, it is required, so a new erratum cannot ship
 * without its English.
 */
export const erratumEnglishSchema = z.object({
  location: z.string().min(1),
  printedGloss: z.string().min(1).optional(),
  correct: z.string().min(1),
  explanation: z.string().min(1),
});

/**
 * One erratum: a place where a document prints something the engine cannot reproduce.
 * `printed` and `correct` may hold inline math between $…$; `lesson` is the slug of the lesson that
 * shows the note; `test` names the test that fails if `correct` is wrong; `en` is its English.
 */
export const erratumSchema = z.object({
  id: z.string().regex(/^[0-9]{3}-[a-z0-9-]+$/),
  document: documentId,
  location: z.string().min(1),
  printed: z.string().min(1),
  correct: z.string().min(1),
  explanation: z.string().min(1),
  en: erratumEnglishSchema,
  lesson: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/),
  test: z.string().startsWith('tests/'),
});

export type Erratum = z.infer<typeof erratumSchema>;
export type ErratumEnglish = z.infer<typeof erratumEnglishSchema>;

/**
 * One document's title and its sections in order (src/content/sources/sections.yaml, keyed by document
 * id), with `en`: the title and each section glossed in English, in the same order, for the English
 * sources page (the Chinese names stay the keys lessons cite).
 */
export const documentSectionsSchema = z
  .object({
    title: z.string().min(1),
    sections: z.array(z.string().min(1)).min(1),
    en: z.object({
      title: z.string().min(1),
      sections: z.array(z.string().min(1)).min(1),
    }),
  })
  .refine((document) => document.en.sections.length === document.sections.length, {
    message: 'en.sections must gloss every section, in order',
  });
