/**
 * Reviews: each wrapped in double quotes, straight or curly,
 * spanning any number of lines, blank ones included.
 */

import { FAILURE, makeParser, type Parser, succeed } from "./combinators";
import type { ReviewNode } from "./tree";

const NEWLINE = 10;
const QUOTE = 0x22; // "
const LEFT_QUOTE = 0x201c; // “
const RIGHT_QUOTE = 0x201d; // ”

/** Whether a line starting with this character opens a review. */
export const opens = (code: number): boolean => code === QUOTE || code === LEFT_QUOTE;
const closes = (code: number) => code === QUOTE || code === RIGHT_QUOTE;

/**
 * One review, from the opening quote that starts its first line to the
 * first closing quote that ends a line followed (past blank lines) by the
 * next opening line or the end. Consumes the blank lines after it.
 *
 * Written as one scan with `indexOf` rather than combinators: a review may
 * be megabytes long, and this keeps it a single linear pass.
 */
export const review: Parser<ReviewNode> = makeParser((input, start) => {
  if (!opens(input.charCodeAt(start))) return FAILURE;
  for (let lineStart = start; ; ) {
    const newline = input.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? input.length : newline;
    // The closing quote must be a character of its own, not the opening one.
    if (lineEnd - 1 > start && closes(input.charCodeAt(lineEnd - 1))) {
      let next = lineEnd;
      while (input.charCodeAt(next) === NEWLINE) next++;
      if (next === input.length || opens(input.charCodeAt(next))) {
        return succeed(next, { at: start, text: input.slice(start + 1, lineEnd - 1), closed: true });
      }
    }
    if (newline === -1) return FAILURE;
    lineStart = newline + 1;
  }
});

/**
 * A review that opens at `start` and never closes: it runs to the end of
 * the input, where the reader keeps it (E_UNTERMINATED_REVIEW).
 */
export function unterminatedReview(input: string, start: number): ReviewNode {
  return { at: start, text: input.slice(start + 1), closed: false };
}
