/**
 * Predict mode's answer check.
 */
import { parseDecimal } from '../../core/parse';

/** Fewest significant digits a typed answer must have, unless the value itself needs fewer. */
export const MIN_SIGNIFICANT_DIGITS = 3;

/** Significant digits of a value: the fewest that write it exactly (0.5 → 1, 0.15 → 2, 0.593269992 → 9; 0 → 0). */
function significantDigitsOf(value: number): number {
  if (value === 0) return 0;
  for (let digits = 1; digits < 17; digits++) if (Number(value.toPrecision(digits)) === value) return digits;
  return 17;
}

interface TypedNumber {
  value: number;
  significantDigits: number;
  /** Place value of the last typed digit, e.g. 0.001 for "0.593". */
  lastDigitUnit: number;
}

function readTyped(typed: string): TypedNumber | undefined {
  const text = typed.trim().replace(/^[−–]/, '-');
  const value = parseDecimal(text);
  if (value === undefined) return undefined;
  const [mantissa, exponentText] = text.toLowerCase().replace(/^[+-]/, '').split('e');
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const [whole, fraction = ''] = mantissa.split('.');
  const digits = (whole + fraction).replace(/^0+/, '');
  return {
    value,
    significantDigits: digits.length,
    lastDigitUnit: 10 ** (exponent - fraction.length),
  };
}

/**
 * Is a typed answer right at the precision the student typed? 'invalid' when it is not a number
 * ("", "abc", "1,5"; a leading "−" is read as a minus). 'too-coarse' when it has fewer than three
 * significant digits and the value needs more (0.59 or 0.6 for 0.593269992; "0.000" for 1e-7): too
 * rough to tell a right answer from a lucky one, so not judged. Otherwise 'correct' when it lies
 * within half a unit of its last typed digit of the value (0.593 and 0.5933 are right for
 * 0.593269992, 0.5932 is not; 0.5 is right for 0.5, 0 for 0), and 'wrong' when it does not.
 */
export function checkPrediction(expected: number, typed: string): 'correct' | 'wrong' | 'too-coarse' | 'invalid' {
  const answer = readTyped(typed);
  if (answer === undefined) return 'invalid';
  if (answer.significantDigits < Math.min(MIN_SIGNIFICANT_DIGITS, significantDigitsOf(expected))) return 'too-coarse';
  // The relative slack absorbs binary rounding of exact halves (0.0005 is not exactly 5 × 10⁻⁴).
  const tolerance = 0.5 * answer.lastDigitUnit * (1 + 1e-9);
  return Math.abs(answer.value - expected) <= tolerance ? 'correct' : 'wrong';
}
