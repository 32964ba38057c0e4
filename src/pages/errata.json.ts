import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';

/** Every erratum as JSON, for instructors and tools: /errata.json */
export const GET: APIRoute = async () => {
  const errata = (await getCollection('errata')).map(({ data }) => ({
    id: data.id,
    document: data.document,
    location: data.location,
    printed: data.printed,
    correct: data.correct,
    explanation: data.explanation,
    lesson: `/${data.lesson}/`,
    test: data.test,
  }));
  return new Response(JSON.stringify(errata, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
