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
 * Walks a run of reviews from `start`, calling `visit` with where each
 * opens and where its text ends; returns where the run ends, after the
 * blank lines of its last review.
 */
function walkRun(input: string, start: number, visit: (open: number, textEnd: number) => void): number {
  let index = start;
  while (opens(input.charCodeAt(index))) {
    const end = closingLineEnd(input, index);
    if (end === -1) break;
    // The text runs up to the closing quote, the line's last character.
    visit(index, end - 1);
    index = end;
    while (input.charCodeAt(index) === NEWLINE) index++;
  }
  return index;
}

/**
 * One review or more, one after another, as one leaf: each from its
 * opening quote to its closing one (see {@link closingLineEnd}), with the
 * blank lines after it, as a {@link ReviewList}'s bounds. A run of reviews
 * is read in one loop rather than by `many()`, whose every step costs more
 * than a short review; it is walked twice, first to count its reviews, so
 * that their bounds fill an array of just their size.
 */
export const reviewRun: P.Parser<Int32Array> = /* @__PURE__ */ P((input, start) => {
  let count = 0;
  const end = walkRun(input, start, () => count++);
  if (count === 0) return P.makeFailure(start, EXPECTED_REVIEW);
  const bounds = new Int32Array(2 * count);
  let at = 0;
  walkRun(input, start, (open, textEnd) => {
    bounds[at++] = open;
    bounds[at++] = textEnd;
  });
  return P.makeSuccess(end, bounds);
});
