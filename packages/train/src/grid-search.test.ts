// gridSearch against fitting each cell directly.
import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import * as N from '@theta/nn';
import * as O from '@theta/optim';
import * as D from '@theta/data';
import * as Tr from '@theta/train';

const d = D.franke(T.key(2), { n: 24, noise: 0.1 });
const test = D.franke(T.key(3), { n: 12, noise: 0.1 });
const run = (eta: number, lambda: number): Tr.TrainConfig => ({
  net: N.mlp({ sizes: [2, 4, 1], activations: ['sigmoid', 'identity'] }),
  cost: N.mse(), penalty: lambda, optimiser: O.sgd(eta), epochs: 5, batchSize: 8, key: T.key(0),
  data: { X: d.X, T: d.y }, validation: { X: test.X, T: test.y }, metrics: ['mse'],
});

describe('gridSearch', () => {
  it('tabulates the final train and test metric of fitting each (row, column) directly', () => {
    const rows = { name: 'η', values: [1e-3, 1e-2] };
    const columns = { name: 'λ', values: [0, 1e-4, 1e-2] };
    const cells: string[] = [];
    const table = Tr.gridSearch({ rows, columns, run, onCell: (c) => cells.push(`${c.i},${c.j}`) });
    expect(table.rows).toBe(rows);
    expect(table.columns).toBe(columns);
    expect(table.metric).toBe('mse');
    expect(cells).toEqual(['0,0', '0,1', '0,2', '1,0', '1,1', '1,2']);
    rows.values.forEach((eta, i) =>
      columns.values.forEach((lambda, j) => {
        const last = Tr.fit(run(eta, lambda)).history.at(-1)!;
        expect(table.train[i]![j]).toBe(last.train.metrics['mse']);
        expect(table.test[i]![j]).toBe(last.validation!.metrics['mse']);
        expect(table.diverged[i]![j]).toBe(false);
      }),
    );
  });

  it('marks diverging cells with NaN and carries on', () => {
    const table = Tr.gridSearch({ rows: { name: 'η', values: [1e-2, 1e30] }, columns: { name: 'λ', values: [0] }, run });
    expect(table.diverged).toEqual([[false], [true]]);
    expect(Number.isNaN(table.test[1]![0])).toBe(true);
    expect(Number.isFinite(table.test[0]![0])).toBe(true);
  });

  it('takes any two hyperparameters and a custom score', () => {
    const table = Tr.gridSearch({
      rows: { name: 'depth', values: [1, 2] },
      columns: { name: 'width', values: [2, 5] },
      run: (depth, width) => ({ ...run(1e-2, 0), net: N.mlp({ sizes: [2, ...Array<number>(depth).fill(width), 1], activations: { hidden: 'tanh', output: 'identity' } }) }),
      evaluate: (result, depth, width) => ({ train: result.state.theta.length, test: depth * 10 + width }),
      metric: 'layers',
    });
    expect(table.train).toEqual([[2, 2], [3, 3]]);
    expect(table.test).toEqual([[12, 15], [22, 25]]);
    expect(table.metric).toBe('layers');
  });

  it('rejects empty axes and a missing run function', () => {
    expect(() => Tr.gridSearch({ rows: { name: 'η', values: [] }, columns: { name: 'λ', values: [0] }, run })).toThrow(expect.objectContaining({ _tag: 'DomainError', parameter: 'rows' }));
    expect(() => Tr.gridSearch({ rows: { name: 'η', values: [1] }, columns: { name: 'λ', values: [0] } } as never)).toThrow(expect.objectContaining({ _tag: 'DomainError', parameter: 'run' }));
  });

  it('lets configuration errors through', () => {
    expect(() => Tr.gridSearch({ rows: { name: 'η', values: [1] }, columns: { name: 'epochs', values: [0] }, run: (eta, epochs) => ({ ...run(eta, 0), epochs }) }))
      .toThrow(expect.objectContaining({ _tag: 'DomainError', parameter: 'epochs' }));
  });
});
