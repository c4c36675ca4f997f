/**
 * The terminal side of the command: whether to colour, the colours
 * themselves, and writing to stdout and stderr so that a stream that cannot
 * be written (`>/dev/full`, `| head -1`) never crashes the command.
 */

import { styleText } from "node:util";

/** What decides colour: the `--color`/`--no-color` flags, the environment, and whether the stream is a terminal. */
export interface ColourSettings {
  /** `true` for `--color`, `false` for `--no-color`, `undefined` for neither. */
  readonly flag: boolean | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Whether to colour what goes to `stream`: `--color`/`--no-color` first;
 * then `FORCE_COLOR` (on, unless it is `0` or `false`); then `NO_COLOR` (any
 * value but the empty string turns colour off); then only on a terminal
 * that is not `TERM=dumb`.
 *
 * @example
 * ```ts
 * wantsColour(process.stderr, { flag: undefined, env: { NO_COLOR: "1" } }); // false
 * ```
 */
export function wantsColour(stream: { readonly isTTY?: boolean | undefined }, settings: ColourSettings): boolean {
  if (settings.flag !== undefined) return settings.flag;
  const force = settings.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  if ((settings.env.NO_COLOR ?? "") !== "") return false;
  return stream.isTTY === true && settings.env.TERM !== "dumb";
}

/** The styles the command uses; each is the identity when colour is off. */
export interface Palette {
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly path: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
  readonly good: (text: string) => string;
}

const plain = (text: string): string => text;

/**
 * The palette for a stream: ANSI styles through `util.styleText` when
 * `colour` is on, the text as it is when off. The decision is made here
 * (Node 20's `styleText` may or may not look at the stream itself).
 */
export function paletteFor(colour: boolean): Palette {
  if (!colour) return { error: plain, warning: plain, path: plain, dim: plain, bold: plain, good: plain };
  type Format = Parameters<typeof styleText>[0];
  const style =
    (format: Format) =>
    (text: string): string =>
      text === "" ? text : styleText(format, text, { validateStream: false });
  return {
    error: style("red"),
    warning: style("yellow"),
    path: style("bold"),
    dim: style("dim"),
    bold: style("bold"),
    good: style("green"),
  };
}

/** The stream behind an {@link Output}: `process.stdout` or `process.stderr`, or a stand-in. */
export interface WritableLike {
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
  write(text: string): boolean;
  once(event: "drain" | "error", listener: () => void): unknown;
  on(event: "error", listener: (error: NodeJS.ErrnoException) => void): unknown;
  removeListener(event: "drain" | "error", listener: () => void): unknown;
}

/**
 * A stream written to with back-pressure that never throws: once the
 * stream fails (no space left, the reader gone), later writes are dropped
 * and `failure` says why, so that the command can go on with what it can
 * still do (files of `--out-dir`, the other stream) and exit non-zero.
 */
export class Output {
  /** Why the stream cannot be written, once it cannot. */
  failure: NodeJS.ErrnoException | undefined;

  constructor(
    readonly stream: WritableLike,
    readonly palette: Palette,
  ) {
    stream.on("error", (error) => {
      this.failure ??= error;
    });
  }

  /** Whether the stream is a terminal. */
  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }

  /** Writes `text` and resolves when the stream can take more, or at once when it has failed. */
  write(text: string): Promise<void> {
    if (this.failure !== undefined) return Promise.resolve();
    if (this.stream.write(text)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.stream.removeListener("drain", done);
        this.stream.removeListener("error", done);
        resolve();
      };
      this.stream.once("drain", done);
      this.stream.once("error", done);
    });
  }

  /** Writes `text` without waiting: for the progress line and last words. */
  writeNow(text: string): void {
    if (this.failure === undefined) this.stream.write(text);
  }
}

/**
 * A stream failure in the command's last words.
 *
 * @example
 * ```ts
 * failureWords({ code: "ENOSPC" } as NodeJS.ErrnoException); // "no space left on the device"
 * ```
 */
export function failureWords(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "EPIPE":
      return "its reader has gone (a broken pipe); what followed was not written";
    case "EBADF":
      return "it is closed";
    case "ENOSPC":
      return "no space left on the device";
    case "EIO":
      return "input/output error";
    default:
      return error.code ?? "write failed";
  }
}
