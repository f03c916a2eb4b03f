/**
 * Training and test loss against the step, drawn by uPlot. The history is sampled at the
 * snapshots the page receives and thinned to at most MAX_POINTS, so long runs stay cheap.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { ink } from './colors.js';
import { h } from './dom.js';

const MAX_POINTS = 1500;

/** Builds the chart; `add` appends a point, `clear` starts a new run. */
export function lossChart(): { readonly element: HTMLElement; readonly add: (step: number, train: number, test: number) => void; readonly clear: () => void; readonly resize: () => void } {
  const element = h('div', { class: 'loss-chart', 'data-testid': 'loss-chart', role: 'img', 'aria-label': 'training and test loss against the step' });
  let steps: number[] = [];
  let train: number[] = [];
  let test: number[] = [];
  let plot: uPlot | undefined;
  let dirty = false;

  const make = (): uPlot => {
    const width = Math.max(200, element.clientWidth || 300);
    return new uPlot({
      width,
      height: 150,
      legend: { show: false },
      cursor: { show: true, drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.05 : 1] } },
      axes: [
        { stroke: ink.muted, grid: { stroke: '#eceff2' }, ticks: { stroke: '#d9dee3' }, font: '11px system-ui, sans-serif', size: 28, label: '', values: (_u, v) => v.map((x) => (x >= 1000 ? `${x / 1000}k` : String(x))) },
        { stroke: ink.muted, grid: { stroke: '#eceff2' }, ticks: { stroke: '#d9dee3' }, font: '11px system-ui, sans-serif', size: 40 },
      ],
      series: [
        { label: 'step' },
        { label: 'training loss', stroke: ink.train, width: 1.5 },
        { label: 'test loss', stroke: ink.test, width: 2 },
      ],
    }, [steps, train, test], element);
  };

  const flush = (): void => {
    dirty = false;
    if (plot === undefined) plot = make();
    plot.setData([steps, train, test]);
  };

  const add = (step: number, trainLoss: number, testLoss: number): void => {
    const lastStep = steps[steps.length - 1];
    if (lastStep !== undefined && step < lastStep) clear();
    if (lastStep === step) {
      train[train.length - 1] = trainLoss;
      test[test.length - 1] = testLoss;
    } else {
      steps.push(step);
      train.push(trainLoss);
      test.push(testLoss);
    }
    if (steps.length > MAX_POINTS) {
      // Keep every other point (and the newest): the curve's shape survives, the cost halves.
      const keep = (_: number, i: number, a: readonly number[]): boolean => i % 2 === 0 || i === a.length - 1;
      steps = steps.filter(keep);
      train = train.filter(keep);
      test = test.filter(keep);
    }
    if (!dirty) {
      dirty = true;
      queueMicrotask(flush);
    }
  };

  const clear = (): void => {
    steps = [];
    train = [];
    test = [];
    plot?.setData([steps, train, test]);
  };

  const resize = (): void => plot?.setSize({ width: Math.max(200, element.clientWidth), height: 150 });

  return { element, add, clear, resize };
}
