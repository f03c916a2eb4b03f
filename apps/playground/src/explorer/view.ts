/**
 * The autodiff explorer: type f(x, y), pick a point, and read its Wengert list — each node's
 * op, parents, value, tangent (forward mode) and adjoint (reverse mode), and the FLOPs of both
 * passes — as a table and as a graph. A bad expression shows where it went wrong, inline.
 */
import * as E from 'fp-ts/lib/Either.js';
import { button, fmt, h, numberField } from '../ui/dom.js';
import type { ExplorerState } from '../state/url.js';
import { defaultExplorer } from '../state/url.js';
import { graphView } from './graph-view.js';
import { parse } from './parse.js';
import { explore, nodeLabel, type Exploration } from './wengert.js';

/** The notes' letters for the default expression's nodes. */
const notesLetters: Readonly<Record<number, string>> = { 1: 'x', 2: 'a', 3: 'b', 4: 'c', 5: 'd = f' };

/** Builds the explorer; `change` reports a new state (for the URL). */
export function explorerView(initial: ExplorerState, change: (s: ExplorerState) => void): HTMLElement {
  let state = initial;
  const input = h('input', {
    id: 'explorer-expression', type: 'text', value: state.expression, spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off',
    'data-testid': 'explorer-input', 'aria-describedby': 'explorer-error', class: 'expression',
    onInput: () => update({ ...state, expression: input.value }),
  });
  const error = h('div', { id: 'explorer-error', class: 'explorer-error', role: 'alert', 'data-testid': 'explorer-error', hidden: true });
  const summary = h('div', { class: 'explorer-summary', 'data-testid': 'explorer-summary' });
  const table = h('table', { class: 'wengert', 'data-testid': 'explorer-table' });
  const graph = h('div', { class: 'graph-scroll' });
  const notes = h('p', { class: 'notes muted' });
  const results = h('div', { class: 'explorer-out' }, summary, h('div', { class: 'explorer-results' }, h('div', { class: 'table-scroll' }, table), graph), notes);
  const direction = h('fieldset', { class: 'direction' }, h('legend', {}, 'Tangent seed'),
    ...(['x', 'y'] as const).map((d) => {
      const id = `explorer-direction-${d}`;
      return h('span', { class: 'choice' },
        h('input', { type: 'radio', name: 'explorer-direction', id, value: d, checked: state.direction === d, onChange: () => update({ ...state, direction: d }) }),
        h('label', { for: id }, d === 'x' ? 'ẋ = 1, ẏ = 0' : 'ẋ = 0, ẏ = 1'));
    }));

  const showError = (source: string, message: string, position: number, length: number): void => {
    error.hidden = false;
    const before = source.slice(0, position);
    const marked = source.slice(position, position + length) || ' ';
    error.replaceChildren(
      h('code', { class: 'source' }, before, h('mark', {}, marked), source.slice(position + length)),
      h('span', { class: 'message' }, `Column ${position + 1}: ${message}`));
    input.setAttribute('aria-invalid', 'true');
    results.classList.add('stale');
    results.title = 'the last expression that parsed';
  };

  const render = (result: Exploration): void => {
    const rowsOut = result.rows.map((r) => h('tr', { class: r.op === 'input' ? 'input' : '' },
      h('th', { scope: 'row' }, nodeLabel(r.i)),
      h('td', {}, r.op),
      h('td', { class: 'formula' }, r.formula),
      h('td', {}, r.parents.length === 0 ? '—' : r.parents.map(nodeLabel).join(', ')),
      h('td', { class: 'num' }, fmt(r.value, 6)),
      h('td', { class: 'num' }, Number.isNaN(r.tangent) ? '—' : fmt(r.tangent, 6)),
      h('td', { class: 'num' }, fmt(r.adjoint, 6)),
      h('td', { class: 'num' }, String(r.flopsForward)),
      h('td', { class: 'num' }, String(r.flopsBackward))));
    table.replaceChildren(
      h('caption', {}, 'The Wengert list x', h('sub', {}, 'i'), ' = g', h('sub', {}, 'i'), '(x', h('sub', {}, 'pa(i)'), ') at the point'),
      h('thead', {}, h('tr', {}, ...['node', 'op', 'g(parents)', 'parents', 'value xᵢ', 'tangent ẋᵢ', 'adjoint x̄ᵢ = ∂f/∂xᵢ', 'FLOPs fwd', 'FLOPs bwd'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rowsOut),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: 7 }, 'total'), h('td', { class: 'num' }, String(result.flopsForward)), h('td', { class: 'num' }, String(result.flopsBackward)))));
    const d = state.direction;
    summary.replaceChildren(...[
      h('span', {}, 'f = ', h('strong', {}, fmt(result.value, 8))),
      h('span', {}, '∂f/∂x = ', h('strong', {}, fmt(result.gradient.x, 8))),
      result.inputs.includes('y') ? h('span', {}, '∂f/∂y = ', h('strong', {}, fmt(result.gradient.y, 8))) : null,
      h('span', {}, `forward tangent ∂f/∂${d} = `, h('strong', {}, fmt(result.tangent, 8))),
      h('span', { class: 'muted' }, `${result.flopsForward} FLOPs forward, ${result.flopsBackward} in the reverse sweep`),
    ].filter((e) => e !== null));
    graph.replaceChildren(graphView(result.rows));
    const isNotes = state.expression.replace(/\s/g, '') === defaultExplorer.expression.replace(/\s/g, '');
    notes.replaceChildren(...(isNotes
      ? ['In the notes: ', ...result.rows.map((r) => `${nodeLabel(r.i)} = ${notesLetters[r.i] ?? '?'}`).join(', '),
          '. The sweep gives x̄ = x(1 + b)/d; the notes count 5 FLOPs for f (x² written twice) and about 3 for the derivative from the stored b and d — the list computes x² once, and its mechanical sweep spends 6.']
      : ['Equal subexpressions are computed once. Tangents come from dual numbers (forward mode), adjoints from one reverse sweep.']));
  };

  const update = (next: ExplorerState): void => {
    state = next;
    change(state);
    const parsed = parse(state.expression);
    if (E.isLeft(parsed)) {
      showError(state.expression, parsed.left.message, parsed.left.position, parsed.left.length);
      return;
    }
    try {
      const result = explore(parsed.right, { x: state.x, y: state.y }, state.direction);
      error.hidden = true;
      input.removeAttribute('aria-invalid');
      results.classList.remove('stale');
      results.removeAttribute('title');
      render(result);
    } catch (e) {
      showError(state.expression, `could not evaluate: ${e instanceof Error ? e.message : String(e)}`, 0, state.expression.length);
    }
  };

  const element = h('div', { class: 'explorer' },
    h('div', { class: 'explorer-inputs' },
      h('div', { class: 'field grow' }, h('label', { for: 'explorer-expression' }, 'f(x, y) ='), input),
      numberField('at x =', state.x, (v) => update({ ...state, x: v }), { testid: 'explorer-x' }),
      numberField('y =', state.y, (v) => update({ ...state, y: v }), { testid: 'explorer-y' }),
      direction,
      button('Notes’ example', () => {
        input.value = defaultExplorer.expression;
        update({ ...state, expression: defaultExplorer.expression });
      }, { class: 'secondary', testid: 'explorer-reset' })),
    error, results);
  update(state);
  return element;
}
