/**
 * Quoted-text checks for errata that no number can check (wrong terms, headings, indices and
 * transcription slips): the printed text really stands in the lecture note, the erratum's
 * `printed` field quotes it, and the corrected wording does not already stand there instead.
 * The notes live in shared/seeds beside the repository (../shared/seeds from the repository root).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { erratumSchema, type Erratum } from '../../src/content/schemas';
import { centralDifference } from './gradient-check';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEEDS = resolve(repoRoot, '..', 'shared', 'seeds');
const seedText = (document: string) => {
  const name = readdirSync(SEEDS).find((file) => file.startsWith(`${document}_`) && file.endsWith('.txt'));
  if (!name) throw new Error(`no seed file for document ${document} in ${SEEDS}`);
  return readFileSync(join(SEEDS, name), 'utf8');
};
const count = (text: string, needle: string) => text.split(needle).length - 1;

const THIS_FILE = 'tests/engine/errata-printed.test.ts';
const ALL: Erratum[] = (load(readFileSync(resolve(repoRoot, 'src/content/errata/errata.yaml'), 'utf8')) as unknown[]).map((e) =>
  erratumSchema.parse(e),
);
const ERRATA = ALL.filter((erratum) => erratum.test.split(' › ')[0] === THIS_FILE);

interface Quote {
  /** Exact text of the note, each quoted in `printed`; a needle occurs once unless `times` says otherwise. */
  printed: string[];
  times?: Record<string, number>;
  /** The corrected wording, which must not occur in the note. */
  absent: string[];
  /** Text of the note around the slip that shows what was meant. */
  context?: string[];
  /** An extra check for what the correction claims. */
  extra?: (text: string) => void;
}

