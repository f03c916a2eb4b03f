/**
 * The page: lays out the panels, keeps the app state (config, explorer, position) in the URL,
 * sends configs to the training worker and draws its snapshots, one per animation frame.
 */
import type { ProblemData, Snapshot } from '../engine/snapshot.js';
import { explorerView } from '../explorer/view.js';
import type { PlaygroundConfig } from '../state/config.js';
import { normalise, switchProblem } from '../state/normalise.js';
import { decodeState, encodeState, type AppState } from '../state/url.js';
import { dataControls, trainingControls } from '../ui/controls.js';
import { button, fmt, h, select, svg } from '../ui/dom.js';
import { lossChart } from '../ui/loss-chart.js';
import { mathPanel } from '../ui/math-panel.js';
import { networkView } from '../ui/network-view.js';
import { outputView } from '../ui/output-view.js';
import type { Speed } from '../worker/protocol.js';
import { createClient } from './client.js';
import { installHook, type Hook } from './hook.js';

const iconPaths = {
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zm8 0h4v14h-4z',
  step: 'M6 5v14l9-7zm10 0h2.5v14H16z',
  reset: 'M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z',
} as const;
/** A transport icon. */
const icon = (name: keyof typeof iconPaths): SVGSVGElement => svg('svg', { viewBox: '0 0 24 24', class: 'icon', 'aria-hidden': 'true' }, svg('path', { d: iconPaths[name] }));

