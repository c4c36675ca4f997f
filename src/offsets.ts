/**
 * Clean-text offsets → positions in the original input, for every value
 * and issue of one inspection.
 *
 * The clean text (see `lines.ts`) has one line per original line, and each
 * of its characters is one character of that original line: noise is
 * dropped, other spaces become a plain space, and the ends are trimmed, but
 * nothing is inserted or reordered. So a clean line is matched to its
 * original line by one walk, only for the lines that noise changed, and
 * only when a position on them is asked for.
 */

import type { Position } from "./errors";
import { isSpaceCode } from "./lines";

const NEWLINE = "\n";
const SPACE = 32;

/** The start of every line: after each LF, CR or CRLF of `text`. */
function lineStartsOf(text: string, breaks: RegExp | undefined): number[] {
  const starts = [0];
  if (breaks === undefined) {
    for (let index = text.indexOf(NEWLINE); index !== -1; index = text.indexOf(NEWLINE, index + 1)) {
      starts.push(index + 1);
    }
    return starts;
  }
  breaks.lastIndex = 0;
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    starts.push(match.index + match[0].length);
  }
  return starts;
}

/** The index of the last of `starts` at or before `offset` (a binary search). */
function lineIndexOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Maps offsets of `cleanText(source)` to positions in `source`. */
export class OffsetMap {
  readonly #source: string;
  readonly #clean: string;
  readonly #cleanStarts: number[];
  readonly #sourceStarts: number[];
  /** Per changed line: the original offset of each of its clean characters. */
  readonly #lineMaps = new Map<number, Int32Array>();

  constructor(source: string, clean: string) {
    this.#source = source;
    this.#clean = clean;
    this.#cleanStarts = lineStartsOf(clean, undefined);
    this.#sourceStarts = source === clean ? this.#cleanStarts : lineStartsOf(source, /\r\n?|\n/g);
  }

  /**
   * The position of the clean character at `offset`; an offset at the end
   * of a clean line is the place just after that line's last character.
   */
  at(offset: number): Position {
    const line = lineIndexOf(this.#cleanStarts, offset);
    const cleanStart = this.#cleanStarts[line] as number;
    const cleanEnd = this.#lineEnd(line);
    if (offset < cleanEnd) return this.#position(line, this.#original(line, offset - cleanStart));
    return this.#position(
      line,
      cleanEnd > cleanStart
        ? this.#original(line, cleanEnd - 1 - cleanStart) + 1
        : (this.#sourceStarts[line] as number),
    );
  }

  /** The place just after the clean character before `offset`: where a span ending at `offset` ends. */
  after(offset: number): Position {
    if (offset <= 0) return { line: 1, column: 1, offset: 0 };
    const line = lineIndexOf(this.#cleanStarts, offset - 1);
    return this.#position(line, this.#original(line, offset - 1 - (this.#cleanStarts[line] as number)) + 1);
  }

  /**
   * The end of the input: just after the last character of its last
   * non-blank line (line 1, column 1 when there is none).
   */
  end(): Position {
    let end = this.#clean.length;
    while (end > 0 && this.#clean.charCodeAt(end - 1) === 10) end--;
    return end === 0 ? { line: 1, column: 1, offset: 0 } : this.after(end);
  }

  #lineEnd(line: number): number {
    const next = this.#cleanStarts[line + 1];
    return next === undefined ? this.#clean.length : next - 1;
  }

  #position(line: number, offset: number): Position {
    return { line: line + 1, column: offset - (this.#sourceStarts[line] as number) + 1, offset };
  }

  /** The original offset of the `column`-th clean character of `line`. */
  #original(line: number, column: number): number {
    const sourceStart = this.#sourceStarts[line] as number;
    if (this.#sourceStarts === this.#cleanStarts) return sourceStart + column;
    const cleanStart = this.#cleanStarts[line] as number;
    const cleanLength = this.#lineEnd(line) - cleanStart;
    const sourceEnd = this.#sourceLineEnd(line);
    // Nothing dropped or trimmed: the characters correspond one to one.
    if (sourceEnd - sourceStart === cleanLength) return sourceStart + column;
    let map = this.#lineMaps.get(line);
    if (map === undefined) {
      map = this.#mapLine(cleanStart, cleanLength, sourceStart, sourceEnd);
      this.#lineMaps.set(line, map);
    }
    return map[Math.min(column, cleanLength - 1)] ?? sourceStart;
  }

  #sourceLineEnd(line: number): number {
    const next = this.#sourceStarts[line + 1];
    if (next === undefined) return this.#source.length;
    // Step back over the line break: LF, CR or CRLF.
    return this.#source.charCodeAt(next - 2) === 13 && this.#source.charCodeAt(next - 1) === 10 ? next - 2 : next - 1;
  }

  /**
   * Walks the original line, matching each clean character to the next
   * original character that is the same or, for a clean space, counts as a
   * space; what it passes over was dropped.
   */
  #mapLine(cleanStart: number, cleanLength: number, sourceStart: number, sourceEnd: number): Int32Array {
    const map = new Int32Array(cleanLength);
    let at = sourceStart;
    for (let column = 0; column < cleanLength; column++) {
      const char = this.#clean.charCodeAt(cleanStart + column);
      while (at < sourceEnd) {
        const original = this.#source.charCodeAt(at);
        if (original === char || (char === SPACE && isSpaceCode(original))) break;
        at++;
      }
      map[column] = Math.min(at, Math.max(sourceStart, sourceEnd - 1));
      at++;
    }
    return map;
  }
}
