/**
 * The lines of a text for code frames, found by a cursor that walks forward:
 * the frames of a text's issues, asked for in text order, read the text
 * once in all, whatever the number of issues, and keep no table of lines.
 */

/** Where one line lies in the text: from `start` to just before its line break. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

/** How many recent lines are kept: a frame asks again for the lines around the last one. */
const RECENT = 8;

/** Lines split at `\r\n`, `\r` or `\n`, 1-based, as `text.split(/\r\n|\r|\n/)` numbers them. */
export class LineWalker {
  readonly text: string;
  /** Characters stepped over to find lines, for the tests of linearity. */
  walked = 0;
  #line = 1;
  #start = 0;
  readonly #recent = new Map<number, LineRange>();

  constructor(text: string) {
    this.text = text;
  }

  /** Line `number`, or undefined past the last line. */
  line(number: number): LineRange | undefined {
    const known = this.#recent.get(number);
    if (known !== undefined) return known;
    if (number < this.#line) {
      this.#line = 1;
      this.#start = 0;
    }
    let range = this.#rangeAt(this.#start);
    while (this.#line < number) {
      if (range.end === this.text.length) return undefined;
      const crlf = this.text.charCodeAt(range.end) === 13 && this.text.charCodeAt(range.end + 1) === 10;
      this.#start = range.end + (crlf ? 2 : 1);
      this.#line++;
      range = this.#rangeAt(this.#start);
    }
    this.#recent.set(number, range);
    if (this.#recent.size > RECENT) this.#recent.delete(this.#recent.keys().next().value as number);
    return range;
  }

  /** The line that starts at `start`, its end found once. */
  #rangeAt(start: number): LineRange {
    const known = this.#recent.get(this.#line);
    if (known !== undefined) return known;
    let end = start;
    const { text } = this;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === 10 || code === 13) break;
      end++;
    }
    this.walked += end - start + 1;
    return { start, end };
  }
}
