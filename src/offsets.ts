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
 *
 * Positions are asked for in text order (an inspection's issues, then its
 * spans), so the map walks both texts forward, one line at a time, and
 * stores nothing per line: a text of a million lines with a hundred
 * thousand issues costs one sweep. Only a position asked for behind the
 * walk makes it keep the start of every line, for a binary search.
 *
 * The walk's shortcuts (lines that noise did not change, a line set again,
 * the cached map of the current line) find the same positions as the full
 * walk or the search; their mutants are marked `shortcut` or `cache` for
 * mutation testing.
 */

import type { Position } from "./errors";
import { isPlainCode, isSpaceCode } from "./lines";

const NEWLINE = "\n";
const SPACE = 32;

/** The start of every line: after each LF (`breaks` undefined) or each match of a new `breaks` expression with the `g` flag. */
function lineStartsOf(text: string, breaks: RegExp | undefined): number[] {
  const starts = [0];
  if (breaks === undefined) {
    for (let index = text.indexOf(NEWLINE); index !== -1; index = text.indexOf(NEWLINE, index + 1)) {
      starts.push(index + 1);
    }
    return starts;
  }
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    starts.push(match.index + match[0].length);
  }
  return starts;
}

/** The index of the last of `starts` at or before `offset` (a binary search). */
function lineIndexOf(starts: readonly number[], offset: number): number {
  let low = 0;
  // Stryker disable next-line ArithmeticOperator: a place past the last start reads as undefined, never at or before an offset
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
  readonly #same: boolean;
  /** The line the walk stands on (0-based) and its bounds in both texts; ends exclude the line break. */
  #line = 0;
  #cleanStart = 0;
  #cleanEnd: number;
  #sourceStart = 0;
  #sourceEnd = 0;
  /** Where the next original line starts. */
  #sourceNext = 0;
  /** The next LF and CR of the source at or after the current line (its length for none). */
  #nextLf = -1;
  #nextCr = -1;
  /** Every line's start, once a position behind the walk was asked for. */
  #starts: { readonly clean: number[]; readonly source: number[] } | undefined;
  /** The original offset of each clean character of line `#mappedLine`, a line that noise changed. */
  #lineMap: Int32Array | undefined;
  #mappedLine = -1;
  /** For line `#mappedLine`, what {@link OffsetMap.#edgesOnly} found. */
  #lineShift = -1;

  constructor(source: string, clean: string) {
    this.#source = source;
    this.#clean = clean;
    // Stryker disable next-line ConditionalExpression: shortcut
    this.#same = source === clean;
    this.#cleanEnd = endOfLine(clean, NEWLINE, 0);
    this.#sourceLine(0);
  }

  /** Starts the walk again from the first line: for a second run of positions in text order. */
  // Stryker disable next-line BlockStatement: without a rewind, the first position behind the walk switches to the search, which finds the same positions
  rewind(): void {
    this.#line = 0;
    this.#cleanStart = 0;
    this.#cleanEnd = endOfLine(this.#clean, NEWLINE, 0);
    this.#nextLf = -1;
    this.#nextCr = -1;
    this.#sourceLine(0);
  }

  /**
   * The position of the clean character at `offset`; an offset at the end
   * of a clean line is the place just after that line's last character.
   */
  at(offset: number): Position {
    this.#seek(offset);
    const cleanStart = this.#cleanStart;
    const cleanEnd = this.#cleanEnd;
    if (offset < cleanEnd) return this.#position(this.#original(offset - cleanStart));
    return this.#position(cleanEnd > cleanStart ? this.#original(cleanEnd - 1 - cleanStart) + 1 : this.#sourceStart);
  }

  /** The place just after the clean character before `offset`: where a span ending at `offset` ends. */
  after(offset: number): Position {
    if (offset <= 0) return { line: 1, column: 1, offset: 0 };
    this.#seek(offset - 1);
    return this.#position(this.#original(offset - 1 - this.#cleanStart) + 1);
  }

  /**
   * The end of the input: just after the last character of its last
   * non-blank line (line 1, column 1 when there is none).
   */
  end(): Position {
    let end = this.#clean.length;
    while (this.#clean.charCodeAt(end - 1) === 10) end--;
    return this.after(end);
  }

  /** Moves to the line that holds clean `offset` (or ends just before it). */
  #seek(offset: number): void {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: shortcut
    if (this.#starts === undefined && offset < this.#cleanStart) this.#starts = this.#allStarts();
    const starts = this.#starts;
    if (starts !== undefined) {
      const line = lineIndexOf(starts.clean, offset);
      // Stryker disable next-line ConditionalExpression: shortcut
      if (line === this.#line) return;
      this.#line = line;
      this.#cleanStart = starts.clean[line] as number;
      const next = starts.clean[line + 1];
      this.#cleanEnd = next === undefined ? this.#clean.length : next - 1;
      this.#nextLf = -1;
      this.#nextCr = -1;
      this.#sourceLine(starts.source[line] as number);
      return;
    }
    const clean = this.#clean;
    while (offset > this.#cleanEnd && this.#cleanEnd < clean.length) {
      this.#line++;
      this.#cleanStart = this.#cleanEnd + 1;
      this.#cleanEnd = endOfLine(clean, NEWLINE, this.#cleanStart);
      this.#sourceLine(this.#sourceNext);
    }
  }

  /** Sets the original line's bounds, for the line starting at `start`. */
  #sourceLine(start: number): void {
    this.#sourceStart = start;
    // Stryker disable next-line ConditionalExpression,BlockStatement: shortcut
    if (this.#same) {
      this.#sourceEnd = this.#cleanEnd;
      this.#sourceNext = this.#cleanEnd + 1;
      return;
    }
    const source = this.#source;
    // Each kind of break is looked for again only once the walk passed it.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: looking again for a break the walk has not passed finds the same one
    if (this.#nextLf < start) this.#nextLf = endOfLine(source, NEWLINE, start);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: looking again for a break the walk has not passed finds the same one
    if (this.#nextCr < start) this.#nextCr = endOfLine(source, "\r", start);
    const end = Math.min(this.#nextLf, this.#nextCr);
    this.#sourceEnd = end;
    // Past the last line, where nothing reads it, this is past the end.
    this.#sourceNext = end + (end === this.#nextCr && source.charCodeAt(end + 1) === 10 ? 2 : 1);
  }

  #allStarts(): { clean: number[]; source: number[] } {
    const clean = lineStartsOf(this.#clean, undefined);
    return { clean, source: this.#same ? clean : lineStartsOf(this.#source, /\r\n?|\n/g) };
  }

  #position(offset: number): Position {
    return { line: this.#line + 1, column: offset - this.#sourceStart + 1, offset };
  }

  /** The original offset of the `column`-th clean character of the current line. */
  #original(column: number): number {
    const sourceStart = this.#sourceStart;
    // Stryker disable next-line ConditionalExpression: shortcut
    if (this.#same) return sourceStart + column;
    const cleanLength = this.#cleanEnd - this.#cleanStart;
    // Nothing dropped or trimmed: the characters correspond one to one.
    // Stryker disable next-line ConditionalExpression,ArithmeticOperator: shortcut
    if (this.#sourceEnd - sourceStart === cleanLength) return sourceStart + column;
    // Stryker disable next-line ConditionalExpression: cache
    if (this.#mappedLine !== this.#line) {
      this.#lineShift = this.#edgesOnly(cleanLength, sourceStart, this.#sourceEnd);
      this.#lineMap =
        this.#lineShift === -1 ? this.#mapLine(this.#cleanStart, cleanLength, sourceStart, this.#sourceEnd) : undefined;
      this.#mappedLine = this.#line;
    }
    // Stryker disable next-line ConditionalExpression: shortcut; the map of such a line holds the same offsets
    if (this.#lineShift !== -1) return sourceStart + this.#lineShift + Math.min(column, cleanLength - 1);
    return (this.#lineMap as Int32Array)[Math.min(column, cleanLength - 1)] ?? sourceStart;
  }

  /**
   * How many characters the cleaning dropped before the first of this
   * line, when it dropped characters only at the line's edges (spaces
   * trimmed, format characters at either end), or -1. Every character of
   * a line's edges that is not plain is dropped, and inside a line each
   * space stays one space: when the line's inside is as long as the clean
   * line, nothing inside it was dropped. A long line, such as a list of
   * names ending in a space, needs no map of a number per character.
   */
  #edgesOnly(cleanLength: number, sourceStart: number, sourceEnd: number): number {
    let first = sourceStart;
    let last = sourceEnd;
    while (first < last && !isPlainCode(this.#source.charCodeAt(first))) first++;
    while (last > first && !isPlainCode(this.#source.charCodeAt(last - 1))) last--;
    return cleanLength > 0 && last - first === cleanLength ? first - sourceStart : -1;
  }

  /**
   * Walks the original line, matching each clean character to the next
   * original character that is the same or, for a clean space, counts as a
   * space; what it passes over was dropped.
   */
  #mapLine(cleanStart: number, cleanLength: number, sourceStart: number, sourceEnd: number): Int32Array {
    const map = new Int32Array(cleanLength);
    let at = sourceStart;
    // Stryker disable next-line EqualityOperator: a write past the end of a typed array is dropped
    for (let column = 0; column < cleanLength; column++) {
      const char = this.#clean.charCodeAt(cleanStart + column);
      // Stryker disable next-line EqualityOperator: each clean character is found before the line's end
      while (at < sourceEnd) {
        const original = this.#source.charCodeAt(at);
        if (original === char || (char === SPACE && isSpaceCode(original))) break;
        at++;
      }
      // Found: the clean line is the original one with characters dropped, none added.
      map[column] = at;
      at++;
    }
    return map;
  }
}

/** The index of the first `char` of `text` from `from` on, or the text's length. */
function endOfLine(text: string, char: string, from: number): number {
  const index = text.indexOf(char, from);
  return index === -1 ? text.length : index;
}
