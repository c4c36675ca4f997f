/**
 * The progress line of a batch: shown on a terminal only, once the
 * batch has run for a second, overwritten in place and cleared at the end.
 */

/** Where the progress line goes: `process.stderr`, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean | undefined;
  /** The terminal's width, when known: a longer line would wrap and could not be cleared. */
  readonly columns?: number | undefined;
  write(text: string): unknown;
}

/** How long a batch runs before its progress is shown, in milliseconds. */
const DELAY = 1000;
/** The least time between two redraws, in milliseconds. */
const INTERVAL = 100;
/** Carriage return, then erase to the end of the line (ANSI). */
const CLEAR = "\r\u001b[K";

/** A number with thousands separators: `4,732`. */
export const count = (value: number): string => value.toLocaleString("en");

/** A duration in whole seconds, minutes or hours: `9s`, `2m 05s`, `1h 02m`. */
export function duration(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}

/**
 * Counts the inputs of a batch and draws `done/total`, the rate in files per
 * second, the time elapsed and an estimate of the time left on `stream`, but
 * only when `stream` is a terminal and the batch has run for more than a
 * second; never when `enabled` is false.
 *
 * @example
 * ```ts
 * const progress = new Progress(process.stderr, 10_000);
 * progress.tick(); // after each input; after a second on a terminal:
 * // "film-listing: 1,204/10,000 files, 1,203 files/s, 1s elapsed, about 7s left"
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
    private readonly style: (text: string) => string = (text) => text,
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
    const rate = (this.done * 1000) / elapsed;
    const left = rate > 0 ? ((this.total - this.done) * 1000) / rate : 0;
    let line = `film-listing: ${count(this.done)}/${count(this.total)} files, ${count(Math.round(rate))} files/s, ${duration(elapsed)} elapsed, about ${duration(left)} left`;
    const width = this.stream.columns;
    if (width !== undefined && width > 1 && line.length >= width) line = `${line.slice(0, width - 2)}…`;
    this.stream.write(`${CLEAR}${this.style(line)}`);
    this.drawnAt = now;
    this.shown = true;
  }

  /** How many inputs are done. */
  get doneCount(): number {
    return this.done;
  }

  /** Erases the line if it is shown, so that other output starts clean. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write(CLEAR);
    this.shown = false;
    this.drawnAt = undefined;
  }
}
