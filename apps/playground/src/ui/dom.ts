/**
 * The app's whole UI layer: a hyperscript helper over plain DOM and a few labelled form
 * controls. Every control gets a visible label (or an aria-label) and is reachable by keyboard.
 */

/** Attributes and properties `h` understands. */
export type Props = {
  readonly [name: string]: string | number | boolean | undefined | ((event: Event) => void);
};

/** A child: an element, text, or nothing. */
export type Child = Node | string | number | false | null | undefined;

/** Creates an element: `on…` props become listeners, booleans toggle attributes, the rest are attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

/** Creates an SVG element with attributes. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  append(el, children);
  return el;
}

function append(el: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'number' ? String(child) : child);
  }
}

let uid = 0;
/** A fresh id for label/control pairs. */
export const freshId = (prefix: string): string => `${prefix}-${++uid}`;

/** A labelled `<select>`; `onChange` gets the chosen value. */
export function select<V extends string>(
  label: string,
  options: readonly (readonly [V, string])[],
  value: V,
  onChange: (v: V) => void,
  extra: { readonly testid?: string; readonly hideLabel?: boolean; readonly title?: string } = {},
): HTMLElement {
  const id = freshId('select');
  const control = h('select', { id, 'data-testid': extra.testid, title: extra.title, onChange: (e) => onChange((e.target as HTMLSelectElement).value as V) },
    ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  return h('div', { class: 'field' }, h('label', { for: id, class: extra.hideLabel === true ? 'sr-only' : undefined }, label), control);
}

/** A labelled number input; `onChange` gets a finite number, or the field is marked invalid. */
export function numberField(
  label: string,
  value: number,
  onChange: (v: number) => void,
  extra: { readonly min?: number; readonly max?: number; readonly step?: number | 'any'; readonly testid?: string; readonly title?: string; readonly valid?: (v: number) => boolean } = {},
): HTMLElement {
  const id = freshId('number');
  const input = h('input', {
    id, type: 'number', inputmode: 'decimal', value: String(value), min: extra.min, max: extra.max, step: extra.step ?? 'any', 'data-testid': extra.testid, title: extra.title,
    onChange: (e) => {
      const target = e.target as HTMLInputElement;
      const v = Number(target.value);
      const ok = target.value.trim() !== '' && Number.isFinite(v) && (extra.valid?.(v) ?? true) && (extra.min === undefined || v >= extra.min) && (extra.max === undefined || v <= extra.max);
      target.setAttribute('aria-invalid', String(!ok));
      if (ok) onChange(v);
    },
  });
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

/** A labelled range slider with its value shown beside it. */
export function slider(
  label: string,
  value: number,
  range: { readonly min: number; readonly max: number; readonly step: number },
  show: (v: number) => string,
  onChange: (v: number) => void,
  testid?: string,
): HTMLElement {
  const id = freshId('range');
  const output = h('output', { for: id }, show(value));
  const input = h('input', {
    id, type: 'range', min: range.min, max: range.max, step: range.step, value: String(value), 'data-testid': testid,
    onInput: (e) => (output.textContent = show(Number((e.target as HTMLInputElement).value))),
    onChange: (e) => onChange(Number((e.target as HTMLInputElement).value)),
  });
  return h('div', { class: 'field slider' }, h('label', { for: id }, label, ' ', output), input);
}

/** A labelled checkbox. */
export function checkbox(label: string, checked: boolean, onChange: (v: boolean) => void, testid?: string): HTMLElement {
  const id = freshId('check');
  return h('div', { class: 'field check' },
    h('input', { id, type: 'checkbox', checked, 'data-testid': testid, onChange: (e) => onChange((e.target as HTMLInputElement).checked) }),
    h('label', { for: id }, label));
}

/** A button with text and an optional accessible name. */
export function button(text: Child, onClick: () => void, extra: { readonly label?: string; readonly testid?: string; readonly class?: string; readonly disabled?: boolean; readonly title?: string } = {}): HTMLButtonElement {
  return h('button', { type: 'button', 'aria-label': extra.label, 'data-testid': extra.testid, class: extra.class, disabled: extra.disabled, title: extra.title ?? extra.label, onClick: () => onClick() }, text);
}

/** A short number for display: 4 significant digits, exponent form when tiny or huge. */
export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-3 || a >= 1e5) return x.toExponential(Math.max(0, digits - 2)).replace('e', '·10^').replace(/\^\+?(-?)(\d+)/, (_, s: string, d: string) => `${s === '-' ? '⁻' : ''}${[...d].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)]).join('')}`).replace('·10', ' × 10');
  return Number(x.toPrecision(digits)).toString();
}
