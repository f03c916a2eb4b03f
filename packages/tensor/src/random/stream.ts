/**
 * A key read as a sequence of 32-bit words, for the samplers that consume a variable number of
 * them (rejection sampling of integers). Internal: not exported from the package.
 */
import type { Key } from './key.js';
import { keyBlocks } from './threefry.js';

/** Anything that hands out uint32 words one at a time. */
export interface WordSource {
  /** The next word, an integer in [0, 2³² − 1]. */
  next(): number;
}

/**
 * Word j of a key's stream is word `j mod 2` of its Threefry block ⌊j / 2⌋ — the same words the
 * float32 uniform sampler reads. Words are made a buffer at a time; the buffer size does not
 * change the sequence.
 */
export class WordStream implements WordSource {
  private readonly key: Key;
  private readonly buffer: Uint32Array;
  private at: number;
  private block = 0;

  /** `expectedWords` only sizes the buffer. */
  constructor(key: Key, expectedWords: number) {
    this.key = key;
    const blocks = Math.min(1024, Math.max(1, Math.ceil(expectedWords / 2)));
    this.buffer = new Uint32Array(2 * blocks);
    this.at = this.buffer.length;
  }

  next(): number {
    if (this.at === this.buffer.length) {
      const blocks = this.buffer.length / 2;
      keyBlocks(this.key, this.block, this.buffer, blocks);
      this.block += blocks;
      this.at = 0;
    }
    return this.buffer[this.at++] as number;
  }
}

const TWO_32 = 4294967296;

/**
 * A uniform integer in [0, range) for range in [1, 2³²], without modulo bias: a word is
 * rejected and redrawn when it falls in the last, incomplete run of `range` values below 2³²
 * (its run [word − r, word − r + range) does not fit), which happens to fewer than half of
 * the words whatever the range. One division per draw, as Java's `nextInt(bound)`.
 */
export function boundedInt(source: WordSource, range: number): number {
  for (;;) {
    const word = source.next();
    const r = word % range;
    if (word - r + range <= TWO_32) return r;
  }
}
