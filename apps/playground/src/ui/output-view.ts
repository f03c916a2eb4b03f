/**
 * The network's output: a decision-boundary heatmap with the data points (binary
 * classification), a coloured surface (2-D regression), a curve against the data (1-D
 * regression), or the test set's confusion matrix (digits).
 */
import { rungeFunction } from '@theta/data';
import { CURVE, GRID } from '../engine/features.js';
import type { ProblemData, Snapshot } from '../engine/snapshot.js';
import { divergingCss, ink } from './colors.js';
import { checkbox, fmt, h } from './dom.js';
import { Heat } from './thumbnails.js';

/** Where a target value sits on the 1-D plot, from the top (0) to the bottom (1), with 15 % margins. */
function curveFraction([t0, t1]: readonly [number, number], v: number): number {
  const pad = (t1 - t0) * 0.15 + 1e-9;
  return 1 - (v - (t0 - pad)) / (t1 - t0 + 2 * pad);
}

/** The 1-D plot's y ticks: the targets' range and its middle, with their heights. */
const curveTicks = (range: readonly [number, number]): (readonly [number, number])[] =>
  [range[0], (range[0] + range[1]) / 2, range[1]].map((v) => [v, curveFraction(range, v)] as const);

/** Builds the view. */
export function outputView(): { readonly element: HTMLElement; readonly setData: (d: ProblemData) => void; readonly draw: (s: Snapshot) => void } {
  const canvas = h('canvas', { class: 'output-canvas', 'data-testid': 'heatmap', role: 'img', 'aria-label': 'the network output over the input plane, with the data points' });
  const context = canvas.getContext('2d')!;
  const heat = new Heat(GRID, GRID);
  const confusion = h('div', { class: 'confusion', 'data-testid': 'confusion' });
  const legend = h('div', { class: 'legend' });
  const ticks = h('div', { class: 'ticks' });
  let showTest = true;
  let discretize = false;
  let data: ProblemData | undefined;
  let last: Snapshot | undefined;
  // The data points never move while training: draw them once per size into their own layer.
  let pointsLayer: { canvas: HTMLCanvasElement; key: string } | undefined;
  const options = h('div', { class: 'output-options' },
    checkbox('Show test data', showTest, (v) => ((showTest = v), (pointsLayer = undefined), last && draw(last)), 'show-test'),
    checkbox('Discretize output', discretize, (v) => ((discretize = v), last && draw(last)), 'discretize'));
  const plot = h('div', { class: 'plot' }, canvas, ticks);
  const caption = h('p', { class: 'caption muted' });
  const element = h('div', { class: 'output-view' }, plot, confusion, legend, options, caption);

  /** Where a scaled coordinate u ∈ [−1, 1] lands on the canvas. */
  const toPixel = (u: number, size: number): number => ((u + 1) / 2) * size;

  const setData = (d: ProblemData): void => {
    data = d;
    caption.textContent = d.kind === 'binary'
      ? 'The background is the network’s output aᴸ = P(class 1 | x) over the plane; the boundary between orange and blue is where it crosses ½.'
      : d.kind === 'regression' && d.dims === 2
        ? 'The background is the network’s prediction over the plane; each point is coloured by its target t.'
        : d.kind === 'regression'
          ? 'The blue curve is the network’s prediction; the dashed curve is the noise-free function it learns from the points.'
          : 'Each row counts the test digits of one class by the class the network predicts (the argmax of its softmax output).';
    pointsLayer = undefined;
    const digits = d.dims === 64;
    plot.hidden = digits;
    confusion.hidden = !digits;
    options.hidden = digits;
    const [lo, hi] = d.axis;
    const mid = (lo + hi) / 2;
    ticks.replaceChildren(...(d.dims === 2 ? [
      h('span', { class: 'tick x lo' }, fmt(lo)), h('span', { class: 'tick x mid' }, fmt(mid)), h('span', { class: 'tick x hi' }, fmt(hi)),
      h('span', { class: 'tick y lo' }, fmt(lo)), h('span', { class: 'tick y hi' }, fmt(hi)),
    ] : d.dims === 1 ? [
      h('span', { class: 'tick x lo' }, fmt(lo)), h('span', { class: 'tick x mid' }, 'x'), h('span', { class: 'tick x hi' }, fmt(hi)),
      ...curveTicks(d.targetRange).map(([value, top]) => h('span', { class: 'tick y', style: `top:calc((100% - 18px) * ${top})` }, fmt(value, 2))),
    ] : []));
    const [t0, t1] = d.targetRange;
    legend.replaceChildren(...(d.kind === 'binary'
      ? [h('span', { class: 'swatch', style: `background:${divergingCss(-0.8)}` }), 'class 0', h('span', { class: 'bar' }), h('span', { class: 'swatch', style: `background:${divergingCss(0.8)}` }), 'class 1',
        h('span', { class: 'muted' }, '— white ring: training, dark ring: test')]
      : d.kind === 'regression' && d.dims === 2
        ? [fmt(t0), h('span', { class: 'bar wide' }), fmt(t1), h('span', { class: 'muted' }, ' · colour = prediction / target')]
        : d.kind === 'regression'
          ? [h('span', { class: 'line-key pred' }), 'network', h('span', { class: 'line-key truth' }), 'true function', h('span', { class: 'dot train' }), 'training', h('span', { class: 'dot test' }), 'test']
          : [h('span', { class: 'muted' }, 'rows: true digit · columns: predicted digit (test set)')]));
  };

  const colourOf = (d: ProblemData, y: number): string =>
    d.kind === 'binary' ? divergingCss(y === 1 ? 0.85 : -0.85) : divergingCss((2 * (y - d.targetRange[0])) / Math.max(1e-9, d.targetRange[1] - d.targetRange[0]) - 1);

  const drawPoints = (d: ProblemData, size: number, dpr: number): void => {
    const key = `${size}/${dpr}/${showTest}`;
    if (pointsLayer?.key !== key) {
      const layer = document.createElement('canvas');
      layer.width = size;
      layer.height = size;
      paintPoints(layer.getContext('2d')!, d, size, dpr);
      pointsLayer = { canvas: layer, key };
    }
    context.drawImage(pointsLayer.canvas, 0, 0);
  };

  const paintPoints = (context: CanvasRenderingContext2D, d: ProblemData, size: number, dpr: number): void => {
    const r = Math.max(2.5, size / 90);
    const part = (points: Float64Array, ys: readonly number[], test: boolean): void => {
      for (let i = 0; i < ys.length; i++) {
        context.beginPath();
        context.arc(toPixel(points[2 * i] as number, size), size - toPixel(points[2 * i + 1] as number, size), r, 0, 2 * Math.PI);
        context.fillStyle = colourOf(d, ys[i] as number);
        context.fill();
        context.lineWidth = (test ? 1.3 : 1) * dpr;
        context.strokeStyle = test ? '#2b3440' : 'rgba(255,255,255,0.9)';
        context.stroke();
      }
    };
    part(d.pointsTrain, d.yTrain, false);
    if (showTest) part(d.pointsTest, d.yTest, true);
  };

  const drawCurve = (d: ProblemData, s: Snapshot, size: number, dpr: number): void => {
    const yOf = (v: number): number => curveFraction(d.targetRange, v) * size;
    const [t0, t1] = d.targetRange;
    context.fillStyle = '#fbfaf8';
    context.fillRect(0, 0, size, size);
    context.strokeStyle = ink.faint;
    context.lineWidth = dpr;
    for (const v of [t0, (t0 + t1) / 2, t1]) {
      context.beginPath();
      context.moveTo(0, yOf(v));
      context.lineTo(size, yOf(v));
      context.stroke();
    }
    const line = (f: (i: number) => number, colour: string, width: number, dash: number[]): void => {
      context.beginPath();
      for (let i = 0; i < CURVE; i++) {
        const x = (i / (CURVE - 1)) * size;
        if (i === 0) context.moveTo(x, yOf(f(i)));
        else context.lineTo(x, yOf(f(i)));
      }
      context.setLineDash(dash.map((v) => v * dpr));
      context.strokeStyle = colour;
      context.lineWidth = width * dpr;
      context.stroke();
      context.setLineDash([]);
    };
    line((i) => rungeFunction(-1 + (2 * i) / (CURVE - 1)), ink.muted, 1.5, [5, 4]);
    const r = 3 * dpr;
    const dots = (points: Float64Array, ys: readonly number[], test: boolean): void => {
      for (let i = 0; i < ys.length; i++) {
        context.beginPath();
        context.arc(toPixel(points[i] as number, size), yOf(ys[i] as number), r, 0, 2 * Math.PI);
        context.fillStyle = test ? '#fff' : ink.orange;
        context.fill();
        context.strokeStyle = test ? ink.text : '#fff';
        context.lineWidth = dpr;
        context.stroke();
      }
    };
    dots(d.pointsTrain, d.yTrain, false);
    if (showTest) dots(d.pointsTest, d.yTest, true);
    line((i) => s.output[i] as number, ink.blue, 2.5, []);
  };

  const drawConfusion = (s: Snapshot): void => {
    const M = s.confusion;
    const rows = Array.from({ length: 10 }, (_, i) => {
      const total = Math.max(1, M.slice(i * 10, i * 10 + 10).reduce((a, b) => a + b, 0));
      return h('tr', {}, h('th', { scope: 'row' }, String(i)), ...Array.from({ length: 10 }, (_, j) => {
        const v = M[i * 10 + j] as number;
        const t = (i === j ? 1 : -1) * Math.min(1, (v / total) * (i === j ? 1 : 3));
        return h('td', { style: `background:${v === 0 ? 'transparent' : divergingCss(t)};color:${Math.abs(t) > 0.6 ? '#fff' : ink.text}` }, v === 0 ? '' : String(v));
      }));
    });
    confusion.replaceChildren(h('table', {},
      h('caption', {}, `Test accuracy ${(100 * s.testMetric).toFixed(1)} %`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 't \\ ŷ'), ...Array.from({ length: 10 }, (_, j) => h('th', { scope: 'col' }, String(j))))),
      h('tbody', {}, ...rows)));
  };

  const draw = (s: Snapshot): void => {
    last = s;
    if (data === undefined) return;
    if (data.dims === 64) return drawConfusion(s);
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const size = Math.round((canvas.clientWidth || 300) * dpr);
    if (canvas.width !== size) (canvas.width = size), (canvas.height = size);
    if (data.dims === 1) return drawCurve(data, s, size, dpr);
    const d = data;
    const map = d.kind === 'binary'
      ? (p: number) => (discretize ? (p > 0.5 ? 0.85 : -0.85) : 2 * p - 1)
      : (v: number) => {
          const t = (2 * (v - d.targetRange[0])) / Math.max(1e-9, d.targetRange[1] - d.targetRange[0]) - 1;
          return discretize ? Math.round(t * 4) / 4 : t;
        };
    heat.draw(s.output, map);
    context.imageSmoothingEnabled = true;
    context.drawImage(heat.canvas, 0, 0, size, size);
    // Wash the heatmap towards white so the data points stand out on it.
    context.fillStyle = 'rgba(255,255,255,0.18)';
    context.fillRect(0, 0, size, size);
    drawPoints(d, size, dpr);
  };

  return { element, setData, draw };
}
