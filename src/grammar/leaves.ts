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
  const match = lineMatcher(pattern);
  return P((input, start) => match(input, start, accept) ?? P.makeFailure(start, description));
}

/**
 * The step of {@link line}, for leaves made per parse: the pattern is
 * compiled once, here.
 */
export function lineMatcher(
  pattern: RegExp,
): (input: string, start: number, accept?: (text: string) => boolean) => P.SuccessReply<LineMatch> | null {
  const sticky = lineRegExp(pattern);
  return (input, start, accept) => {
    sticky.lastIndex = start;
    const match = sticky.exec(input);
    if (match === null || (accept !== undefined && !accept(match[0]))) return null;
    let end = sticky.lastIndex;
    while (input.charCodeAt(end) === NEWLINE) end++;
    return P.makeSuccess(end, { at: start, text: match[0], groups: match.groups ?? NO_GROUPS });
  };
}

const NEWLINE = 10;

/** `pattern` as a sticky expression that must end where the line ends. */
function lineRegExp(pattern: RegExp): RegExp {
  return new RegExp(`(?:${pattern.source})(?=\\n|$)`, `${pattern.flags}y`);
}

/**
 * Any one non-blank line, unless `refused` says it is a line of another
 * kind. The line's end is found with `indexOf`, which outruns a
 * `[^\n]+` expression on long synopsis lines; `refused` sees only lines
 * whose first character could start the kinds it refuses.
 */
export function anyLineBut(
  description: string,
  refused?: { readonly startsWith: RegExp; readonly pattern: RegExp },
): P.Parser<LineNode> {
  const sticky = refused === undefined ? undefined : lineRegExp(refused.pattern);
  const first = refused?.startsWith;
  return P((input, start) => {
    if (start >= input.length) return P.makeFailure(start, description);
    if (sticky !== undefined && first?.test(input.charAt(start))) {
      sticky.lastIndex = start;
      if (sticky.test(input)) return P.makeFailure(start, description);
    }
    const newline = input.indexOf("\n", start);
    const lineEnd = newline === -1 ? input.length : newline;
    let end = lineEnd;
    while (input.charCodeAt(end) === NEWLINE) end++;
    return P.makeSuccess(end, { at: start, text: input.slice(start, lineEnd) });
  });
}

/** The blank lines before the first line. */
export const blankLines: P.Parser<null> = P((input, start) => {
  let end = start;
  while (input.charCodeAt(end) === NEWLINE) end++;
  return P.makeSuccess(end, null);
});

/**
 * Succeeds, consuming nothing, unless the next line matches `pattern`; then
 * fails with `description`. Guards a place where that line must not stand.
 */
export function refuse(pattern: RegExp, description: string): P.Parser<null> {
  const sticky = lineRegExp(pattern);
  return P((input, start) => {
    sticky.lastIndex = start;
    return sticky.test(input) ? P.makeFailure(start, description) : P.makeSuccess(start, null);
  });
}

/** Runs of spaces collapsed to one (SPEC 1.1); every value but review text. */
export function collapseSpaces(text: string): string {
  return text.includes("  ") ? text.replace(/ {2,}/g, " ") : text;
}
