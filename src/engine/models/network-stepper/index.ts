/**
 * The general step-through engine (issue #11): replay any small fully connected network one
 * chain-rule factor per step, its presets, seeded random weights, predict mode's answer check and
 * the matrix view. The key scheme is documented in types.ts.
 */
export * from './types';
export { parseNetworkDescription } from './description';
export { replayNetwork, givenValues } from './replay';
export { PRESETS, PRESET_NAMES, randomizeWeights } from './presets';
export { checkPrediction, MIN_SIGNIFICANT_DIGITS } from './predict';
export { matrixView, type MatrixRow, type MatrixView } from './matrix-view';
export { toNetworkSpec } from './operations';
export { exportNetworkTrace, networkTraceToJson } from './export';
