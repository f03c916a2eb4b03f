/**
 * Machine-readable output (`--json`): one JSON document on stdout. NaN and ±∞, which JSON
 * cannot hold, are written as the strings "NaN", "Infinity" and "-Infinity".
 *
 * @module
 */
import { line, type Writer } from '../io.js';

/** The replacer that keeps non-finite numbers readable. */
const replacer = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;

/** JSON text of a value (indented by two spaces). */
export const toJson = (value: unknown): string => JSON.stringify(value, replacer, 2);

/** Writes one JSON document and a newline. */
export function writeJson(writer: Writer, value: unknown): void {
  line(writer, toJson(value));
}
