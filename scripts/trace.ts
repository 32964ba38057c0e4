/**
 * npm run trace -- [--json|--csv|--markdown] [--order textbook|published] [--iterations N]
 *                  [--update-biases] [--set NAME=VALUE ...]
 * npm run trace -- [--json|--csv|--markdown] --network FILE.json
 * Prints the 2-2-2 backpropagation trace, or with --network the trace of the network the file
 * describes (the general stepper's NetworkDescription), for authors and instructors. Bad input:
 * one line on stderr and exit code 2.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_ITERATIONS, PARAM_NAMES, replay, type Order222 } from '../src/engine/models/backprop222';
import { exportTrace, type ExportFormat } from '../src/engine/core/export';
import { parseIterations, parseOrder, parseParams222, type ParamErrorCode } from '../src/engine/models/params222';
import type { EngineError } from '../src/engine/core/validation';
import { exportNetworkTrace, parseNetworkDescription, replayNetwork } from '../src/engine/models/network-stepper';

const USAGE = `usage: npm run trace -- [--json|--csv|--markdown] [--order textbook|published] [--iterations N] [--update-biases] [--set NAME=VALUE ...]
       npm run trace -- [--json|--csv|--markdown] --network FILE.json
NAME is one of ${PARAM_NAMES.join(' ')}`;

class UsageError extends Error {}

function describe(error: EngineError<ParamErrorCode>): string {
  switch (error.code) {
    case 'unknown-name':
      return `unknown parameter "${error.field}" (expected one of ${PARAM_NAMES.join(' ')})`;
    case 'not-a-number':
      return `${error.field}: "${error.received}" is not a number`;
    case 'out-of-range':
      return error.field === 'iterations'
        ? `iterations: ${error.received} is outside 1..100000`
        : `${error.field}: ${error.received} is outside -1000..1000`;
    case 'not-positive':
      return `${error.field}: the learning rate must be greater than 0 (got ${error.received})`;
    case 'not-an-integer':
      return `${error.field}: "${error.received}" is not a whole number`;
    case 'unknown-order':
      return `order: "${error.received}" is not textbook or published`;
  }
}

function parseArguments(argv: string[]) {
  let format: ExportFormat = 'markdown';
  let order: Order222 = 'textbook';
  let iterations = DEFAULT_ITERATIONS;
  let updateBiases = false;
  let network: string | undefined;
  const sets: [string, string][] = [];
  const valueAfter = (i: number, flag: string) => {
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json' || arg === '--csv' || arg === '--markdown') format = arg.slice(2) as ExportFormat;
    else if (arg === '--update-biases') updateBiases = true;
    else if (arg === '--network') network = valueAfter(i++, arg);
    else if (arg === '--order') {
      const parsed = parseOrder(valueAfter(i++, arg));
      if ('error' in parsed) throw new UsageError(describe(parsed.error));
      order = parsed.value;
    } else if (arg === '--iterations') {
      const parsed = parseIterations(valueAfter(i++, arg));
      if ('error' in parsed) throw new UsageError(describe(parsed.error));
      iterations = parsed.value;
    } else if (arg === '--set') {
      const assignment = valueAfter(i++, arg);
      const eq = assignment.indexOf('=');
      if (eq < 1) throw new UsageError(`--set expects NAME=VALUE, got "${assignment}"`);
      sets.push([assignment.slice(0, eq), assignment.slice(eq + 1)]);
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`unknown option "${arg}"`);
  }
  const { params, errors } = parseParams222(sets);
  if (errors.length > 0) throw new UsageError(describe(errors[0]));
  if (network !== undefined && argv.some((arg) => ['--order', '--iterations', '--update-biases', '--set'].includes(arg))) {
    throw new UsageError('--network takes order, learning rate and biases from the file; drop --order, --iterations, --update-biases and --set');
  }
  return { format, params, options: { order, iterations, updateBiases }, network };
}

/** The trace of the network in the file, or a UsageError naming the refused field. */
function networkTrace(path: string, format: ExportFormat): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const parsed = parseNetworkDescription(text);
  if ('error' in parsed) {
    const { field, message } = parsed.error;
    throw new UsageError(`${path}: ${message.startsWith(field) ? '' : `${field}: `}${message}`);
  }
  return exportNetworkTrace(replayNetwork(parsed.value), format);
}

try {
  const { format, params, options, network } = parseArguments(process.argv.slice(2));
  const output = network === undefined ? exportTrace(replay(params, options), format) : networkTrace(network, format);
  process.stdout.write(output + (format === 'json' ? '\n' : ''));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`trace: ${error.message}\n`);
  process.exit(2);
}
