// Small SVG drawing helpers for the guides' figures: line plots (linear or log axes), heatmaps
// and left-to-right graphs. Output is deterministic (coordinates rounded to 0.01), so a test can
// regenerate a figure and compare it with the committed file.

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"';

/** Rounds a coordinate to 0.01 and prints it without trailing zeros. */
const r = (v) => String(Math.round(v * 100) / 100);

/** Escapes text for SVG. */
export const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** "Nice" tick values covering [lo, hi]: steps of 1, 2 or 5 × 10^k. */
export function niceTicks(lo, hi, count = 7) {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** A tick label: short, no float noise, powers of ten as 1e-3. */
export function tickLabel(v, log = false) {
  if (log) return `1e${Math.round(Math.log10(v))}`;
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(0) : String(Number(v.toPrecision(6)));
}

function frame(width, height, title, body) {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    title ? `<text x="${r(width / 2)}" y="20" text-anchor="middle" font-size="14" font-weight="600">${esc(title)}</text>` : '',
    ...body,
    '</svg>',
    '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * A line plot. `series`: `[{ name, points: [[x, y], …], dashed? }]`. Options: `title`,
 * `xLabel`, `yLabel`, `logX`, `logY`, `xDomain`, `yDomain`, `width`, `height`.
 */
export function linePlot({ series, title = '', xLabel = '', yLabel = '', logX = false, logY = false, xDomain, yDomain, width = 640, height = 380 }) {
  const m = { left: 70, right: 150, top: title ? 34 : 14, bottom: 48 };
  const fx = logX ? Math.log10 : (v) => v;
  const fy = logY ? Math.log10 : (v) => v;
  const all = series.flatMap((s) => s.points).filter(([x, y]) => Number.isFinite(fx(x)) && Number.isFinite(fy(y)));
  const [x0, x1] = xDomain ?? [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
  let [y0, y1] = yDomain ?? [Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[1]))];
  if (!yDomain && !logY) {
    const pad = (y1 - y0) * 0.05 || 1;
    [y0, y1] = [y0 - pad, y1 + pad];
  }
  const X = (v) => m.left + ((fx(v) - fx(x0)) / (fx(x1) - fx(x0))) * (width - m.left - m.right);
  const Y = (v) => height - m.bottom - ((fy(v) - fy(y0)) / (fy(y1) - fy(y0))) * (height - m.top - m.bottom);
  const decades = (lo, hi) => {
    const out = [];
    for (let k = Math.ceil(Math.log10(lo) - 1e-9); k <= Math.floor(Math.log10(hi) + 1e-9); k += 1) out.push(10 ** k);
    return out;
  };
  const xt = logX ? decades(x0, x1) : niceTicks(x0, x1);
  const yt = logY ? decades(y0, y1) : niceTicks(y0, y1);
  const body = [];
  const plotRight = width - m.right;
  // Every tick gets a grid line; labels are thinned so that they never overlap.
  const yStride = Math.ceil(yt.length / 9);
  const xStride = Math.ceil(xt.length / 8);
  yt.forEach((t, k) => {
    body.push(`<line x1="${m.left}" x2="${plotRight}" y1="${r(Y(t))}" y2="${r(Y(t))}" stroke="#e5e5e5"/>`);
    if (k % yStride === 0) body.push(`<text x="${m.left - 6}" y="${r(Y(t) + 4)}" text-anchor="end">${esc(tickLabel(t, logY))}</text>`);
  });
  xt.forEach((t, k) => {
    body.push(`<line x1="${r(X(t))}" x2="${r(X(t))}" y1="${m.top}" y2="${height - m.bottom}" stroke="#e5e5e5"/>`);
    if (k % xStride === 0) body.push(`<text x="${r(X(t))}" y="${height - m.bottom + 16}" text-anchor="middle">${esc(tickLabel(t, logX))}</text>`);
  });
  body.push(`<rect x="${m.left}" y="${m.top}" width="${r(plotRight - m.left)}" height="${r(height - m.top - m.bottom)}" fill="none" stroke="#444"/>`);
  if (xLabel) body.push(`<text x="${r((m.left + plotRight) / 2)}" y="${height - 10}" text-anchor="middle">${esc(xLabel)}</text>`);
  if (yLabel) body.push(`<text transform="translate(16 ${r((m.top + height - m.bottom) / 2)}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`);
  series.forEach((s, k) => {
    const color = s.color ?? PALETTE[k % PALETTE.length];
    const pts = s.points.filter(([x, y]) => Number.isFinite(fx(x)) && Number.isFinite(fy(y)));
    const d = pts.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${r(X(x))} ${r(Y(Math.min(Math.max(y, y0), y1)))}`).join(' ');
    body.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    if (s.markers) for (const [x, y] of pts) body.push(`<circle cx="${r(X(x))}" cy="${r(Y(y))}" r="3" fill="${color}"/>`);
    const ly = m.top + 14 + k * 20;
    body.push(`<line x1="${plotRight + 12}" x2="${plotRight + 36}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    body.push(`<text x="${plotRight + 42}" y="${ly + 4}">${esc(s.name)}</text>`);
  });
  return frame(width, height, title, body);
}

/** Linear interpolation between two #rrggbb colours. */
function mix(a, b, t) {
  const p = (c, i) => parseInt(c.slice(1 + 2 * i, 3 + 2 * i), 16);
  const h = (v) => Math.round(v).toString(16).padStart(2, '0');
  return `#${[0, 1, 2].map((i) => h(p(a, i) + (p(b, i) - p(a, i)) * t)).join('')}`;
}

/** A sequential colour scale (viridis-like) for t in [0, 1]. */
export function colour(t) {
  const stops = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
  const u = Math.min(Math.max(t, 0), 1) * (stops.length - 1);
  const i = Math.min(Math.floor(u), stops.length - 2);
  return mix(stops[i], stops[i + 1], u - i);
}

/**
 * A heatmap of `values[row][col]` with row labels (y, top to bottom) and column labels (x).
 * `format(v)` prints a cell; `higherIsBetter` picks the direction of the colour scale (bright =
 * better); `logScale` colours by log10. The best cell is outlined.
 */
export function heatmap({ values, rows, cols, title = '', xLabel = '', yLabel = '', format = (v) => String(v), higherIsBetter = true, logScale = false, cell = 64 }) {
  const m = { left: 104, right: 20, top: title ? 40 : 16, bottom: 56 };
  const width = m.left + cols.length * cell + m.right;
  const height = m.top + rows.length * (cell * 0.6) + m.bottom;
  const h = cell * 0.6;
  const f = logScale ? (v) => Math.log10(v) : (v) => v;
  const finite = values.flat().filter((v) => Number.isFinite(f(v)));
  const lo = Math.min(...finite.map(f));
  // On a log scale, colour two decades at most: a blown-up cell would wash out all the others.
  const hi = Math.min(Math.max(...finite.map(f)), logScale && !higherIsBetter ? lo + 2 : Infinity);
  const best = higherIsBetter ? Math.max(...finite) : Math.min(...finite);
  const body = [];
  values.forEach((row, i) => {
    row.forEach((v, j) => {
      const x = m.left + j * cell;
      const y = m.top + i * h;
      const ok = Number.isFinite(f(v));
      const t = ok ? (hi === lo ? 1 : Math.min((f(v) - lo) / (hi - lo), 1)) : 0;
      const fill = ok ? colour(higherIsBetter ? t : 1 - t) : '#dddddd';
      const shade = higherIsBetter ? t : 1 - t;
      body.push(`<rect x="${r(x)}" y="${r(y)}" width="${cell}" height="${r(h)}" fill="${fill}"${ok && v === best ? ' stroke="#000" stroke-width="3"' : ' stroke="#fff"'}/>`);
      body.push(`<text x="${r(x + cell / 2)}" y="${r(y + h / 2 + 4)}" text-anchor="middle" fill="${ok && shade > 0.6 ? '#000' : '#fff'}">${esc(ok ? format(v) : '—')}</text>`);
    });
    body.push(`<text x="${m.left - 6}" y="${r(m.top + i * h + h / 2 + 4)}" text-anchor="end">${esc(rows[i])}</text>`);
  });
  cols.forEach((c, j) => body.push(`<text x="${r(m.left + j * cell + cell / 2)}" y="${r(m.top + rows.length * h + 16)}" text-anchor="middle">${esc(c)}</text>`));
  if (xLabel) body.push(`<text x="${r(m.left + (cols.length * cell) / 2)}" y="${height - 12}" text-anchor="middle">${esc(xLabel)}</text>`);
  if (yLabel) body.push(`<text transform="translate(16 ${r(m.top + (rows.length * h) / 2)}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`);
  return frame(width, height, title, body);
}

/**
 * A directed graph drawn left to right: `nodes` `[{ id, lines: [text, …], input? }]` in
 * evaluation order (one column each), `edges` `[[from, to], …]`. Edges between neighbours are
 * straight; longer ones arc above the row.
 */
export function graphDiagram({ nodes, edges, title = '', boxWidth = 120, gap = 50 }) {
  const lineHeight = 16;
  const boxHeight = Math.max(...nodes.map((n) => n.lines.length)) * lineHeight + 14;
  const top = (title ? 40 : 16) + 40;
  const width = nodes.length * boxWidth + (nodes.length - 1) * gap + 40;
  const height = top + boxHeight + 24;
  const col = new Map(nodes.map((n, i) => [n.id, i]));
  const left = (i) => 20 + i * (boxWidth + gap);
  const body = [
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#444"/></marker></defs>',
  ];
  for (const [a, b] of edges) {
    const i = col.get(a);
    const j = col.get(b);
    if (j === i + 1) {
      body.push(`<line x1="${r(left(i) + boxWidth)}" y1="${r(top + boxHeight / 2)}" x2="${r(left(j) - 2)}" y2="${r(top + boxHeight / 2)}" stroke="#444" stroke-width="1.5" marker-end="url(#arrow)"/>`);
    } else {
      const x1 = left(i) + boxWidth / 2;
      const x2 = left(j) + boxWidth / 2;
      const lift = 30 + 8 * (j - i);
      body.push(`<path d="M${r(x1)} ${top} C${r(x1)} ${r(top - lift)} ${r(x2)} ${r(top - lift)} ${r(x2)} ${top - 2}" fill="none" stroke="#444" stroke-width="1.5" marker-end="url(#arrow)"/>`);
    }
  }
  nodes.forEach((n, i) => {
    const x = left(i);
    body.push(`<rect x="${r(x)}" y="${top}" width="${boxWidth}" height="${boxHeight}" rx="${n.input ? boxHeight / 2 : 6}" fill="${n.input ? '#eef5fb' : '#fafafa'}" stroke="#444"/>`);
    n.lines.forEach((line, k) => {
      body.push(`<text x="${r(x + boxWidth / 2)}" y="${r(top + 18 + k * lineHeight)}" text-anchor="middle"${k === 0 ? ' font-weight="600"' : ''}>${esc(line)}</text>`);
    });
  });
  return frame(width, height, title, body);
}
