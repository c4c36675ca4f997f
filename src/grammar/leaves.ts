/**
 * Leaf parsers: whole lines of the clean text (see `lines.ts`), matched
 * with sticky regular expressions so that no leaf slices the input.
 */

import P from "parsimmon";
import type { LineNode } from "./tree";

/**
 * What the grammar expected where it failed. A few of these name an error
 * code (see `parse.ts`), so they are constants, not free text.
 */
export const EXPECTED = {
  title: "a title",
  film: "a film, not a series (a line like 2 Seasons)",
  year: "a year like 1948",
  reviewOpen: "a review opening with a quote",
  reviewClose: "a line ending with a closing quote, followed by the next review or the end",
} as const;

/** A recognised line and the named groups of its pattern. */
export interface LineMatch extends LineNode {
  readonly groups: Readonly<Record<string, string | undefined>>;
}

const NO_GROUPS: Readonly<Record<string, string | undefined>> = Object.freeze({});

/**
 * One whole non-blank line matching `pattern` (and `accept`, if given),
 * together with the blank lines after it, which the layout ignores.
 */
export function line(pattern: RegExp, description: string, accept?: (text: string) => boolean): P.Parser<LineMatch> {
  const sticky = new RegExp(`(?:${pattern.source})(?=\\n|$)`, `${pattern.flags}y`);
  return P((input, start) => {
    sticky.lastIndex = start;
    const match = sticky.exec(input);
    if (match === null || match[0].length === 0 || (accept !== undefined && !accept(match[0]))) {
      return P.makeFailure(start, description);
    }
    let end = sticky.lastIndex;
    while (input.charCodeAt(end) === 10) end++;
    return P.makeSuccess(end, { at: start, text: match[0], groups: match.groups ?? NO_GROUPS });
  });
}

/** The blank lines before the first line. */
export const blankLines: P.Parser<null> = P((input, start) => {
  let end = start;
  while (input.charCodeAt(end) === 10) end++;
  return P.makeSuccess(end, null);
});

/** `parser`, or `null` without consuming anything. */
export function optional<T>(parser: P.Parser<T>): P.Parser<T | null> {
  return parser.or(P.succeed(null));
}

/**
 * Succeeds, consuming nothing, unless the next line matches `pattern`; then
 * fails with `description`. Guards a place where that line must not stand.
 */
export function refuse(pattern: RegExp, description: string): P.Parser<null> {
  const sticky = new RegExp(`(?:${pattern.source})(?=\\n|$)`, `${pattern.flags}y`);
  return P((input, start) => {
    sticky.lastIndex = start;
    return sticky.test(input) ? P.makeFailure(start, description) : P.makeSuccess(start, null);
  });
}

/** Runs of spaces collapsed to one (SPEC 1.1); every value but review text. */
export function collapseSpaces(text: string): string {
  return text.includes("  ") ? text.replace(/ {2,}/g, " ") : text;
}
