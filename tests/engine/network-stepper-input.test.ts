/**
 * The stepper's untrusted input: parseNetworkDescription names the first refused field, the CLI
 * (npm run trace -- --network FILE) prints a described network's trace or exits 2 with one line
 * naming the field, and checkPrediction grades typed answers at their typed precision.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPrediction, parseNetworkDescription, PRESETS, replayNetwork, type NetworkDescription } from '../../src/engine/models/network-stepper';

const GOOD: NetworkDescription = PRESETS['doc004-341'];
const json = (value: unknown) => JSON.parse(JSON.stringify(value));
const withField = (changes: Record<string, unknown>) => ({ ...json(GOOD), ...changes });
const without = (field: string) => {
  const copy = json(GOOD);
  delete copy[field];
  return copy;
};
const editing = (edit: (d: Record<string, any>) => void) => {
  const copy = json(GOOD);
  edit(copy);
  return copy;
};

const MALFORMED: [string, unknown, string][] = [
  ['not an object', [1, 2], 'description'],
  ['null', null, 'description'],
  ['JSON text that does not parse', '{"layers": [3, 4', 'json'],
  ['an unknown field', withField({ hidden: 4 }), 'hidden'],
  ['layers missing', without('layers'), 'layers'],
  ['one layer only', withField({ layers: [3] }), 'layers'],
  ['six layers', withField({ layers: [1, 1, 1, 1, 1, 1] }), 'layers'],
  ['a layer of 5 units', withField({ layers: [3, 5, 1] }), 'layers[1]'],
  ['a layer of 0 units', withField({ layers: [0, 4, 1] }), 'layers[0]'],
  ['a fractional unit count', withField({ layers: [3, 2.5, 1] }), 'layers[1]'],
  ['a unit count as text', withField({ layers: [3, '4', 1] }), 'layers[1]'],
  ['too few activations', withField({ activations: ['sigmoid'] }), 'activations'],
  ['an unknown activation', withField({ activations: ['swish', 'sigmoid'] }), 'activations[0]'],
  ['softmax in a hidden layer', withField({ activations: ['softmax', 'sigmoid'] }), 'activations[0]'],
  ['tanh as the output', withField({ activations: ['sigmoid', 'tanh'] }), 'activations[1]'],
  ['an unknown loss', withField({ loss: 'hinge' }), 'loss'],
  ['weights for one layer only', editing((d) => d.weights.pop()), 'weights'],
  ['a missing row', editing((d) => d.weights[0].pop()), 'weights[0]'],
  ['a short row', editing((d) => d.weights[1][0].pop()), 'weights[1][0]'],
  ['a weight as text', editing((d) => (d.weights[1][0][2] = 'x')), 'weights[1][0][2]'],
  ['a weight beyond 1000', editing((d) => (d.weights[0][3][1] = 1000.5)), 'weights[0][3][1]'],
  ['a weight that is null (NaN in JSON)', editing((d) => (d.weights[0][0][0] = null)), 'weights[0][0][0]'],
  ['sharedBias not a boolean', withField({ sharedBias: 'yes' }), 'sharedBias'],
  ['a short bias list', editing((d) => d.biases[0].pop()), 'biases[0]'],
  ['a bias as text', editing((d) => (d.biases[1][0] = '0.1')), 'biases[1][0]'],
  ['unequal shared biases', withField({ sharedBias: true }), 'biases[0][1]'],
  ['too many inputs', withField({ inputs: [1, 2, 3, 4] }), 'inputs'],
  ['an input that is not finite', withField({ inputs: [1, 2, 1e999] }), 'inputs[2]'],
  ['too few targets', withField({ targets: [] }), 'targets'],
  ['a cross-entropy target above 1', withField({ targets: [1.5] }), 'targets[0]'],
  ['softmax targets that do not sum to 1', withField({ layers: [3, 4, 2], activations: ['sigmoid', 'softmax'], weights: [GOOD.weights[0], [[1, 1, 1, 1], [1, 1, 1, 1]]], biases: [GOOD.biases[0], [0, 0]], targets: [0.5, 0.4] }), 'targets'],
  ['learning rate 0', withField({ lr: 0 }), 'lr'],
  ['negative learning rate', withField({ lr: -0.5 }), 'lr'],
  ['learning rate as text', withField({ lr: '0.5' }), 'lr'],
  ['an unknown order', withField({ order: 'backwards' }), 'order'],
  ['updateBiases not a boolean', withField({ updateBiases: 1 }), 'updateBiases'],
];

describe('parseNetworkDescription', () => {
  it.each(MALFORMED)('%s → %s', (_, input, field) => {
    const result = parseNetworkDescription(input);
    expect('error' in result && result.error.field).toBe(field);
    if ('error' in result) {
      if (field !== 'description' && field !== 'json') expect(result.error.message).toContain(field);
      expect(result.error.message.length).toBeGreaterThan(field.length + 10);
      expect(result.error.message).not.toContain('\n');
    }
  });

  it('accepts the JSON text of a description and returns a copy that does not share arrays', () => {
    const result = parseNetworkDescription(JSON.stringify(GOOD));
    expect(result).toEqual({ value: GOOD });
    const copy = parseNetworkDescription(GOOD);
    if (!('value' in copy)) throw new Error('refused');
    copy.value.weights[0][0][0] = 99;
    expect(GOOD.weights[0][0][0]).not.toBe(99);
  });

  it('accepts shared biases that are equal, softmax targets that sum to 1 and the ±1000 limits', () => {
    const d = withField({
      layers: [1, 2], activations: ['softmax'], loss: 'cross-entropy', weights: [[[1000], [-1000]]], biases: [[0.3, 0.3]],
      inputs: [-1000], targets: [0.25, 0.75], sharedBias: true, lr: 1000,
    });
    expect(parseNetworkDescription(d)).toEqual({ value: d });
  });
});

describe('checkPrediction', () => {
  const value = 0.593269992;
  const CASES: [number, string, ReturnType<typeof checkPrediction>][] = [
    [value, '0.593', 'correct'],
    [value, '0.5933', 'correct'],
    [value, '  0.59327 ', 'correct'],
    [value, '0.593269992', 'correct'],
    [value, '0.5932', 'wrong'],
    [value, '0.594', 'wrong'],
    [value, '0.59', 'too-coarse'],
    [value, '0.6', 'too-coarse'],
    [value, '5.93e-1', 'correct'],
    [-value, '−0.593', 'correct'],
    [-value, '-0.593', 'correct'],
    [-value, '0.593', 'wrong'],
    [0.5, '0.5', 'correct'],
    [0.5, '0.50', 'correct'],
    [0.5, '0.6', 'wrong'],
    [0.15, '0.15', 'correct'],
    [0.15, '0.2', 'too-coarse'],
    [0, '0', 'correct'],
    [1.2345e-7, '0.000', 'too-coarse'],
    [1.2345e-7, '1.23e-7', 'correct'],
    [1.2345e-7, '1.24e-7', 'wrong'],
    [0.0745, '0.0745', 'correct'],
    [0.00045, '0.0005', 'too-coarse'],
    [value, '', 'invalid'],
    [value, 'abc', 'invalid'],
    [value, '0,593', 'invalid'],
    [value, 'NaN', 'invalid'],
    [value, 'Infinity', 'invalid'],
    [value, '1e999', 'invalid'],
  ];
  it.each(CASES)('%s typed as "%s" is %s', (expected, typed, verdict) => {
    expect(checkPrediction(expected, typed)).toBe(verdict);
  });
});

describe('npm run trace -- --network FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepper-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const root = resolve(__dirname, '../..');
  const run = (args: string[]) => spawnSync('npx', ['tsx', 'scripts/trace.ts', ...args], { cwd: root, encoding: 'utf8' });
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("prints the described network's trace in the trace JSON shape, with replayNetwork's values", () => {
    const result = run(['--json', '--network', file('good.json', JSON.stringify(GOOD))]);
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual(['params', 'options', 'steps', 'summary']);
    const trace = replayNetwork(GOOD);
    expect(printed.steps.map((s: { key: string; value: number }) => [s.key, s.value])).toEqual(trace.steps.map((s) => [s.key, s.value]));
    expect(printed.summary).toEqual(trace.summary);
    expect(printed.params['w[1][0][2]']).toBe(GOOD.weights[0][0][2]);
  }, 30_000);

  it.each([
    ['a bad weight', 'weight.json', JSON.stringify(editing((d) => (d.weights[1][0][2] = 'x'))), 'weights[1][0][2]'],
    ['a layer too wide', 'wide.json', JSON.stringify(withField({ layers: [3, 5, 1] })), 'layers[1]'],
    ['text that is not JSON', 'broken.json', '{"layers": [3, 4', 'json'],
  ])('refuses %s with exit code 2 and one line naming the field', (_, name, text, field) => {
    const result = run(['--json', '--network', file(name, text)]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(field);
  }, 30_000);

  it('refuses a file it cannot read with exit code 2 and one line', () => {
    const result = run(['--network', join(dir, 'missing.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('missing.json');
  }, 30_000);
});
