/**
 * The mathematics panel: the notes' δ-equations next to their numbers for the current
 * minibatch — δ^l per layer (a small heatmap: rows are examples, columns are nodes), the norms
 * of ∂C/∂W^l and ∂C/∂b^l, the optimiser's state — and a live check that the δ-equations and
 * reverse-mode autodiff give the same gradient.
 */
import type { MathSnapshot } from '../engine/math.js';
import { AGREEMENT_TOLERANCE } from '../engine/math.js';
import type { GradientSource, OptimiserName } from '../state/config.js';
import { divergingCss } from './colors.js';
import { fmt, h } from './dom.js';

/** The optimisers' display names. */
export const optimiserLabels: Readonly<Record<OptimiserName, string>> = {
  sgd: 'SGD', momentum: 'Momentum', nesterov: 'Nesterov', adagrad: 'Adagrad', rmsprop: 'RMSprop', adam: 'Adam', adamw: 'AdamW', adamax: 'Adamax', nadam: 'Nadam',
};

const sup = (text: string): HTMLElement => h('sup', {}, text);
const sub = (text: string): HTMLElement => h('sub', {}, text);

/** The notes' equations, set in HTML. */
function equations(): HTMLElement {
  return h('div', { class: 'equations', 'aria-label': 'the back-propagation equations' },
    h('div', {}, 'δ', sup('L'), ' = σ′(z', sup('L'), ') ⊙ ∂C/∂a', sup('L')),
    h('div', {}, 'δ', sup('l'), ' = ((W', sup('l+1'), ')', sup('T'), ' δ', sup('l+1'), ') ⊙ σ′(z', sup('l'), ')', h('span', { class: 'muted' }, '  for l = L−1, …, 1')),
    h('div', {}, '∂C/∂W', sup('l'), ' = δ', sup('l'), ' (a', sup('l−1'), ')', sup('T'), ',   ∂C/∂b', sup('l'), ' = δ', sup('l')),
    h('div', {}, 'C(Θ) = ‖t − a', sup('L'), '‖', sub('2'), sup('2'), ' + λ‖W‖', sub('2'), sup('2')),
    h('p', { class: 'muted note' }, 'The cost is averaged over the minibatch; the penalty covers the weights only, unless the biases are ticked. Σ over the batch gives ∂C/∂W and ∂C/∂b.'));
}

/** A tiny heatmap of δ^l: one row per node j, one column per example of the batch. */
function deltaHeat(values: readonly number[], rows: number, nodes: number): HTMLCanvasElement {
  const cell = nodes > 16 ? 4 : 11;
  const canvas = h('canvas', { width: rows * cell, height: nodes * cell, class: 'delta-heat', title: 'δ^l: one row per node, one column per example of the minibatch' });
  const context = canvas.getContext('2d');
  if (context === null) return canvas;
  const max = Math.max(1e-12, ...values.map(Math.abs));
  values.forEach((v, i) => {
    context.fillStyle = divergingCss(v / max);
    context.fillRect(Math.floor(i / nodes) * cell, (i % nodes) * cell, cell - 1, cell - 1);
  });
  return canvas;
}

/** Builds the panel; `draw` shows a snapshot's numbers. */
export function mathPanel(): { readonly element: HTMLElement; readonly draw: (m: MathSnapshot, optimiser: OptimiserName, source: GradientSource) => void } {
  const title = h('p', { class: 'math-step' });
  const agreement = h('p', { class: 'agreement', 'data-testid': 'agreement', role: 'status' });
  const layers = h('tbody');
  const state = h('dl', { class: 'opt-state', 'data-testid': 'optimiser-state' });
  const table = h('table', { class: 'layers' },
    h('caption', { class: 'sr-only' }, 'per-layer quantities of the current minibatch'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'layer l'), h('th', { scope: 'col' }, 'W', sup('l'), ' shape'), h('th', { scope: 'col' }, 'σ', sup('l')),
      h('th', { scope: 'col' }, 'δ', sup('l'), h('span', { class: 'muted' }, ' (nodes × examples)')), h('th', { scope: 'col' }, '‖δ', sup('l'), '‖'),
      h('th', { scope: 'col' }, '‖∂C/∂W', sup('l'), '‖'), h('th', { scope: 'col' }, '‖∂C/∂b', sup('l'), '‖'), h('th', { scope: 'col' }, '‖W', sup('l'), '‖'),
      h('th', { scope: 'col' }, 'max |Δ| δ-eq. vs reverse'))),
    layers);
  const element = h('div', { class: 'math' },
    h('div', { class: 'math-top' }, equations(), h('div', { class: 'math-side' }, title, agreement, h('h3', {}, 'Optimiser state'), state)),
    h('div', { class: 'table-scroll' }, table));

  const draw = (m: MathSnapshot, optimiser: OptimiserName, source: GradientSource): void => {
    title.replaceChildren(
      h('strong', {}, `Next step, t = ${m.step}`), `: its minibatch of ${m.batchSize} points has C(Θ) = ${fmt(m.batchLoss)}; γ`, sub('t'), ` = ${fmt(m.learningRate)}. `,
      h('span', { class: 'muted' }, `Training uses ${source === 'delta' ? 'the δ-equations' : 'reverse mode'}.`));
    agreement.className = `agreement ${m.agree ? 'ok' : 'bad'}`;
    agreement.dataset['maxRelDiff'] = String(m.maxRelDiff);
    agreement.dataset['agree'] = String(m.agree);
    agreement.replaceChildren(
      h('span', { class: 'badge' }, m.agree ? '✓ agree' : '✗ differ'),
      ` δ-equations and reverse mode: largest relative difference ${fmt(m.maxRelDiff, 2)} (tolerance ${fmt(AGREEMENT_TOLERANCE, 1)}); loss difference ${fmt(m.lossDiff, 2)}.`);
    layers.replaceChildren(...m.layers.map((l) => h('tr', {},
      h('th', { scope: 'row' }, String(l.layer)),
      h('td', {}, `${l.nodes} × ${l.inputs}`),
      h('td', {}, l.activation),
      h('td', {}, deltaHeat(l.deltaSample, l.deltaRows, l.nodes)),
      h('td', { class: 'num' }, fmt(l.deltaNorm)),
      h('td', { class: 'num' }, fmt(l.gradW)),
      h('td', { class: 'num' }, fmt(l.gradB)),
      h('td', { class: 'num' }, fmt(l.weightNorm)),
      h('td', { class: `num ${l.relDiff <= AGREEMENT_TOLERANCE ? 'ok' : 'bad'}` }, fmt(l.maxDiff, 2)))));
    state.replaceChildren(
      h('dt', {}, optimiserLabels[optimiser]),
      h('dd', {}, m.optimiser.length === 0 ? 'no state: Θ ← Θ − γ ∂C/∂Θ' : ''),
      ...m.optimiser.flatMap((e) => [h('dt', {}, e.isNorm ? `‖${e.label}‖` : e.label), h('dd', { class: 'num' }, e.isNorm ? fmt(e.value) : String(e.value))]));
  };

  return { element, draw };
}
