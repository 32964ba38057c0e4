import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';

/**
 * Every erratum as JSON, for instructors and tools: /errata.json. The top-level texts are Chinese
 * (`printed` is the document's own text); `en` holds the English location, correction and
 * explanation, `printedGloss` saying in English what a Chinese printed text reads, and the English
 * lesson.
 */
export const GET: APIRoute = async () => {
  const errata = (await getCollection('errata')).map(({ data }) => ({
    id: data.id,
    document: data.document,
    location: data.location,
    printed: data.printed,
    correct: data.correct,
    explanation: data.explanation,
    en: { ...data.en, lesson: `/en/${data.lesson}/` },
    lesson: `/${data.lesson}/`,
    test: data.test,
  }));
  return new Response(JSON.stringify(errata, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
