/** Reading numbers typed by readers, in URLs or on the command line. */

/** Strict decimal number: "0.5", "-1e-3"; rejects "", "abc", "0x10", "1,5", "Infinity", and overflow like "1e400". */
export function parseDecimal(raw: string): number | undefined {
  const text = raw.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
