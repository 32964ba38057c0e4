/**
 * Every widget, in the order the reference table lists them. Adding a widget is one folder under
 * widgets/ with a descriptor.ts, plus one line here.
 */
import type { WidgetDescriptor } from './shared/descriptor';
import { descriptor as backprop222 } from './widgets/backprop-222/descriptor';
import { descriptor as computationGraph } from './widgets/computation-graph/descriptor';
import { descriptor as activationFunctions } from './widgets/activation-functions/descriptor';
import { descriptor as softmaxCrossEntropy } from './widgets/softmax-cross-entropy/descriptor';
import { descriptor as logicGates } from './widgets/logic-gates/descriptor';
import { descriptor as gradientDescent } from './widgets/gradient-descent/descriptor';
import { descriptor as layerShapes } from './widgets/layer-shapes/descriptor';
import { descriptor as vanishingGradients } from './widgets/vanishing-gradients/descriptor';
import { descriptor as decisionBoundary } from './widgets/decision-boundary/descriptor';
import { descriptor as mnistLab } from './widgets/mnist-lab/descriptor';
import { descriptor as backpropStepper } from './widgets/backprop-stepper/descriptor';

export const WIDGETS: readonly WidgetDescriptor[] = [
  backprop222,
  computationGraph,
  activationFunctions,
  softmaxCrossEntropy,
  logicGates,
  gradientDescent,
  layerShapes,
  vanishingGradients,
  decisionBoundary,
  mnistLab,
  backpropStepper,
];

export function widgetByName(name: string): WidgetDescriptor | undefined {
  return WIDGETS.find((entry) => entry.name === name);
}
