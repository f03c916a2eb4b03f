/**
 * The network flags: `--layers`, `--activation`, `--output-activation` and `--cost`.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as N from '@theta/nn';
import { bad, parseChoice, parseList, parseNumber, type Parsed } from './values.js';

/** The costs `--cost` accepts, as @theta/nn names them. */
export const costNames: readonly N.CostName[] = ['mse', 'binaryCrossEntropy', 'categoricalCrossEntropy'];

/** Shorter spellings of the costs. */
const costAliases: Readonly<Record<string, N.CostName>> = {
  bce: 'binaryCrossEntropy',
  cce: 'categoricalCrossEntropy',
  'binary-cross-entropy': 'binaryCrossEntropy',
  'categorical-cross-entropy': 'categoricalCrossEntropy',
};

/** Activations that take a parameter α, written `name:alpha`. */
const parameterised: readonly N.ActivationName[] = ['leakyRelu', 'elu'];

/** What an activation flag accepts, in words. */
export const activationAccepted = `one of ${N.activationNames.join(', ')} (leakyRelu and elu also as name:alpha, e.g. leakyRelu:0.1)`;

/** `--layers 50,50`: the hidden layer sizes; `none` for no hidden layer. */
export function parseLayers(text: string): Parsed<readonly number[]> {
  if (text.trim() === 'none') return E.right([]);
  const parsed = parseList('--layers', text, (piece) => parseNumber('--layers', piece, { integer: true, min: 1 }), 'integers ≥ 1 (or none)');
  return E.isLeft(parsed) ? bad('--layers', text, 'hidden layer sizes as integers ≥ 1, e.g. 50,50 (or none for no hidden layer)') : parsed;
}

/** `--activation NAME[:ALPHA]` or `--output-activation NAME[:ALPHA]`. */
export function parseActivation(flag: string, text: string, hidden: boolean): Parsed<N.ActivationSpec> {
  const [name = '', alpha, ...rest] = text.split(':');
  const choice = parseChoice<N.ActivationName>(flag, name, N.activationNames);
  if (E.isLeft(choice) || rest.length > 0) return bad(flag, text, activationAccepted);
  if (hidden && choice.right === 'softmax') {
    return bad(flag, text, `an elementwise activation (softmax is for the output layer: --output-activation softmax)`);
  }
  if (alpha === undefined) return E.right(choice.right);
  if (!parameterised.includes(choice.right)) return bad(flag, text, `${choice.right} without a parameter (only leakyRelu and elu take :alpha)`);
  const value = parseNumber(flag, alpha, { min: 0, minExclusive: choice.right === 'elu' });
  return E.isLeft(value) ? bad(flag, text, `${choice.right}:alpha with alpha a number ${choice.right === 'elu' ? '> 0' : '≥ 0'}`) : E.right({ name: choice.right, alpha: value.right });
}

/** `--cost`. */
export const parseCost = (text: string): Parsed<N.CostName> => parseChoice<N.CostName>('--cost', text, costNames, costAliases);