const QUOTES: Record<string, Quote> = {
  '003-closed-ranges': {
    printed: ['它的取值范围为 $[-1, 1]$ ，而不是 sigmoid 函数的 $[0, 1]$', '输出值区间为 $[-1,1]$', 'tanh 将实数值压缩到 $[-1,1]$ 之间'],
    absent: ['$(-1, 1)$', '$(0, 1)$'],
    extra: () => {
      // Strictly inside the interval for every finite z the double can still tell from the end point.
      for (const z of [-15, -5, -1, 0, 1, 5, 15]) {
        const sigmoid = 1 / (1 + Math.exp(-z));
        expect(sigmoid).toBeGreaterThan(0);
        expect(sigmoid).toBeLessThan(1);
        expect(Math.abs(Math.tanh(z / 2))).toBeLessThan(1);
      }
    },
  },
  '002-total-derivative-notation': {
    printed: ['$$w := w - \\alpha\\frac{dJ(w, b)}{dw}$$，$$b := b - \\alpha\\frac{dJ(w, b)}{db}$$'],
    absent: ['\\frac{\\partial J(w, b)}{\\partial w}'],
    context: ['假设 **w 与 b 都是一维实数**'],
  },
  '002-forward-computes-loss-only': {
    printed: ['一个是从前往后的计算出梯度与损失'],
    absent: ['从前往后的计算出损失'],
    // In the pseudocode the gradients dZ, dW, db are computed only after A, from the back.
    context: ['$$A = \\sigma(Z)$$', '$$dZ = {A}-{Y}$$'],
  },
  '000-notation-slips': {
    printed: ['第第一层的第五个样本中第三个特征', '\\alpha^{[1]} = \\sigma(z^{[1]})', '(\\sigma(z^{[1]}, \\theta^{[2]})'],
    // 前向传播, 公式整理 and 反向传播 repeat the same formulas.
    times: { '\\alpha^{[1]} = \\sigma(z^{[1]})': 3, '(\\sigma(z^{[1]}, \\theta^{[2]})': 2 },
    absent: ['是第一层的第五个样本', '\\Rightarrow a^{[1]} = \\sigma(z^{[1]})', '(\\sigma(z^{[1]}), \\theta^{[2]})'],
    context: ['用$a^{[0]}$来表示输入特征', '| $z^{[1]}, a^{[1]}, \\sigma(z^{[1]})$ |'],
  },
  '001-multilayer-perceptron-term': {
    printed: ['多次感知器是如何训练的呢'],
    absent: ['多层感知器是如何训练的呢'],
    context: ['多层感知权重的更新', '只更新最后一层的权重'],
  },
  '001-general-output-index': {
    printed: ['对第l层的第j个神经元的输出 a_i^l'],
    absent: ['对第l层的第j个神经元的输出 a_j^l'],
    context: ['a_{j}^{l} = \\sigma(z_{j}^{l}) = \\sigma(\\sum_{k=1}^{m} w_{jk}^{l} a_{k}^{l-1} + b_{j}^{l})'],
  },
  '001-matlab-transcription': {
    printed: ["nn.loss_function = 'cross_entropy'", "case 'cross entropy'", 'for 1 = 1: NumBatches'],
    // Annforward and Annbp both switch on the loss name.
    times: { "case 'cross entropy'": 2 },
    absent: ["case 'cross_entropy'", 'for l = 1'],
    extra: (text) => {
      // The setting and the two switch branches spell the name differently, so neither branch matches.
      expect(count(text, "'cross_entropy'")).toBe(1);
      expect(text).toContain("%cross_entropy % mse");
    },
  },
  '002-typos': {
    printed: ['反向传播算法设计一大堆数据公式概念', '可以得出该函数的导数2为2a', 'v=\\approx15.001', '趋紧无穷大', '趋紧于 0'],
    absent: ['涉及一大堆', '该函数的导数为2a', '趋近'],
    extra: (text) => {
      // The worked numbers next to the slip: a² grows 4× at a = 2 and 10× at a = 5, i.e. 2a.
      expect(text).toContain('随后y增加了4倍');
      expect(text).toContain('随后y增加了10倍');
      expect(centralDifference((a) => a * a, 2)).toBeCloseTo(4, 8);
      expect(centralDifference((a) => a * a, 5)).toBeCloseTo(10, 8);
    },
  },
  '002-second-neuron-heading': {
    printed: ['第一层中的第一个神经元'],
    times: { 第一层中的第一个神经元: 2 },
    absent: ['第一层中的第二个神经元'],
    extra: (text) => {
      const second = text.indexOf('* 第一层中的第一个神经元', text.indexOf('* 第一层中的第一个神经元') + 1);
      const next = text.slice(second, second + 80);
      expect(next).toContain('z _2^{[1]}');
    },
  },
  '003-first-backprop-typo': {
    printed: ['经过第一次方向传播后'],
    absent: ['方向传播后的', '第一次反向传播'],
    context: ['误差的反向传播'],
  },
  '003-lstm-name': {
    printed: ['Long-Short Term Memory'],
    absent: ['Long Short-Term Memory'],
  },
  '003-typos': {
    printed: ['对于这种简答的情况', '并对堆放起来', '那么从此所以流过这个神经元的梯度'],
    absent: ['简单的情况', '从此所有流过'],
  },
  '004-input-layer-name': {
    printed: ['输入数据$X$所在的位置称为**输出层**(input layer)'],
    absent: ['**输入层**'],
    extra: (text) => {
      // The same sentence also gives the name 输出层 to the output layer.
      expect(text).toContain('输出预测结果的称为**输出层**(output layer)');
    },
  },
  '004-typos': {
    printed: ['个变量之间的关系满足', 'logistics regression', '那么有矩阵乘法的性质得'],
    absent: ['各变量', 'logistic regression中', '那么由矩阵乘法'],
    context: ['由矩阵乘法性质不难推出'],
  },
};

describe('errata checked by quoting the lecture notes', () => {
  it('the seed documents are readable', () => {
    for (const document of ['000', '001', '002', '003', '004']) expect(seedText(document).length).toBeGreaterThan(1000);
  });

  it.each(ERRATA.map((e) => [e.id, e] as const))('%s', (id, erratum) => {
    const quote = QUOTES[id];
    expect(quote, `no quote for erratum ${id}`).toBeDefined();
    const text = seedText(erratum.document);
    for (const needle of quote.printed) {
      expect(count(text, needle), needle).toBe(quote.times?.[needle] ?? 1);
      expect(erratum.printed, 'printed field quotes the note').toContain(needle);
    }
    for (const needle of quote.absent) expect(text, needle).not.toContain(needle);
    for (const needle of quote.context ?? []) expect(text, needle).toContain(needle);
    quote.extra?.(text);
  });

  it('every quote belongs to an erratum that names this file', () => {
    expect(Object.keys(QUOTES).sort()).toEqual(ERRATA.map((e) => e.id).sort());
  });
});
