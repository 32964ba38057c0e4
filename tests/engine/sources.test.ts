/**
 * Coverage of the lecture notes: every section listed in src/content/sources/sections.yaml is cited
 * by at least one lesson, and lessons cite only listed sections. Also checks each lesson's
 * frontmatter against the lesson schema and that every erratum points to an existing lesson.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { erratumSchema, lessonSchema } from '../../src/content/schemas';

const DOCS = 'src/content/docs';
const SECTIONS = load(readFileSync('src/content/sources/sections.yaml', 'utf8')) as Record<string, { sections: string[] }>;

function lessonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'en' ? [] : lessonFiles(path);
    return /\.mdx?$/.test(name) ? [path] : [];
  });
}

const lessons = lessonFiles(DOCS).map((path) => {
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8'))?.[1] ?? '';
  const slug = relative(DOCS, path).replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
  return { path, slug, data: lessonSchema.parse(load(frontmatter) ?? {}) };
});

const cited = new Set(lessons.flatMap((lesson) => lesson.data.sources.flatMap((s) => s.sections.map((section) => `${s.document}|${section}`))));

describe('document coverage', () => {
  it('every lesson cites only sections that exist', () => {
    const known = new Set(Object.entries(SECTIONS).flatMap(([document, { sections }]) => sections.map((s) => `${document}|${s}`)));
    const unknown = [...cited].filter((key) => !known.has(key));
    expect(unknown).toEqual([]);
  });

  it.each(Object.keys(SECTIONS))('every section of document %s is covered by a lesson', (document) => {
    const gaps = SECTIONS[document].sections.filter((section) => !cited.has(`${document}|${section}`));
    expect(gaps).toEqual([]);
  });

  it('every erratum is shown in an existing lesson', () => {
    const errata = (load(readFileSync('src/content/errata/errata.yaml', 'utf8')) as unknown[]).map((e) => erratumSchema.parse(e));
    const slugs = new Set(lessons.map((lesson) => lesson.slug));
    const missing = errata.filter((erratum) => !slugs.has(erratum.lesson)).map((erratum) => `${erratum.id} → ${erratum.lesson}`);
    expect(missing).toEqual([]);
    for (const erratum of errata) {
      const lesson = lessons.find((l) => l.slug === erratum.lesson);
      if (lesson) expect(readFileSync(lesson.path, 'utf8'), `${erratum.id} note in ${lesson.path}`).toContain(`<Erratum id="${erratum.id}"`);
    }
  });
});
