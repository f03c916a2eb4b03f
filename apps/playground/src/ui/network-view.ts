/**
 * The network: feature toggles, one column of nodes per layer with a small heatmap in each
 * node (what that node computes over the input plane), and links coloured by the sign of
 * w^l_jk and as thick as |w^l_jk|. Layer and node counts and each layer's σ are edited here.
 */
import type { ActivationName } from '@theta/nn';
import * as T from '@theta/tensor';
import { featureMatrix, gridPoints } from '../engine/features.js';
import type { ProblemData, Snapshot } from '../engine/snapshot.js';
import { featureLabels, featureNames, hiddenActivationNames, limits, outputActivationNames, problems, usesSecondInput, type FeatureName, type PlaygroundConfig } from '../state/config.js';
import { outputAllowed } from '../state/normalise.js';
import { divergingCss } from './colors.js';
import { button, fmt, h, select, svg } from './dom.js';
import { activationScale, column, Heat, heatFor } from './thumbnails.js';

/** What the view asks the app to change. */
export interface NetworkActions {
  readonly toggleFeature: (feature: FeatureName) => void;
  readonly setHidden: (hidden: readonly number[], activations: readonly ActivationName[]) => void;
  readonly setOutput: (output: ActivationName) => void;
}

/** Human names of the activations. */
export const activationLabels: Readonly<Record<string, string>> = {
  tanh: 'tanh', sigmoid: 'sigmoid', relu: 'ReLU', leakyRelu: 'leaky ReLU', elu: 'ELU', softplus: 'softplus', gelu: 'GELU', identity: 'identity', softmax: 'softmax',
};

interface NodeView {
  readonly el: HTMLElement;
  readonly heat: Heat | undefined;
  /** Top-left corner and side, in pixels. */
  readonly x: number;
  readonly y: number;
  readonly s: number;
}

