/**
 * Model files out: the architecture and Θ as JSON whose numbers read back bit for bit.
 *
 * @module
 */
import * as T from '@theta/tensor';
import { resolveSpec, type MlpOptions } from '../mlp/spec.js';
import { checkTheta, type Theta } from '../mlp/theta.js';
import { modelFormat, modelVersion } from './model.js';

/** Shortest text that parses back to the same float64; `-0` kept (JSON.stringify writes 0). */
const numberText = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));

/** The rows of a [rows, cols] tensor as JSON, failing up front on NaN and ±∞. */
function matrixText(x: T.Tensor, path: string): string {
  const values = T.toArray(x);
  const cols = x.shape.length === 2 ? (x.shape[1] as number) : values.length;
  const cell = (i: number): string => {
    const v = values[i] as number;
    if (!Number.isFinite(v)) {
      const at = x.shape.length === 2 ? `${path}[${Math.floor(i / cols)}][${i % cols}]` : `${path}[${i}]`;
      throw new T.NonFiniteError({ op: 'encode', path: at, value: v });
    }
    return numberText(v);
  };
  if (x.shape.length === 1) return `[${values.map((_, i) => cell(i)).join(',')}]`;
  const rows: string[] = [];
  for (let r = 0; r < (x.shape[0] as number); r++) {
    rows.push(`[${Array.from({ length: cols }, (_, c) => cell(r * cols + c)).join(',')}]`);
  }
  return `[${rows.join(',')}]`;
}

/**
 * A model file: `{ format, version, dtype, spec, theta }` as JSON text, where `theta[l].W` holds
 * the rows of $W^{l+1}$ and `theta[l].b` the entries of $b^{l+1}$. Every number is written as
 * the shortest decimal that reads back to the same float64 (and −0 as `-0`), so
 * `decode(encode(spec, Θ))` gives Θ bit for bit, in float64 and float32 alike.
 *
 * Throws up front — JSON would silently turn NaN and ±∞ into `null` — with `NonFiniteError`
 * naming the cell (`theta[1].W[3][2]`), `ShapeError` when Θ does not fit the spec, and
 * `DomainError` for an invalid spec.
 *
 * @since 0.1.0
 * @category Model files
 * @example
 * ```ts
 * import * as T from '@theta/tensor';
 * import * as N from '@theta/nn';
 * const spec = { sizes: [1, 1], activations: ['identity'] } as const;
 * console.log(N.encode(spec, [{ W: T.tensor([[0.1]]), b: T.tensor([-0]) }]));
 * // {"format":"theta-mlp","version":1,"dtype":"float64","spec":{"sizes":[1,1],"activations":["identity"]},"theta":[{"W":[[0.1]],"b":[-0]}]}
 * ```
 */
export function encode(spec: MlpOptions, theta: Theta): string {
  const resolved = resolveSpec(spec).spec;
  const dtype = checkTheta('encode', resolved.sizes, theta);
  const layers = theta.map(({ W, b }, l) => `{"W":${matrixText(W, `theta[${l}].W`)},"b":${matrixText(b, `theta[${l}].b`)}}`);
  return (
    `{"format":${JSON.stringify(modelFormat)},"version":${modelVersion},"dtype":${JSON.stringify(dtype)},` +
    `"spec":${JSON.stringify({ sizes: resolved.sizes, activations: resolved.activations })},"theta":[${layers.join(',')}]}`
  );
}
