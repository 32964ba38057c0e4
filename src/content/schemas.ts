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
 * One erratum: a place where a document prints something the engine cannot reproduce.
 * `printed` and `correct` may hold inline math between $…$; `lesson` is the slug of the lesson that
 * shows the note; `test` names the test that fails if `correct` is wrong.
 */
export const erratumSchema = z.object({
  id: z.string().regex(/^[0-9]{3}-[a-z0-9-]+$/),
  document: documentId,
  location: z.string().min(1),
  printed: z.string().min(1),
  correct: z.string().min(1),
  explanation: z.string().min(1),
  lesson: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/),
  test: z.string().startsWith('tests/'),
});

export type Erratum = z.infer<typeof erratumSchema>;

/** One document's title and its sections in order (src/content/sources/sections.yaml, keyed by document id). */
export const documentSectionsSchema = z.object({
  title: z.string().min(1),
  sections: z.array(z.string().min(1)).min(1),
});
