/**
 * Where a command writes: the two streams and whether a person is watching. `run` takes this
 * record instead of touching `process`, so tests call the CLI in-process and read its output.
 *
 * @module
 */

/** Anything text can be written to: `process.stdout`, or a collector in a test. */
export interface Writer {
  /** Writes text as it is (no newline added). */
  write(text: string): unknown;
  /** Width of a terminal, when the writer is one. */
  readonly columns?: number;
}

/** The outside world of one `run`. */
export interface Io {
  /** Results: tables, JSON. */
  readonly stdout: Writer;
  /** Errors and the progress bar. */
  readonly stderr: Writer;
  /** True when stderr is a terminal: the progress bar is drawn only then. */
  readonly isTTY: boolean;
  /** Colour the tables (defaults to `isTTY`). */
  readonly color?: boolean;
}

/** Writes one line (a newline is added). */
export const line = (writer: Writer, text = ''): void => {
  writer.write(`${text}\n`);
};
