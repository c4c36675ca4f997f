/**
 * Reviews: each wrapped in double quotes, straight or curly, spanning any
 * number of lines, blank ones included.
 */

import P from "parsimmon";
import { EXPECTED } from "./patterns";
import type { ReviewList } from "./tree";

const NEWLINE = 10;
const QUOTE = 0x22; // "
const LEFT_QUOTE = 0x201c; // “
const RIGHT_QUOTE = 0x201d; // ”

/** Whether a line starting with this character opens a review. */
export const opens = (code: number): boolean => code === QUOTE || code === LEFT_QUOTE;
const closes = (code: number) => code === QUOTE || code === RIGHT_QUOTE;

/**
 * Where the review opening at `start` closes: the end of the first line
 * that ends with a closing quote and is followed (past blank lines) by
 * the next opening line or the end; -1 when it never closes. One scan with
 * `indexOf`: a review may be megabytes long.
 */
function closingLineEnd(input: string, start: number): number {
  for (let lineStart = start; ; ) {
    const newline = input.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? input.length : newline;
    // The closing quote must be a character of its own, not the opening one.
    if (lineEnd - 1 > start && closes(input.charCodeAt(lineEnd - 1))) {
      let next = lineEnd;
      while (input.charCodeAt(next) === NEWLINE) next++;
      if (next === input.length || opens(input.charCodeAt(next))) return lineEnd;
    }
    if (newline === -1) return -1;
    lineStart = newline + 1;
  }
}

const EXPECTED_REVIEW = [EXPECTED.reviewOpen];

/**
 * One review or more, one after another, as one leaf: each from its
 * opening quote to its closing one (see {@link closingLineEnd}), with the
 * blank lines after it, as a {@link ReviewList}'s bounds. A run of reviews
 * is read in one loop rather than by `many()`, whose every step costs more
 * than a short review; the bounds fill a typed array that doubles as it
 * fills, cut to their number at the end.
 */
export const reviewRun: P.Parser<ReviewList> = /* @__PURE__ */ P((input, start) => {
  let bounds = new Int32Array(16);
  let length = 0;
  let index = start;
  while (opens(input.charCodeAt(index))) {
    const end = closingLineEnd(input, index);
    if (end === -1) break;
    if (length === bounds.length) {
      const grown = new Int32Array(length * 2);
      grown.set(bounds);
      bounds = grown;
    }
    // The text runs up to the closing quote, the line's last character.
    bounds[length++] = index;
    bounds[length++] = end - 1;
    index = end;
    while (input.charCodeAt(index) === NEWLINE) index++;
  }
  return length === 0 ? P.makeFailure(start, EXPECTED_REVIEW) : P.makeSuccess(index, bounds.slice(0, length));
});
