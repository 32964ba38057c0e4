/**
 * replayNetwork: one round of backpropagation on any network of the stepper, one chain-rule factor
 * per step (the narration is narrate.ts). Document 003's 2-2-2 network keeps the document's names
 * and the 2-2-2 trace's extra steps (document222.ts).
 */
import { StepTraceBuilder } from '../../core/trace';
import { isDocument222, replayDocument222 } from './document222';
import { generalNaming } from './keys';
import { givenValuesNamed, narrateRound } from './narrate';
import type { NetworkDescription, StepperStep, StepperTrace } from './types';

/** The values a trace in the general key scheme starts from: x[k], t[j], w[l][j][k], b[l][j] or b[l], lr. */
export function givenValues(d: NetworkDescription): [string, number][] {
  return givenValuesNamed(d, generalNaming(d.sharedBias, d.layers.length - 1));
}

/** The whole step-by-step trace of one training round on a validated description. */
export function replayNetwork(description: NetworkDescription): StepperTrace {
  if (isDocument222(description)) return replayDocument222(description);
  const naming = generalNaming(description.sharedBias, description.layers.length - 1);
  const builder = new StepTraceBuilder<StepperStep>(givenValuesNamed(description, naming));
  const summary = narrateRound(description, naming, builder);
  return { description, steps: builder.steps, summary };
}
