// bench/suites/train.mjs's jax-js contender, run in its own isolate (lib/isolate.mjs). Imports
// jax-js only; problems arrive as plain arrays (see train-theta.mjs's `prepare`).
import { registry } from './contenders.mjs';
import { loadJax } from './jax.mjs';

let jax;
const contenders = registry();
export const { epoch, finish } = contenders;

/** Loads jax-js; returns the device its arrays live on. */
export async function init() {
  const loaded = await loadJax();
  jax = loaded.jax;
  return { device: loaded.device };
}

/** `{ data, shape: [r, c] }` transposed to [c, r]. */
const transpose = ({ data, shape: [r, c] }) => {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = data[i * c + j];
  return { data: out, shape: [c, r] };
};

/**
 * jax-js, written as its users write a training step: Θ as a tree of arrays (W stored
 * [in, out], Theta's W transposed, so a layer is `x @ W + b`), the loss differentiated by
 * `valueAndGrad` and the whole step — loss, gradients, SGD update — compiled by `jit`. The
 * same Θ, η, float32, and the batches Theta draws. jax-js moves arrays into the ops they are
 * passed to; `.ref` / `tree.ref` keep one.
 *
 * The batch reaches the step the faster of the ways we tried (interleaved, on this machine):
 * for wide rows (B1) the row indices go into the jitted step, which gathers on the device; for
 * narrow rows (B2) the rows are copied into a fresh Float32Array on the JS side. Slicing on the
 * device eagerly (`X.ref.slice(rows)`, as jax-js's MNIST demo does) was slower in both.
 */
export function create(id, problem) {
  const { numpy: np, nn, jit, valueAndGrad, tree } = jax;
  const { lambda, batchSize, orders, learningRate } = problem;
  const n = problem.X.shape[0];
  const array = (t) => np.array(Float32Array.from(t.data), { shape: t.shape });
  const X = array(problem.X);
  const Y = array(problem.T);
  let params = problem.theta0.map(({ W, b }) => ({ W: array(transpose(W)), b: array(b) }));
  const hidden = problem.hidden === 'relu' ? nn.relu : nn.sigmoid;
  const logits = (p, x) => p.reduce((a, { W, b }, l) => {
    const z = np.dot(a, W).add(b);
    return l === p.length - 1 ? z : hidden(z);
  }, x);
  // The losses the tfjs contender uses: mean squared error over all outputs, or the mean over
  // the batch of −Σ y log softmax(z); plus λ Σ ‖W‖².
  const loss = (p, x, y) => {
    const penalty = lambda === 0 ? undefined : p.map(({ W }) => np.square(W.ref).sum()).reduce((s, t) => s.add(t)).mul(lambda);
    const z = logits(p, x);
    const data = problem.cost === 'mse' ? np.square(z.sub(y)).mean() : nn.logSoftmax(z).mul(y).sum().mul(-1 / y.shape[0]);
    return penalty === undefined ? data : data.add(penalty);
  };
  const update = (p, x, y) => {
    const [value, grads] = valueAndGrad(loss)(tree.ref(p), x, y);
    return [value, tree.map((w, g) => w.sub(g.mul(learningRate)), p, grads)];
  };
  const [inputs, outputs] = [problem.X.shape[1], problem.T.shape[1]];
  const onDevice = inputs >= 64; // B1's 784-wide rows: gather in the step; B2's 2-wide: on the JS side
  const step = onDevice ? jit((p, X, Y, rows) => update(p, np.take(X, rows.ref, 0), np.take(Y, rows, 0))) : jit(update);
  const Xh = Float32Array.from(problem.X.data);
  const Yh = Float32Array.from(problem.T.data);
  const take = (host, width, rows) => {
    const out = new Float32Array(rows.length * width);
    rows.forEach((r, i) => out.set(host.subarray(r * width, (r + 1) * width), i * width));
    return np.array(out, { shape: [rows.length, width] });
  };
  const fullLossJit = jit(loss);
  const fullLoss = () => fullLossJit(tree.ref(params), X.ref, Y.ref).item();
  const before = fullLoss();
  let e = 0;
  return contenders.add(id, {
    epoch: async () => {
      const order = orders[e++]; // the batches Theta draws in this epoch
      for (let i = 0; i < n; i += batchSize) {
        const rows = order.slice(i, i + batchSize);
        let value;
        if (onDevice) [value, params] = step(params, X.ref, Y.ref, np.array(rows, { dtype: np.int32 }));
        else [value, params] = step(params, take(Xh, inputs, rows), take(Yh, outputs, rows));
        value.item(); // read the loss back, as Theta does
      }
    },
    finish: () => {
      const after = fullLoss();
      tree.dispose([X, Y, params]);
      step.dispose();
      fullLossJit.dispose();
      return { before, after };
    },
  });
}
