/**
 * Grid search over any two hyperparameters: the tables the course turns into heatmaps.
 *
 * @module
 */
import * as T from '@theta/tensor';
import type { TrainConfig } from './config.js';
import { NonFiniteTrainingError } from './errors.js';
import { fit } from './fit.js';
import type { FitResult } from './state.js';

/**
 * One axis of a grid: the hyperparameter's name (for labels) and the values tried.
 *
 * @since 0.1.0
 * @category Grid search
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const eta: Tr.GridAxis<number> = { name: 'η', values: [1e-3, 1e-2, 1e-1] };
 * console.log(eta.values.length); // 3
 * ```
 */
export interface GridAxis<A> {
  /** The hyperparameter's name, e.g. `η`, `λ`, `depth`. */
  readonly name: string;
  /** The values tried, in table order. */
  readonly values: readonly A[];
}

/**
 * The two numbers a grid cell reports.
 *
 * @since 0.1.0
 * @category Grid search
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const score: Tr.GridScore = { train: 0.01, test: 0.012 };
 * console.log(score.test > score.train); // true
 * ```
 */
export interface GridScore {
  /** The value on the training data. */
  readonly train: number;
  /** The value on the test data. */
  readonly test: number;
}

/**
 * One finished cell, as passed to `onCell` (for progress reports).
 *
 * @since 0.1.0
 * @category Grid search
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const cell: Tr.GridCell<number, number> = { i: 0, j: 1, row: 0.1, column: 1e-4, train: 0.2, test: 0.3, error: undefined };
 * console.log(cell.error === undefined); // true
 * ```
 */
export interface GridCell<R, C> extends GridScore {
  /** Row index. */
  readonly i: number;
  /** Column index. */
  readonly j: number;
  /** The row's hyperparameter value. */
  readonly row: R;
  /** The column's hyperparameter value. */
  readonly column: C;
  /** The error that stopped this cell's training (its scores are then NaN). */
  readonly error: NonFiniteTrainingError | undefined;
}

/**
 * What {@link gridSearch} needs: the two axes, a function from a (row, column) pair to a
 * training configuration, and optionally how to score a finished run.
 *
 * @since 0.1.0
 * @category Grid search
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * import * as O from '@theta/optim';
 * import * as Tr from '@theta/train';
 * const data = { X: T.tensor([[0], [1]]), T: T.tensor([[0], [1]]) };
 * const options: Tr.GridSearchOptions<number, number> = {
 *   rows: { name: 'η', values: [0.01, 0.1] },
 *   columns: { name: 'λ', values: [0, 1e-3] },
 *   run: (eta, lambda) => ({ net: N.mlp({ sizes: [1, 1], activations: ['identity'] }), cost: N.mse(),
 *     penalty: lambda, optimiser: O.sgd(eta), epochs: 5, key: T.key(0), data, validation: data }),
 * };
 * console.log(Tr.gridSearch(options).test.length); // 2
 * ```
 */
export interface GridSearchOptions<R, C> {
  /** The hyperparameter along the rows (e.g. η). */
  readonly rows: GridAxis<R>;
  /** The hyperparameter along the columns (e.g. λ). */
  readonly columns: GridAxis<C>;
  /** The configuration for one cell; put the test data in `validation` for the default scoring. */
  readonly run: (row: R, column: C) => TrainConfig;
  /**
   * Scores a finished run. By default: from the record of the final state's epoch, the first
   * configured metric (or the loss) on the training data and on the validation data.
   */
  readonly evaluate?: (result: FitResult, row: R, column: C) => GridScore;
  /** What the table's numbers are, for titles; by default the first metric's name, or `loss`. */
  readonly metric?: string;
  /** Called after every cell, in row-major order. */
  readonly onCell?: (cell: GridCell<R, C>) => void;
}

/**
 * The result of a grid search: `train[i][j]` and `test[i][j]` belong to row value i and column
 * value j. Cells whose training diverged hold NaN and `diverged[i][j]` is true.
 *
 * @since 0.1.0
 * @category Grid search
 * @example
 * ```ts
 * import * as Tr from '@theta/train';
 * const table: Tr.GridTable<number, number> = {
 *   rows: { name: 'η', values: [0.1] }, columns: { name: 'λ', values: [0] }, metric: 'loss',
 *   train: [[0.1]], test: [[0.2]], diverged: [[false]],
 * };
 * console.log(table.test[0]?.[0]); // 0.2
 * ```
 */