/** Starts the app inside `root`. */
export function startApp(root: HTMLElement): void {
  const decoded = decodeState(window.location.search);
  let state: AppState = decoded.state;
  let running = false;
  let latest: Snapshot | undefined;
  let pending: { snapshot: Snapshot; data: ProblemData | undefined } | undefined;
  let frameRequested = false;
  let stepsPerSecond = 0;
  let framesDrawn = 0;
  let drawMs = 0;

  const writeUrl = (): void => {
    const query = encodeState(state);
    if (`?${query}` !== window.location.search) window.history.replaceState(null, '', `?${query}`);
  };

  // --- header: play controls and counters
  const playButton = button(icon('play'), () => (running ? pause() : play()), { label: 'play', testid: 'play', class: 'play' });
  const stepCount = h('span', { class: 'counter-value', 'data-testid': 'step-count' }, '0');
  const epochCount = h('span', { class: 'counter-value', 'data-testid': 'epoch-count' }, '0');
  const rate = h('span', { class: 'rate muted', 'data-testid': 'rate' });
  const banner = h('div', { class: 'banner', role: 'status', hidden: true, 'data-testid': 'banner' });
  const header = h('header', { class: 'topbar' },
    h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, 'θ'), h('div', {}, h('h1', {}, 'Theta playground'), h('p', { class: 'tagline' }, 'Watch a network learn, and see the gradients flow.'))),
    h('div', { class: 'transport', role: 'group', 'aria-label': 'training controls' },
      button(icon('reset'), () => reset(), { label: 'reset to Θ₀', testid: 'reset', class: 'round' }),
      playButton,
      button(icon('step'), () => void client.step(1), { label: 'take one step', testid: 'step', class: 'round' }),
      select('Speed', [['epoch', '1 epoch / frame'], ['step', '1 step / frame'], ['max', 'as fast as possible']] as const, 'epoch', (v: Speed) => client.speed(v), { testid: 'speed' })),
    h('div', { class: 'counters' },
      h('div', { class: 'counter' }, h('span', { class: 'counter-label' }, 'Epoch'), epochCount),
      h('div', { class: 'counter' }, h('span', { class: 'counter-label' }, 'Step'), stepCount),
      rate));

  // --- panels
  const network = networkView({
    toggleFeature: (f) => setConfig({ ...state.config, features: state.config.features.includes(f) ? state.config.features.filter((g) => g !== f) : [...state.config.features, f] }),
    setHidden: (hidden, activations) => setConfig({ ...state.config, hidden, activations }),
    setOutput: (output) => setConfig({ ...state.config, output }),
  });
  const output = outputView();
  const chart = lossChart();
  const math = mathPanel();
  const dataSlot = h('div');
  const trainingSlot = h('div');
  const testLoss = h('strong', { 'data-testid': 'test-loss' }, '—');
  const trainLoss = h('strong', { 'data-testid': 'train-loss' }, '—');
  const testMetric = h('span', { 'data-testid': 'test-metric' });
  const actions = { change: (c: PlaygroundConfig) => setConfig(c), problem: (p: PlaygroundConfig['problem']) => setConfig(switchProblem(state.config, p)) };

  const panel = (id: string, title: string, ...children: HTMLElement[]): HTMLElement =>
    h('section', { class: `panel ${id}`, id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...children);
  root.replaceChildren(
    header,
    banner,
    h('main', { class: 'layout' },
      panel('training', 'Training', trainingSlot),
      panel('data', 'Data', dataSlot),
      panel('network-panel', 'Network', network.element),
      panel('output', 'Output',
        h('div', { class: 'losses' }, h('div', {}, 'Test loss ', testLoss), h('div', { class: 'muted' }, 'Training loss ', trainLoss), testMetric),
        chart.element, output.element),
      panel('math', 'Mathematics of this step', math.element),
      panel('explorer', 'Autodiff explorer', explorerView(state.explorer, (explorer) => ((state = { ...state, explorer }), writeUrl())))),
    h('footer', {}, 'Theta — functional neural networks from the lecture notes. The whole state is in the URL: copy it to share this exact run.'));

  const say = (message: string | undefined): void => {
    banner.hidden = message === undefined;
    banner.replaceChildren(...(message === undefined ? [] : [h('span', {}, message), button('×', () => say(undefined), { label: 'dismiss', class: 'dismiss' })]));
  };
  if (decoded.problems.length > 0) say(`Some link parameters were ignored: ${decoded.problems.join('; ')}.`);

  const rebuildControls = (): void => {
    dataSlot.replaceChildren(dataControls(state.config, actions));
    trainingSlot.replaceChildren(trainingControls(state.config, actions));
    network.update(state.config);
  };

  // --- training
  const client = createClient({
    snapshot: (snapshot, isRunning, perSecond, data) => {
      running = isRunning;
      stepsPerSecond = perSecond;
      pending = { snapshot, data: data ?? pending?.data };
      if (!frameRequested) {
        frameRequested = true;
        requestAnimationFrame(drawFrame);
      }
    },
    error: (message) => {
      running = false;
      updatePlayButton();
      say(`Training stopped: ${message}. Try a smaller learning rate, then reset.`);
    },
  });

  const updatePlayButton = (): void => {
    playButton.replaceChildren(icon(running ? 'pause' : 'play'));
    playButton.setAttribute('aria-label', running ? 'pause' : 'play');
    playButton.title = running ? 'pause (space)' : 'play (space)';
    playButton.classList.toggle('running', running);
  };

  const drawFrame = (): void => {
    const started = performance.now();
    frameRequested = false;
    const next = pending;
    pending = undefined;
    if (next === undefined) return;
    const s = next.snapshot;
    if (next.data !== undefined) (output.setData(next.data), network.setData(next.data));
    latest = s;
    stepCount.textContent = s.step.toLocaleString('en');
    epochCount.textContent = s.epoch.toLocaleString('en');
    testLoss.textContent = fmt(s.testLoss);
    testLoss.dataset['value'] = String(s.testLoss);
    trainLoss.textContent = fmt(s.trainLoss);
    trainLoss.dataset['value'] = String(s.trainLoss);
    testMetric.textContent = s.metricName === 'accuracy' ? `test accuracy ${(100 * s.testMetric).toFixed(1)} %` : `test R² ${s.testMetric.toFixed(3)}`;
    rate.textContent = running && stepsPerSecond > 0 ? `${Math.round(stepsPerSecond).toLocaleString('en')} steps/s` : '';
    network.draw(s, !running);
    output.draw(s);
    chart.add(s.step, s.trainLoss, s.testLoss);
    // The numbers of the mathematics panel change too fast to read while playing: refresh them
    // a few times a second then, and on every paused snapshot.
    if (!running || framesDrawn % 6 === 0) math.draw(s.math, state.config.optimiser, state.config.gradient);
    updatePlayButton();
    if (!running && state.at !== s.step) {
      state = { ...state, at: s.step };
      writeUrl();
    }
    framesDrawn += 1;
    drawMs += performance.now() - started;
    hook.drawn(s);
    client.ack();
  };

  const setConfig = (candidate: PlaygroundConfig): void => {
    const config = normalise(candidate);
    if (encodeState({ ...state, config, at: 0 }) === encodeState({ ...state, at: 0 })) return;
    state = { ...state, config, at: 0 };
    say(undefined);
    writeUrl();
    rebuildControls();
    chart.clear();
    client.configure(config, 0);
  };
  const play = (): void => {
    running = true;
    updatePlayButton();
    client.play();
  };
  const pause = (): void => {
    running = false;
    updatePlayButton();
    client.pause();
  };
  const reset = (): void => {
    chart.clear();
    client.reset();
  };

  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.ctrlKey || event.metaKey || event.altKey || target.closest('input, select, textarea, button, [contenteditable]') !== null) return;
    if (event.key === ' ') (event.preventDefault(), running ? pause() : play());
    else if (event.key === 'ArrowRight') (event.preventDefault(), void client.step(1));
  });
  let resizeTimer: number | undefined;
  window.addEventListener('resize', () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => (network.update(state.config), chart.resize(), latest && output.draw(latest)), 150);
  });

  const hook: Hook = installHook({ step: (n) => client.step(n), state: () => state, latest: () => latest, frames: () => framesDrawn, drawMs: () => drawMs, play, pause });
  rebuildControls();
  client.configure(state.config, state.at);
}
