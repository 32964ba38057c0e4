/** Every strings file at once, for the server build and the unit tests only (see index.ts). */
export const ALL_STRINGS = import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' });
