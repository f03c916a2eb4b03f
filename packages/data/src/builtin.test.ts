import { describe, expect, it } from 'vitest';
import * as T from '@theta/tensor';
import { builtinNames, isBuiltinName, loadBuiltin } from './builtin.js';
import { franke } from './generators/franke.js';
import { multiGaussian } from './generators/multi-gaussian.js';

describe('loadBuiltin', () => {
  it('gives each generator by its name, with the same key and options as calling it', async () => {
    const byName = await loadBuiltin('franke', T.key(3), { n: 30, noise: 0.2 });
    const direct = franke(T.key(3), { n: 30, noise: 0.2 });
    expect(T.toArray(byName.y)).toEqual(T.toArray(direct.y));
    expect(T.toArray((await loadBuiltin('multi-gaussian', T.key(1), { n: 5 })).X)).toEqual(T.toArray(multiGaussian(T.key(1), { n: 5 }).X));
  });

  it("names every set by its data set's own name (MNIST aside: it is read by its own test)", async () => {
    for (const name of builtinNames.filter((n) => n !== 'mnist')) {
      const data = await loadBuiltin(name, T.key(0), name === 'breast-cancer' || name === 'digits' ? {} : { n: 4 });
      expect(data.name).toBe(name);
    }
    expect(builtinNames).toHaveLength(12);
    expect(builtinNames).toContain('mnist');
  });

  it('rejects unknown names and options a fixed data set would ignore', () => {
    expect(isBuiltinName('digits')).toBe(true);
    expect(isBuiltinName('iris')).toBe(false);
    expect(isBuiltinName(3)).toBe(false);
    expect(() => loadBuiltin('iris' as never, T.key(0))).toThrow(/one of franke, runge/);
    expect(() => loadBuiltin('digits', T.key(0), { n: 10 })).toThrow(T.DomainError);
    expect(() => loadBuiltin('breast-cancer', T.key(0), { noise: 0.1 })).toThrow(T.DomainError);
  });
});