export interface GridTable<R, C> {
  /** The row axis, as given. */
  readonly rows: GridAxis<R>;
  /** The column axis, as given. */
  readonly columns: GridAxis<C>;
  /** What the numbers are (`loss`, `accuracy`, `mse`, …). */
  readonly metric: string;
  /** Training-set score per cell, `[rows][columns]`. */
  readonly train: readonly (readonly number[])[];
  /** Test-set score per cell, `[rows][columns]`. */
  readonly test: readonly (readonly number[])[];
  /** Whether each cell's training stopped with a non-finite value. */
  readonly diverged: readonly (readonly boolean[])[];
}

const metricName = (config: TrainConfig): string => {
  const first = config.metrics?.[0];
  return first === undefined ? 'loss' : typeof first === 'string' ? first : first.name;
};

/** The default score: the first metric (or loss) of the final state's epoch, train and validation. */
function defaultScore(config: TrainConfig, result: FitResult): GridScore {
  const name = metricName(config);
  const record = result.history[result.state.epoch - 1];
  const pick = (e: { loss: number; metrics: Readonly<Record<string, number>> } | undefined): number =>
    e === undefined ? Number.NaN : name === 'loss' ? e.loss : (e.metrics[name] ?? Number.NaN);
  return { train: pick(record?.train), test: pick(record?.validation) };
}

function checkAxis(name: string, axis: unknown): void {
  const a = axis as Partial<GridAxis<unknown>> | null;
  if (typeof a !== 'object' || a === null || typeof a.name !== 'string' || !Array.isArray(a.values) || a.values.length === 0) {
    throw new T.DomainError({ op: 'gridSearch', parameter: name, value: axis, expected: 'a record { name, values } with at least one value' });
  }
}

/**
 * Trains one network per (row, column) pair and tabulates the final train and test scores —
 * η × λ, depth × width, batch size × epochs, anything two. Cells run in row-major order, each
 * with the configuration `run(row, column)` returns (so each uses the key it sets). A cell
 * whose training diverges (a {@link NonFiniteTrainingError}) gets NaN and `diverged: true`;
 * any other error propagates.
 *
 * @since 0.1.0
 * @category Grid search
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * import * as O from '@theta/optim';
 * import * as Tr from '@theta/train';
 * const X = T.tensor([[0], [0.5], [1]]);
 * const data = { X, T: T.tensor([[1], [2], [3]]) };                    // t = 2x + 1
 * const table = Tr.gridSearch({
 *   rows: { name: 'η', values: [0.01, 0.1, 1000] },
 *   columns: { name: 'λ', values: [0, 0.1] },
 *   run: (eta, lambda) => ({ net: N.mlp({ sizes: [1, 1], activations: ['identity'] }), cost: N.mse(),
 *     penalty: lambda, optimiser: O.sgd(eta), epochs: 50, key: T.key(0), data, validation: data }),
 * });
 * console.log(table.test.map((row) => row.map((v) => v.toFixed(3)))); // η = 1000 diverges: NaN
 * console.log(table.diverged[2]); // [ true, true ]
 * ```
 */
export function gridSearch<R, C>(options: GridSearchOptions<R, C>): GridTable<R, C> {
  if (typeof options !== 'object' || options === null || typeof options.run !== 'function') {
    throw new T.DomainError({ op: 'gridSearch', parameter: 'run', value: options?.run, expected: 'a function (row, column) => TrainConfig' });
  }
  checkAxis('rows', options.rows);
  checkAxis('columns', options.columns);
  const { rows, columns } = options;
  const train: number[][] = [];
  const test: number[][] = [];
  const diverged: boolean[][] = [];
  let metric = options.metric;
  rows.values.forEach((row, i) => {
    const [trainRow, testRow, divergedRow]: [number[], number[], boolean[]] = [[], [], []];
    columns.values.forEach((column, j) => {
      const config = options.run(row, column);
      metric ??= options.evaluate === undefined ? metricName(config) : 'score';
      let score: GridScore = { train: Number.NaN, test: Number.NaN };
      let error: NonFiniteTrainingError | undefined;
      try {
        const result = fit(config);
        score = options.evaluate === undefined ? defaultScore(config, result) : options.evaluate(result, row, column);
      } catch (e) {
        if (!NonFiniteTrainingError.is(e)) throw e;
        error = e;
      }
      trainRow.push(score.train);
      testRow.push(score.test);
      divergedRow.push(error !== undefined);
      options.onCell?.({ i, j, row, column, train: score.train, test: score.test, error });
    });
    train.push(trainRow);
    test.push(testRow);
    diverged.push(divergedRow);
  });
  return Object.freeze({ rows, columns, metric: metric ?? 'loss', train, test, diverged });
}
