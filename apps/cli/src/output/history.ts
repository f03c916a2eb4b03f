/**
 * `--history FILE`: the loss curves of a run as CSV (one row per epoch: loss and metrics on
 * both parts) and as an SVG plot beside it (`loss.csv` → `loss.svg`).
 *
 * @module
 */
import { extname } from 'node:path';
import type * as Tr from '@theta/train';
import { toCsv } from './csv.js';
import { withExtension } from './files.js';
import { lossCurveSpec, renderSvg, type CurvePoint } from './plot.js';

/** The CSV and SVG paths for `--history FILE`. */
export function historyPaths(file: string): { readonly csv: string; readonly svg: string } {
  const extension = extname(file).toLowerCase();
  if (extension === '') return { csv: `${file}.csv`, svg: `${file}.svg` };
  if (extension === '.svg') return { csv: withExtension(file, '.csv'), svg: file };
  return { csv: file, svg: withExtension(file, '.svg') };
}

/** The history as CSV: epoch, step, train_loss, test_loss, then train_/test_ per metric. */
export function historyCsv(history: readonly Tr.EpochRecord[]): string {
  const metrics = Object.keys(history[0]?.train.metrics ?? {});
  const header = ['epoch', 'step', 'train_loss', 'test_loss', ...metrics.flatMap((m) => [`train_${m}`, `test_${m}`])];
  const rows = history.map((r) => [
    r.epoch,
    r.step,
    r.train.loss,
    r.validation?.loss,
    ...metrics.flatMap((m) => [r.train.metrics[m], r.validation?.metrics[m]]),
  ]);
  return toCsv(header, rows);
}

/** The loss curves as an SVG plot. */
export function historySvg(title: string, history: readonly Tr.EpochRecord[]): Promise<string> {
  const points: CurvePoint[] = history.flatMap((r) => [
    { epoch: r.epoch, part: 'train', loss: r.train.loss },
    ...(r.validation === undefined ? [] : [{ epoch: r.epoch, part: 'test', loss: r.validation.loss }]),
  ]);
  return renderSvg(lossCurveSpec(title, points));
}
