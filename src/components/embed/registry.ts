/**
 * Every widget that can be embedded, by the name used in data-widget, /embed/<name>/ and the
 * custom element tag. `load` imports the component only when a page (or the custom-element
 * bundle) needs it; `fields` are the query-string fields the widget reads.
 */
import type { Component } from 'svelte';
import { PARAM_NAMES } from '../../engine/backprop222';
import { SETTING_FIELDS } from '../widgets/activation-functions/settings';
import { INPUT_FIELDS } from '../widgets/computation-graph/url';

export interface WidgetEntry {
  name: string;
  /** Custom element tag. */
  element: string;
  title: { 'zh-CN': string; en: string };
  /** The lesson a reader should go to for the explanation. */
  lesson: string;
  /** Query-string fields the widget reads; anything else on an embed URL is reported as ignored. */
  fields: readonly string[];
  load: () => Promise<{ default: Component<Record<string, unknown>> }>;
}

export const WIDGETS: readonly WidgetEntry[] = [
  {
    name: 'backprop-222',
    element: 'nn-backprop-stepper',
    title: { 'zh-CN': '2-2-2 网络反向传播逐步回放', en: '2-2-2 backpropagation stepper' },
    lesson: '/backprop/worked-example/',
    fields: ['step', 'order', 'biases', ...PARAM_NAMES],
    load: () => import('../widgets/backprop-222/Backprop222.svelte') as never,
  },
  {
    name: 'computation-graph',
    element: 'nn-computation-graph',
    title: { 'zh-CN': '计算图：正向与反向求导', en: 'Computation graphs: forward and reverse mode' },
    lesson: '/gradients/computation-graphs/',
    fields: ['preset', 'step', ...INPUT_FIELDS],
    load: () => import('../widgets/computation-graph/ComputationGraph.svelte') as never,
  },
  {
    name: 'activation-functions',
    element: 'nn-activation-functions',
    title: { 'zh-CN': '激活函数与它们的导数', en: 'Activation functions and their derivatives' },
    lesson: '/activations/activation-functions/',
    fields: ['fn', ...SETTING_FIELDS],
    load: () => import('../widgets/activation-functions/ActivationFunctions.svelte') as never,
  },
  {
    name: 'softmax-cross-entropy',
    element: 'nn-softmax-cross-entropy',
    title: { 'zh-CN': 'softmax 与交叉熵', en: 'Softmax and cross-entropy' },
    lesson: '/loss/softmax-cross-entropy/',
    fields: ['z', 't', 'preset'],
    load: () => import('../widgets/softmax-cross-entropy/SoftmaxCrossEntropy.svelte') as never,
  },
  {
    name: 'logic-gates',
    element: 'nn-logic-gates',
    title: { 'zh-CN': '用神经元搭逻辑门', en: 'Logic gates from neurons' },
    lesson: '/intro/logic-gates/',
    fields: ['preset', 't0', 't1', 't2', 'mode'],
    load: () => import('../widgets/logic-gates/LogicGates.svelte') as never,
  },
  {
    name: 'gradient-descent',
    element: 'nn-gradient-descent',
    title: { 'zh-CN': '梯度下降', en: 'Gradient descent' },
    lesson: '/gradients/gradient-descent/',
    fields: ['view', 'curve', 'alpha', 'w0', 'b0', 'steps', 'n'],
    load: () => import('../widgets/gradient-descent/GradientDescent.svelte') as never,
  },
  {
    name: 'layer-shapes',
    element: 'nn-layer-shapes',
    title: { 'zh-CN': '每一层的矩阵形状', en: 'The shape of every layer' },
    lesson: '/structure/forward-propagation/',
    fields: ['m', 'sizes', 'all'],
    load: () => import('../widgets/layer-shapes/LayerShapes.svelte') as never,
  },
  {
    name: 'vanishing-gradients',
    element: 'nn-vanishing-gradients',
    title: { 'zh-CN': '梯度消失与梯度爆炸', en: 'Vanishing and exploding gradients' },
    lesson: '/deep/vanishing-gradients/',
    fields: ['depth', 'width', 'act', 'scale', 'seed'],
    load: () => import('../widgets/vanishing-gradients/VanishingGradients.svelte') as never,
  },
  {
    name: 'decision-boundary',
    element: 'nn-decision-boundary',
    title: { 'zh-CN': '决策边界：隐层让边界弯曲', en: 'Decision boundaries: hidden layers bend them' },
    lesson: '/intro/why-neural-networks/',
    fields: ['data', 'count', 'noise', 'dseed', 'layers', 'act', 'lr', 'wseed', 'quad'],
    load: () => import('../widgets/decision-boundary/DecisionBoundary.svelte') as never,
  },
];

export function widgetByName(name: string): WidgetEntry | undefined {
  return WIDGETS.find((entry) => entry.name === name);
}
