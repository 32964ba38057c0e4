/**
 * Reader-facing names of the editor's fields and their refusals. Form names follow the engine's
 * keys (w[1][0][2], 0-based units); labels count units from 1 as the formulas do (w⁽¹⁾₁₃).
 */
import { fill, type Lang } from '../../../i18n';
import type zhStrings from '../../../i18n/zh-CN/backpropStepper.json';
import { numberMessage, type TypedNumberError } from '../../shared/typed-number';
import type { Refusal } from './model.svelte';

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sub = (n: number) => [...String(n)].map((digit) => SUB[Number(digit)]).join('');
const sup = (n: number) => [...String(n)].map((digit) => SUP[Number(digit)]).join('');

export function fieldLabel(name: string): string {
  if (name === 'lr') return 'η';
  const [letter] = name;
  const numbers = (name.match(/\d+/g) ?? []).map(Number);
  if (letter === 'x' || letter === 't') return `${letter}${sub(numbers[0] + 1)}`;
  const [layer, ...units] = numbers;
  return `${letter}⁽${sup(layer)}⁾${units.map((unit) => sub(unit + 1)).join('')}`;
}

/** The widget's strings, typed by the Chinese reference file. */
export type StepperStrings = typeof zhStrings;

export function refusalMessage(lang: Lang, strings: StepperStrings, refusal: Refusal): string {
  if (refusal.code === 'layers') return fill(strings.errors.layers, { raw: refusal.raw });
  const name = fieldLabel(refusal.name);
  if (refusal.code === 'out-of-range' || refusal.code === 'not-positive') return fill(strings.errors[refusal.code], { name, raw: refusal.raw });
  return numberMessage(lang, refusal.code as TypedNumberError, refusal.raw, name);
}