/** Builds the view; `update` rebuilds it for a config, `draw` paints a snapshot, `setData` the digits' sample. */
export function networkView(actions: NetworkActions): {
  readonly element: HTMLElement;
  readonly update: (config: PlaygroundConfig) => void;
  readonly draw: (s: Snapshot, details?: boolean) => void;
  readonly setData: (d: ProblemData) => void;
} {
  const element = h('div', { class: 'network', 'data-testid': 'network' });
  let nodes: NodeView[][] = [];
  let links: SVGPathElement[][] = [];
  let config: PlaygroundConfig | undefined;
  let last: Snapshot | undefined;
  let inputGrid = { values: new Float32Array(0), count: 1 };
  let sample: readonly number[] = [];

  const update = (next: PlaygroundConfig): void => {
    config = next;
    const info = problems[next.problem];
    const width = Math.max(280, element.clientWidth || 560);
    const size = Math.round(Math.min(40, Math.max(26, width / 14)));
    const inputs: readonly (FeatureName | 'pixels')[] = info.dims === 64 ? ['pixels'] : featureNames.filter((f) => info.dims === 2 || !usesSecondInput.has(f));
    if (info.dims !== 64) {
      // Every feature over the grid, used or not, so switched-off inputs still show what they are.
      const shown = inputs as readonly FeatureName[];
      inputGrid = { values: Float32Array.from(T.toArray(featureMatrix(gridPoints(info.dims), info.dims, shown))), count: shown.length };
    }
    const counts = [inputs.length, ...next.hidden, info.dims === 64 ? 10 : 1];
    const digits = info.dims === 64;
    const gap = digits ? Math.max(4, Math.min(10, 520 / Math.max(...counts) - size)) : 10;
    const nodeSize = (l: number): number => (digits && l > 0 ? Math.max(12, Math.min(size, 460 / counts[l]! - gap)) : size);
    const columns = counts.length;
    const left = 62;
    const right = 18;
    const xOf = (l: number): number => left + (l * (width - left - right - size)) / (columns - 1);
    const top = 6;
    nodes = counts.map((n, l) =>
      Array.from({ length: n }, (_, j) => {
        const s = l === 0 && digits ? size * 2 : nodeSize(l);
        return { el: h('div'), heat: undefined, x: xOf(l) + (size - s) / 2, y: top + j * (s + gap), s } as NodeView;
      }),
    );
    const height = Math.max(...nodes.map((col) => (col.length === 0 ? 0 : col[col.length - 1]!.y + col[col.length - 1]!.s))) + 16;

    const linkLayer = svg('svg', { class: 'links', width, height, viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true' });
    const active = (k: number): boolean => digits || next.features.includes(inputs[k] as FeatureName);
    links = counts.slice(1).map((n, l) => {
      const paths: SVGPathElement[] = [];
      for (let j = 0; j < n; j++) {
        const to = nodes[l + 1]![j]!;
        const sources = nodes[l]!.map((node, k) => ({ node, k })).filter(({ k }) => l > 0 || active(k));
        for (const { node: from } of sources) {
          const [x1, y1, x2, y2] = [from.x + from.s, from.y + from.s / 2, to.x, to.y + to.s / 2];
          const mid = (x1 + x2) / 2;
          // The digits' 64 inputs are one block: its links to layer 1 are drawn plain.
          const path = svg('path', { d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`, class: digits && l === 0 ? 'link plain' : 'link' });
          path.append(svg('title'));
          linkLayer.append(path);
          paths.push(path);
        }
      }
      return paths;
    });

    const body = h('div', { class: 'network-body', style: `height:${height}px;width:${width}px` }, linkLayer);
    nodes = nodes.map((col, l) =>
      col.map((node, j) => {
        const s = node.s;
        const style = `left:${node.x}px;top:${node.y}px;width:${s}px;height:${s}px`;
        if (l === 0 && !digits) {
          const f = inputs[j] as FeatureName;
          const on = next.features.includes(f);
          const heat = heatFor(info.dims);
          const el = h('button', {
            type: 'button', class: `node feature${on ? ' on' : ''}`, style, 'aria-pressed': String(on), 'data-testid': `feature-${f}`,
            'aria-label': `input feature ${featureLabels[f]}: ${on ? 'used' : 'not used'}`, title: `${featureLabels[f]} — click to ${on ? 'remove' : 'use'} this input`,
            onClick: () => actions.toggleFeature(f),
          }, heat.canvas, h('span', { class: 'feature-label' }, featureLabels[f]));
          body.append(el);
          return { ...node, el, heat };
        }
        const heat = l === 0 ? heatFor(64) : info.dims === 64 ? (l === 1 ? heatFor(64) : undefined) : heatFor(info.dims);
        const label = l === 0 ? 'the 8×8 pixels of a training digit' : l === counts.length - 1 ? (digits ? `output: digit ${j}` : 'output') : `layer ${l}, node ${j + 1}`;
        const el = h('div', { class: `node${l === counts.length - 1 ? ' output' : ''}`, style, title: label, role: 'img', 'aria-label': label },
          heat?.canvas, digits && l === counts.length - 1 ? h('span', { class: 'digit-label' }, String(j)) : null);
        body.append(el);
        return { ...node, el, heat };
      }),
    );

    // Column headers: layer sizes and σ^l, with buttons to add or remove nodes.
    const spacing = columns > 1 ? (width - left - right - size) / (columns - 1) : width;
    const headers = h('div', { class: `network-headers${spacing < 96 ? ' tight' : ''}`, style: `width:${width}px` });
    headers.append(h('div', { class: 'col-head', style: `left:0px;width:${left + size}px` }, h('strong', {}, digits ? 'Input' : 'Features'), h('span', { class: 'muted' }, digits ? '64 pixels' : 'click to toggle')));
    next.hidden.forEach((n, l) => {
      const max = digits ? limits.maxDigitNodes : limits.maxNodes;
      const setNodes = (count: number): void => actions.setHidden(next.hidden.map((m, i) => (i === l ? count : m)), next.activations);
      const step = digits ? 4 : 1;
      headers.append(h('div', { class: 'col-head', style: `left:${xOf(l + 1) + size / 2}px;width:${Math.min(120, spacing - 4)}px` },
        h('div', { class: 'node-buttons' },
          button('−', () => setNodes(Math.max(1, n - step)), { label: `remove a node from hidden layer ${l + 1}`, disabled: n <= 1, testid: `remove-node-${l + 1}` }),
          h('span', { class: 'count', 'data-testid': `nodes-${l + 1}`, title: `${n} nodes in hidden layer ${l + 1}` }, String(n)),
          button('+', () => setNodes(Math.min(max, n + step)), { label: `add a node to hidden layer ${l + 1}`, disabled: n >= max, testid: `add-node-${l + 1}` })),
        select(`σ of hidden layer ${l + 1}`, hiddenActivationNames.map((a) => [a, activationLabels[a] ?? a] as const), next.activations[l] as (typeof hiddenActivationNames)[number],
          (a) => actions.setHidden(next.hidden, next.activations.map((b, i) => (i === l ? a : b))), { hideLabel: true, testid: `activation-${l + 1}` })));
    });
    const outputs = outputActivationNames.filter((a) => outputAllowed(info.kind, next.cost, a));
    headers.append(h('div', { class: 'col-head last', style: `right:0px;width:${Math.min(120, spacing - 4)}px` },
      h('strong', {}, 'Output'),
      select('σ of the output layer', outputs.map((a) => [a, activationLabels[a] ?? a] as const), next.output as (typeof outputActivationNames)[number], (a) => actions.setOutput(a),
        { hideLabel: true, testid: 'activation-output', title: outputs.length === 1 ? `${activationLabels[next.output]} is what the cost needs` : 'σ of the output layer' })));

    const layerButtons = h('div', { class: 'layer-buttons' },
      button('−', () => actions.setHidden(next.hidden.slice(0, -1), next.activations.slice(0, -1)), { label: 'remove a hidden layer', disabled: next.hidden.length === 0, testid: 'remove-layer' }),
      button('+', () => actions.setHidden([...next.hidden, next.hidden[next.hidden.length - 1] ?? (digits ? 16 : 4)], [...next.activations, next.activations[next.activations.length - 1] ?? (digits ? 'relu' : 'tanh')]),
        { label: 'add a hidden layer', disabled: next.hidden.length >= limits.maxHiddenLayers, testid: 'add-layer' }),
      h('span', { 'data-testid': 'hidden-layers' }, `${next.hidden.length} hidden layer${next.hidden.length === 1 ? '' : 's'}`));
    const caption = h('p', { class: 'caption muted' }, digits
      ? 'Each first-layer square shows that node’s 64 incoming weights as an 8×8 image. Link colour: the sign of the weight (orange −, blue +); thickness: its size.'
      : 'Each square shows what that node computes over the input plane (orange: negative or class 0, blue: positive or class 1). Link colour: the sign of the weight w; thickness: |w|. Hover a link for its value.');
    element.replaceChildren(layerButtons, h('div', { class: 'network-scroll' }, headers, body), caption);
    if (last !== undefined && last.sizes.length === counts.length) draw(last);
  };

  /** Paints a snapshot; `details` also rewrites every link's tooltip (skipped while playing). */
  const draw = (s: Snapshot, details = true): void => {
    last = s;
    if (config === undefined) return;
    const digits = problems[config.problem].dims === 64;
    // Links: colour by sign, width by |w| relative to the largest weight of the network.
    const maxW = Math.max(1e-9, ...s.weights.map((p) => p.W.reduce((m, w) => Math.max(m, Math.abs(w)), 0)));
    links.forEach((paths, l) => {
      const W = s.weights[l]?.W;
      const fanIn = s.sizes[l] ?? 0;
      if (W === undefined || W.length !== paths.length) return;
      paths.forEach((path, i) => {
        const w = W[i] as number;
        path.setAttribute('stroke', divergingCss(w / maxW));
        path.setAttribute('stroke-width', String(Math.max(0.6, Math.min(digits && l === 0 ? 1.5 : 7, (Math.abs(w) / maxW) * (digits && l === 0 ? 1.5 : 7)))));
        if (details) path.firstElementChild!.textContent = `w${l + 1} from node ${(i % fanIn) + 1} to node ${Math.floor(i / fanIn) + 1}: ${fmt(w)}`;
      });
    });
    nodes.forEach((col, l) => {
      col.forEach((node, j) => {
        if (node.heat === undefined) {
          const b = s.weights[l - 1]?.b[j];
          if (b !== undefined) node.el.style.background = divergingCss(Math.tanh(b));
          return;
        }
        if (digits) {
          if (l === 1) {
            const W = s.weights[0]!.W;
            const row = W.subarray(j * 64, j * 64 + 64);
            const m = Math.max(1e-9, ...Array.from(row, Math.abs));
            node.heat.draw(row, (v) => v / m);
          } else if (l === 0) node.heat.draw(sample.length === 64 ? sample : new Array<number>(64).fill(0), (v) => v);
          return;
        }
        const values = s.nodeValues[l];
        if (values === undefined) return;
        if (l === 0) {
          node.heat.draw(column(inputGrid.values, j, inputGrid.count), (v) => v);
          return;
        }
        const n = s.sizes[l]!;
        node.heat.draw(column(values, j, n), activationScale(s.activations[l - 1]!, values, j, n));
      });
    });
  };

  const setData = (d: ProblemData): void => {
    sample = d.sample;
    if (last !== undefined) draw(last);
  };

  return { element, update, draw, setData };
}

