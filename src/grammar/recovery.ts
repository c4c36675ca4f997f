/**
 * Recovery: the alternatives that read past a line the layout does not
 * expect and return a problem node in its place, so that a problem is a
 * value of the tree and the reading goes on at the next line boundary.
 * None of them guesses inside a line, and each consumes what it reads
 * past in one step (a `many()` over single lines would try every line
 * again as a review or a header first). Season lines (E_SERIES) are read
 * past by the header's leaves, after the line each reads (`header.ts`).
 */

import P from "parsimmon";
import { afterBlankLines, EXPECTED, lineEnd } from "./patterns";
import { opens } from "./reviews";
import type { SyntaxProblem } from "./tree";

const EXPECTED_OPENING = [EXPECTED.reviewOpen];

/** A problem of `code` where the reading stands, consuming nothing. */
/* @__NO_SIDE_EFFECTS__ */
function problemHere<Code extends SyntaxProblem["code"]>(code: Code): P.Parser<SyntaxProblem<Code>> {
  return P((_input, at) => P.makeSuccess(at, { code, at }));
}

/** No year where one must stand: the header goes on as if it had (E_MISSING_YEAR). */
export const missingYear: P.Parser<SyntaxProblem<"E_MISSING_YEAR">> = /* @__PURE__ */ problemHere("E_MISSING_YEAR");

/**
 * A review that opens and never closes (E_UNTERMINATED_REVIEW): it runs to
 * the end, where its text ends, and is kept.
 */
export const unterminatedToEnd: P.Parser<{ problem: SyntaxProblem<"E_UNTERMINATED_REVIEW">; textEnd: number }> =
  /* @__PURE__ */ P((input, at) => {
    if (!opens(input.charCodeAt(at))) return P.makeFailure(at, EXPECTED_OPENING);
    return P.makeSuccess(input.length, { problem: { code: "E_UNTERMINATED_REVIEW", at }, textEnd: input.length });
  });

/**
 * A line where a review should open but does not (E_REVIEW_START): it is
 * read past with the lines after it, up to the next one that opens.
 */
export const notAReview: P.Parser<SyntaxProblem<"E_REVIEW_START">> = /* @__PURE__ */ P((input, at) => {
  if (at >= input.length) return P.makeFailure(at, EXPECTED_OPENING);
  let index = at;
  do index = afterBlankLines(input, lineEnd(input, index));
  while (index < input.length && !opens(input.charCodeAt(index)));
  return P.makeSuccess(index, { code: "E_REVIEW_START", at });
});

/**
 * A text of blank lines only (E_EMPTY): nothing to read. The listing tries
 * it after the film, which fails only where no line holds text.
 */
export const onlyBlankLines: P.Parser<SyntaxProblem<"E_EMPTY">> = /* @__PURE__ */ P((input) =>
  P.makeSuccess(input.length, { code: "E_EMPTY", at: 0 }),
);
