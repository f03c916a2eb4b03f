/**
 * The Wengert list drawn as a graph: inputs on the left, each node x_i in the column after its
 * deepest parent, arrows from parents to children, and under each node its value and adjoint.
 */
import { fmt, svg } from '../ui/dom.js';
import { nodeLabel, type ExplorerRow } from './wengert.js';

const COLUMN = 128;
const ROW = 84;
const RADIUS = 24;

/** An SVG drawing of the rows' graph. */
export function graphView(rows: readonly ExplorerRow[]): SVGSVGElement {
  const depth = new Map<number, number>();
  for (const row of rows) depth.set(row.i, row.parents.length === 0 ? 0 : 1 + Math.max(...row.parents.map((p) => depth.get(p) ?? 0)));
  const columns = new Map<number, number[]>();
  for (const row of rows) {
    const d = depth.get(row.i) ?? 0;
    columns.set(d, [...(columns.get(d) ?? []), row.i]);
  }
  const tallest = Math.max(1, ...[...columns.values()].map((c) => c.length));
  const width = (Math.max(...depth.values(), 0) + 1) * COLUMN;
  const height = tallest * ROW + 16;
  const position = new Map<number, { x: number; y: number }>();
  for (const [d, ids] of columns) {
    ids.forEach((id, k) => position.set(id, { x: COLUMN / 2 + d * COLUMN, y: (height - ids.length * ROW) / 2 + k * ROW + ROW / 2 - 8 }));
  }
  const out = svg('svg', { class: 'wengert-graph', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'the Wengert list as a graph', 'data-testid': 'explorer-graph' },
    svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#7a8796' }))));
  const last = rows[rows.length - 1]?.i;
  for (const row of rows) {
    const to = position.get(row.i)!;
    for (const p of new Set(row.parents)) {
      const from = position.get(p)!;
      const dx = to.x - from.x;
      const dy = to.y - from.y;
      const length = Math.hypot(dx, dy) || 1;
      out.append(svg('line', {
        x1: from.x + (dx / length) * RADIUS, y1: from.y + (dy / length) * RADIUS, x2: to.x - (dx / length) * (RADIUS + 2), y2: to.y - (dy / length) * (RADIUS + 2),
        class: 'edge', 'marker-end': 'url(#arrow)',
      }));
    }
  }
  for (const row of rows) {
    const { x, y } = position.get(row.i)!;
    const kind = row.op === 'input' ? 'input' : row.i === last ? 'output' : 'inner';
    out.append(svg('g', { class: `vertex ${kind}` },
      svg('title', {}, `${nodeLabel(row.i)} = ${row.formula}: value ${fmt(row.value)}, adjoint ${fmt(row.adjoint)}`),
      svg('circle', { cx: x, cy: y, r: RADIUS }),
      svg('text', { x, y: y - 3, class: 'name' }, nodeLabel(row.i)),
      svg('text', { x, y: y + 11, class: 'op' }, row.op),
      svg('text', { x, y: y + RADIUS + 13, class: 'value' }, `= ${fmt(row.value, 3)}`),
      svg('text', { x, y: y + RADIUS + 26, class: 'adjoint' }, `x̄ = ${fmt(row.adjoint, 3)}`)));
  }
  return out;
}
