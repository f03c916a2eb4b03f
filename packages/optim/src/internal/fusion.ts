/**
 * Fusing a scaling transform with the learning rate that follows it in a chain, and with the
 * `applyUpdates` after that.
 *
 * `chain(scaleByAdam(), scaleByLearningRate(η))` would write Adam's direction into a fresh
 * Θ-sized array, then −η times it into another, and `applyUpdates` Θ + that into a third. An
 * update is bound by memory traffic, fresh memory above all, so the hot transforms also offer
 * a `scaledUpdate` that multiplies by a factor in the same pass — and, given a `base` (Θ),
 * returns Θ + the scaled update instead. `chain` uses the first when a learning rate comes
 * next; `step` uses the second. The results are bit for bit what the separate transforms
 * give one after the other (float32 rounds each intermediate as storing it would); nothing of
 * this is public.
 */
import type * as T from '@theta/tensor';
import type { GradientTransformation } from '../transform.js';

/** Key of a transform's fused update: its updates times `factor`, in one pass. */
export const scaledUpdate: unique symbol = Symbol('theta.optim.scaledUpdate');
/** Key of what `scaleByLearningRate` exposes to `chain`: its factor and its next state. */
export const learningRateStep: unique symbol = Symbol('theta.optim.learningRateStep');
/** Key of a transform's update-and-apply: `[Θ + updates, next state]` in as few passes as it can. */
export const stepped: unique symbol = Symbol('theta.optim.stepped');

/** Update and apply at once: `[applyUpdates(Θ, updates), next state]`. */
export type Stepped<S> = <P extends T.TensorTree>(grads: T.TensorTree, state: S, theta: P) => readonly [P, S];

/** `update` with the result multiplied by `factor`; with `base`, `base` + that (shaped like base). */
export type ScaledUpdate<S> = <G extends T.TensorTree>(grads: G, state: S, theta: T.TensorTree, factor: number, base?: T.TensorTree) => readonly [G, S];

/**
 * The last write of a fused kernel for element i: `factor · raw`, rounded as an update leaf of
 * float32 (`f32`) would store it, then added to `base[i]` when there is a base. Small enough
 * for V8 to inline into each loop.
 */
export const finish = (raw: number, factor: number, f32: boolean, base: T.TypedArray | undefined, i: number): number => {
  const scaled = factor * (f32 ? Math.fround(raw) : raw);
  return base === undefined ? scaled : (base[i] as number) + (f32 ? Math.fround(scaled) : scaled);
};

/** The learning rate's factor (−η_t) for a state, and the state after the step. */
export interface LearningRateStep<S> {
  readonly factor: (state: S) => number;
  readonly next: (state: S) => S;
}

interface Fusable<S> {
  readonly [scaledUpdate]?: ScaledUpdate<S>;
  readonly [learningRateStep]?: LearningRateStep<S>;
  readonly [stepped]?: Stepped<S>;
}

/** A transform whose `update` is `scaled(…, 1)`, and that chain may fuse with a learning rate. */
export function fusable<S extends T.TensorTree>(init: (theta: T.TensorTree) => S, scaled: ScaledUpdate<S>): GradientTransformation<S> {
  const step: Stepped<S> = (grads, state, theta) => scaled(grads, state, theta, 1, theta) as unknown as readonly [typeof theta, S];
  return { init, update: (grads, state, theta) => scaled(grads, state, theta, 1), [scaledUpdate]: scaled, [stepped]: step } as GradientTransformation<S>;
}

/** Marks a learning-rate transform so that chain can fold it into the transform before it. */
export function withLearningRateStep<S extends T.TensorTree>(transform: GradientTransformation<S>, step: LearningRateStep<S>, apply: Stepped<S>): GradientTransformation<S> {
  return Object.assign(transform, { [learningRateStep]: step, [stepped]: apply });
}

/** Marks a transform (a chain) that can update and apply in fewer passes than the two calls. */
export function withStepped<S extends T.TensorTree>(transform: GradientTransformation<S>, apply: Stepped<S>): GradientTransformation<S> {
  return Object.assign(transform, { [stepped]: apply });
}

/** The fused update of a transform, if it has one. */
export const scaledUpdateOf = <S>(transform: GradientTransformation<any>): ScaledUpdate<S> | undefined =>
  (transform as Fusable<S>)[scaledUpdate];

/** The update-and-apply of a transform, if it has one. */
export const steppedOf = <S>(transform: GradientTransformation<any>): Stepped<S> | undefined =>
  (transform as Fusable<S>)[stepped];

/** The learning-rate step of a transform, if it is one. */
export const learningRateStepOf = <S>(transform: GradientTransformation<any>): LearningRateStep<S> | undefined =>
  (transform as Fusable<S>)[learningRateStep];
