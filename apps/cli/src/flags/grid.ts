/**
 * `--rows NAME=V1,V2,…` and `--columns NAME=V1,V2,…` of `theta grid`: the two hyperparameters
 * searched over and their values, each value checked by the parser of the matching flag.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as N from '@theta/nn';
import { parseActivation } from './network.js';
import { parseOptimiser, type OptimiserName } from './optimiser.js';
import { trainingParsers, type TrainingFlags } from './training.js';
import { bad, orThrow, parseNumber, type Parsed } from './values.js';

/** The hyperparameters a grid axis may vary. */
export type AxisName = 'lr' | 'lambda' | 'epochs' | 'batch-size' | 'depth' | 'width' | 'activation' | 'optimiser' | 'momentum' | 'seed';

/** A value on an axis: a number, or a name (activation, optimiser). */
export type AxisValue = number | string | N.ActivationSpec;

/** One parsed axis. */
export interface Axis {
  /** The hyperparameter. */
  readonly name: AxisName;
  /** The values, in order. */
  readonly values: readonly AxisValue[];
  /** The values as typed, for labels. */
  readonly labels: readonly string[];
}

/** The parser of one value of each axis, with what it accepts. */
const axisParsers: Readonly<Record<AxisName, (flag: string, text: string) => Parsed<AxisValue>>> = {
  lr: (_f, t) => trainingParsers.lr(t),
  lambda: (_f, t) => trainingParsers.lambda(t),
  epochs: (_f, t) => trainingParsers.epochs(t),
  'batch-size': (_f, t) => trainingParsers.batchSize(t),
  depth: (f, t) => parseNumber(f, t, { integer: true, min: 0 }),
  width: (f, t) => parseNumber(f, t, { integer: true, min: 1 }),
  activation: (f, t) => parseActivation(f, t, true),
  optimiser: (_f, t) => parseOptimiser(t) as Parsed<OptimiserName>,
  momentum: (f, t) => parseNumber(f, t, { min: 0, max: 1, maxExclusive: true }),
  seed: (_f, t) => trainingParsers.seed(t),
};

/** Every axis name. */
export const axisNames = Object.keys(axisParsers) as AxisName[];

/** Parses `--rows` or `--columns`. */
export function parseAxis(flag: string, text: string): Parsed<Axis> {
  const equals = text.indexOf('=');
  const name = text.slice(0, Math.max(0, equals)).trim();
  const form = `NAME=V1,V2,… with NAME one of ${axisNames.join(', ')}`;
  if (equals < 0 || !(axisNames as string[]).includes(name)) return bad(flag, text, form);
  const pieces = text.slice(equals + 1).split(',').map((s) => s.trim());
  if (pieces.some((p) => p === '')) return bad(flag, text, `${name}=V1,V2,… with no empty value`);
  const values: AxisValue[] = [];
  for (const piece of pieces) {
    const parsed = (axisParsers[name as AxisName] as (flag: string, text: string) => Parsed<AxisValue>)(flag, piece);
    if (E.isLeft(parsed)) return bad(flag, text, `values of ${name} that are each ${parsed.left.expected} ('${piece}' is not)`);
    values.push(parsed.right);
  }
  if (new Set(pieces).size !== pieces.length) return bad(flag, text, `${name}=V1,V2,… with no value twice`);
  return E.right({ name: name as AxisName, values, labels: pieces });
}

/** The flag an axis would otherwise be set by (a clash is an error). */
const flagOfAxis: Readonly<Record<AxisName, keyof TrainingFlags | 'layers'>> = {
  lr: 'learningRate',
  lambda: 'lambda',
  epochs: 'epochs',
  'batch-size': 'batchSize',
  depth: 'layers',
  width: 'layers',
  activation: 'activation',
  optimiser: 'optimiser',
  momentum: 'hyperparameters',
  seed: 'seed',
};

/** Parses both axes and checks they differ and do not clash with a flag given. */
export function parseAxes(rowsText: string | undefined, columnsText: string | undefined, flags: TrainingFlags): { readonly rows: Axis; readonly columns: Axis } {
  if (rowsText === undefined) orThrow(bad('--rows', undefined, 'the hyperparameter along the rows, e.g. --rows lr=0.001,0.01,0.1'));
  if (columnsText === undefined) orThrow(bad('--columns', undefined, 'the hyperparameter along the columns, e.g. --columns lambda=0,1e-4,1e-2'));
  const rows = orThrow(parseAxis('--rows', rowsText as string));
  const columns = orThrow(parseAxis('--columns', columnsText as string));
  if (rows.name === columns.name) orThrow(bad('--columns', columnsText, `a hyperparameter other than ${rows.name}, which --rows varies`));
  for (const [flag, axis, text] of [['--rows', rows, rowsText], ['--columns', columns, columnsText]] as const) {
    const key = flagOfAxis[axis.name];
    const clash = key === 'hyperparameters' ? flags.hyperparameters.momentum !== undefined : flags[key] !== undefined;
    if (clash && !(key === 'layers' && (axis.name === 'depth' || axis.name === 'width'))) {
      orThrow(bad(flag, text as string, `an axis that no other flag sets (drop the --${axis.name} flag: the grid varies it)`));
    }
  }
  return { rows, columns };
}

/** The training flags of one cell: the flags given with the two axis values put in. */
export function cellFlags(flags: TrainingFlags, cell: readonly (readonly [AxisName, AxisValue])[], defaultLayers: readonly number[]): TrainingFlags {
  let out: TrainingFlags = flags;
  const base = flags.layers ?? defaultLayers;
  let depth = base.length;
  let width = base[0] ?? 32;
  for (const [name, value] of cell) {
    if (name === 'lr') out = { ...out, learningRate: value as number };
    else if (name === 'lambda') out = { ...out, lambda: value as number };
    else if (name === 'epochs') out = { ...out, epochs: value as number };
    else if (name === 'batch-size') out = { ...out, batchSize: value as number | 'full' };
    else if (name === 'activation') out = { ...out, activation: value as N.ActivationSpec };
    else if (name === 'optimiser') out = { ...out, optimiser: value as OptimiserName };
    else if (name === 'seed') out = { ...out, seed: value as number };
    else if (name === 'momentum') out = { ...out, hyperparameters: { ...out.hyperparameters, momentum: value as number }, hyperparameterText: { ...out.hyperparameterText, momentum: String(value) } };
    else if (name === 'depth') depth = value as number;
    else if (name === 'width') width = value as number;
  }
  const varies = cell.some(([name]) => name === 'depth' || name === 'width');
  return varies ? { ...out, layers: Array.from({ length: depth }, () => width) } : out;
}
