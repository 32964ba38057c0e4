/**
 * A step named in a link or a goto command, as an index into a stepper's steps: "17" is the 17th
 * step (1-based), anything else is a step key such as "w5'" or "reverse:de/db".
 */
export function stepIndex(steps: readonly { key: string }[], reference: string): number | undefined {
  if (/^\d+$/.test(reference)) {
    const number = Number(reference);
    return number >= 1 && number <= steps.length ? number - 1 : undefined;
  }
  const index = steps.findIndex((step) => step.key === reference);
  return index >= 0 ? index : undefined;
}
