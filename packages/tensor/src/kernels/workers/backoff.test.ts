import { describe, expect, it } from 'vitest';
import { afterSplit, beforeSplit, fresh, MAX_SKIP, type Backoff } from './backoff.js';

describe('backoff', () => {
  it('splits while splits pay', () => {
    expect(beforeSplit(fresh)).toEqual([true, fresh]);
    // 100 rows; this thread did 50 in 10 ms, so alone it would take 20 ms.
    expect(afterSplit(fresh, 100, 15, 50, 10)).toEqual(fresh);
    expect(afterSplit(fresh, 100, 20, 50, 10)).toEqual(fresh);
    expect(afterSplit({ skip: 0, span: 8 }, 100, 19, 50, 10)).toEqual(fresh); // a paying split resets
  });

  it('after a miss skips 1, 2, 4, … products, up to MAX_SKIP, and then tries again', () => {
    let state: Backoff = fresh;
    const spans: number[] = [];
    for (let miss = 0; miss < 9; miss++) {
      state = afterSplit(state, 100, 25, 50, 10); // slower than alone: a miss
      spans.push(state.skip);
      let skipped = 0;
      for (;;) {
        const [split, next] = beforeSplit(state);
        state = next;
        if (split) break;
        skipped += 1;
      }
      expect(skipped).toBe(spans[miss]);
    }
    expect(spans).toEqual([1, 2, 4, 8, 16, 32, 64, 64, 64]);
    expect(MAX_SKIP).toBe(64);
  });

  it('counts a split where this thread computed every row as a miss, and one where it computed none as neither', () => {
    expect(afterSplit(fresh, 64, 10.5, 64, 10).skip).toBe(1);
    const state = { skip: 0, span: 4 };
    expect(afterSplit(state, 64, 10, 0, 0)).toBe(state);
  });
});
