/**
 * The reader-facing presets of the logic-gates widget, each pointing at engine data: a single gate
 * (document or corrected θ), one of the XNOR networks, or one of the step perceptrons.
 */
import {
  CORRECTED_PRESETS,
  CORRECTED_XNOR,
  DOCUMENT_PERCEPTRON,
  DOCUMENT_PRESETS,
  DOCUMENT_XNOR,
  SHARP_XNOR,
  XOR_PERCEPTRON,
  type Bit,
  type GateId,
  type GatePreset,
  type StepPerceptron,
  type XnorNetwork,
} from '../../../engine/models/logic-gates';

/** What the URL's `preset` field holds. A gate preset keeps its θ separately (t0, t1, t2). */
export const PRESET_IDS = [
  'and', 'or', 'not', 'nor', 'xnor', 'xnor-corrected', 'xnor-sharp', 'perceptron', 'perceptron-xor',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];
export type View = 'gate' | 'xnor' | 'perceptron';

/** The buttons: every preset, plus the corrected (NOT x1)AND(NOT x2), which is the `nor` gate with other θ. */
export const BUTTON_IDS = [
  'and', 'or', 'not', 'nor', 'nor-corrected', 'xnor', 'xnor-corrected', 'xnor-sharp', 'perceptron', 'perceptron-xor',
] as const;
export type ButtonId = (typeof BUTTON_IDS)[number];

export const GATE_IDS: readonly GateId[] = ['and', 'or', 'not', 'nor'];

export function isGate(id: PresetId): id is GateId {
  return (GATE_IDS as readonly string[]).includes(id);
}

export function viewOf(id: PresetId): View {
  if (isGate(id)) return 'gate';
  return id.startsWith('xnor') ? 'xnor' : 'perceptron';
}

export function documentGate(id: GateId): GatePreset {
  return DOCUMENT_PRESETS.find((preset) => preset.id === id)!;
}

export function correctedGate(id: GateId): GatePreset {
  return CORRECTED_PRESETS.find((preset) => preset.id === id)!;
}

export const XNOR_NETWORKS: Readonly<Record<'xnor' | 'xnor-corrected' | 'xnor-sharp', Readonly<XnorNetwork>>> = {
  xnor: DOCUMENT_XNOR,
  'xnor-corrected': CORRECTED_XNOR,
  'xnor-sharp': SHARP_XNOR,
};

export const PERCEPTRONS: Readonly<Record<'perceptron' | 'perceptron-xor', Readonly<StepPerceptron>>> = {
  perceptron: DOCUMENT_PERCEPTRON,
  'perceptron-xor': XOR_PERCEPTRON,
};

/**
 * Document 001 says its perceptron solves XOR: the output it claims for the ±1 inputs in
 * BIPOLAR_INPUTS order (1,1), (1,−1), (−1,1), (−1,−1), reading +1 as true.
 */
export const XOR_CLAIMED_BIPOLAR: readonly Bit[] = [0, 1, 1, 0];

/** The button's preset and, for gates, the θ it loads. */
export function buttonTarget(id: ButtonId): { preset: PresetId; theta?: number[] } {
  if (id === 'nor-corrected') return { preset: 'nor', theta: [...correctedGate('nor').theta] };
  if (isGate(id)) return { preset: id, theta: [...documentGate(id).theta] };
  return { preset: id };
}

export const sameTheta = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((t, i) => t === b[i]);
