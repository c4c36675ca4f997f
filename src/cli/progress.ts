/**
 * The progress line of a batch: shown on a terminal only, once the
 * batch has run for a second, overwritten in place and cleared at the end.
 */

/** Where the progress line goes: `process.stderr`, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean | undefined;
  write(text: string): unknown;
}

/** How long a batch runs before its progress is shown, in milliseconds. */
const DELAY = 1000;
/** The least time between two redraws, in milliseconds. */
const INTERVAL = 100;
/** Carriage return, then erase to the end of the line (ANSI). */
const CLEAR = "\r\u001b[K";

/**
 * Counts the inputs of a batch and draws `done/total` with the rate in
 * files per second on `stream`, but only when `stream` is a terminal and the
 * batch has run for more than a second; never when `enabled` is false.
 *
 * @example
 * ```ts
 * const progress = new Progress(process.stderr, 10_000);
 * progress.tick(); // after each input; after a second on a terminal:
 * // "film-listing: 1204/10000 files, 1203 files/s"
 * progress.clear(); // before any other output, and at the end
 * ```
 */
export class Progress {
  private readonly start: number;
  private done = 0;
  private drawnAt: number | undefined;
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly enabled = true,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.start = now();
  }

  /** Counts one more input done and redraws the line when it is due. */
  tick(): void {
    this.done++;
    if (!this.enabled || this.stream.isTTY !== true) return;
    const now = this.now();
    const elapsed = now - this.start;
    if (elapsed < DELAY) return;
    if (this.drawnAt !== undefined && now - this.drawnAt < INTERVAL) return;
    const rate = Math.round((this.done * 1000) / elapsed);
    this.stream.write(`${CLEAR}film-listing: ${this.done}/${this.total} files, ${rate} files/s`);
    this.drawnAt = now;
    this.shown = true;
  }

  /** Erases the line if it is shown, so that other output starts clean. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write(CLEAR);
    this.shown = false;
    this.drawnAt = undefined;
  }
}
