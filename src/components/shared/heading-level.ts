/**
 * Heading levels inside a widget follow its title, whose level the page chooses (WidgetProps'
 * headingLevel): under an h3 title a section is an h4, under an h2 title (embed pages) an h3, so the
 * outline never skips a level. The shell provides the title's level; sections ask for theirs.
 */
import { getContext, setContext } from 'svelte';

const TITLE_LEVEL = Symbol('widget title level');
const DEFAULT_TITLE_LEVEL = 3;
const DEEPEST = 6;

export function provideTitleLevel(level: () => number): void {
  setContext(TITLE_LEVEL, level);
}

/** The tag of a heading `depth` levels below the widget's title (1 for a section, 2 for a part of one). */
export function headingTag(depth: number = 1): () => string {
  const titleLevel = getContext<(() => number) | undefined>(TITLE_LEVEL);
  return () => `h${Math.min(DEEPEST, (titleLevel?.() ?? DEFAULT_TITLE_LEVEL) + depth)}`;
}
