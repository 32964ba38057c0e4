/** One field of a number grid that lists its refused entries in one box under the grid (NumberGrid). */
export interface GridField {
  /** Form name, also the test hook input[name="…"]. */
  name: string;
  label: string;
  text: string;
  /** The worded refusal, named by the field's label; undefined while the text is valid. */
  error?: string;
}
