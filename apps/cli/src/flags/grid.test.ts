import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { cellFlags, parseAxis } from './grid.js';
import { parseTrainingFlags } from './training.js';

describe('grid axes', () => {
  it('parses each value with the parser of its flag', () => {
    const axis = parseAxis('--rows', 'activation=relu,leakyRelu:0.2');
    expect(E.isRight(axis) && axis.right).toEqual({ name: 'activation', values: ['relu', { name: 'leakyRelu', alpha: 0.2 }], labels: ['relu', 'leakyRelu:0.2'] });
    const sizes = parseAxis('--columns', 'batch-size=8,full');
    expect(E.isRight(sizes) && sizes.right.values).toEqual([8, 'full']);
  });

  it('puts the two values of a cell into the flags', () => {
    const flags = parseTrainingFlags({ layers: '10,10,10', optimiser: 'momentum' });
    const cell = cellFlags(flags, [['depth', 2], ['momentum', 0.5]], [32]);
    expect(cell.layers).toEqual([10, 10]);
    expect(cell.hyperparameters).toEqual({ momentum: 0.5 });
    expect(cellFlags(parseTrainingFlags({}), [['width', 7], ['lr', 0.3]], [50, 50])).toMatchObject({ layers: [7, 7], learningRate: 0.3 });
    expect(cellFlags(flags, [['lambda', 0.1], ['seed', 4]], [32])).toMatchObject({ layers: [10, 10, 10], lambda: 0.1, seed: 4 });
  });
});
