/**
 * Leaf parsers: whole lines of the clean text (see `lines.ts`), matched
 * with sticky regular expressions so that no leaf slices the input.
 */

import { FAILURE, makeParser, type Parser, type SuccessReply, succeed } from "./combinators";
import type { LineNode } from "./tree";

/**
 * What the layout expects at a line where the reader notes a problem:
 * the `expected` of its issue (see `inspect.ts`).
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

const NO_GROUPS: Readonly<Record<string, string | undefined>> = /* @__PURE__ */ Object.freeze({});

/**
 * The characters a line of some kind can start with, as given to a leaf:
 * `"0123456789"`. Letters are given in lower case and match in either.
 */
export type FirstCharacter = string;

/** A lookup table of the first characters, by character code. */
function firstCharacterTable(characters: FirstCharacter): Uint8Array {
  const table = new Uint8Array(128);
  for (const character of characters + characters.toUpperCase()) {
    table[character.charCodeAt(0)] = 1;
  }
  return table;
}

/**
 * One whole non-blank line matching `pattern`, together with the blank
 * lines after it, which the layout ignores. `startsWith` tells at a glance
 * which lines cannot match, so that most lines never reach the pattern.
 */
/* @__NO_SIDE_EFFECTS__ */
export function line(pattern: RegExp, startsWith: FirstCharacter): Parser<LineMatch> {
  const match = lineMatcher(pattern, startsWith);
  return makeParser((input, start) => match(input, start) ?? FAILURE);
}

/** The step of {@link line}: the reply, or `null` for no match. */
/* @__NO_SIDE_EFFECTS__ */
export function lineMatcher(
  pattern: RegExp,
  startsWith: FirstCharacter,
): (input: string, start: number) => SuccessReply<LineMatch> | null {
  const sticky = lineRegExp(pattern);
  const first = firstCharacterTable(startsWith);
  return (input, start) => {
    // Stryker disable next-line ConditionalExpression: a shortcut only; a line whose first character is not in the table fails the pattern as well
    if (first[input.charCodeAt(start)] !== 1) return null;
    sticky.lastIndex = start;
    const match = sticky.exec(input);
    if (match === null) return null;
    return succeed(afterBlankLines(input, sticky.lastIndex), {
      at: start,
      text: match[0],
      groups: match.groups ?? NO_GROUPS,
    });
  };
}

/**
 * Whether the line at `start` matches `pattern`, for leaves that only turn
 * lines away: a test, with no match to build.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lineTester(pattern: RegExp, startsWith: FirstCharacter): (input: string, start: number) => boolean {
  const sticky = lineRegExp(pattern);
  const first = firstCharacterTable(startsWith);
  return (input, start) => {
    // Stryker disable next-line ConditionalExpression: a shortcut only; a line whose first character is not in the table fails the pattern as well
    if (first[input.charCodeAt(start)] !== 1) return false;
    sticky.lastIndex = start;
    return sticky.test(input);
  };
}

const NEWLINE = 10;

/**
 * `pattern`, sticky (`y`) as every line pattern is, as an expression that
 * must end where the line ends.
 */
function lineRegExp(pattern: RegExp): RegExp {
  return new RegExp(`(?:${pattern.source})(?=\\n|$)`, pattern.flags);
}

/** The index past the line break at `index` and any blank lines after it. */
export function afterBlankLines(input: string, index: number): number {
  let end = index;
  while (input.charCodeAt(end) === NEWLINE) end++;
  return end;
}

/** Where the line starting at `start` ends (its line break, or the end). */
export function lineEnd(input: string, start: number): number {
  const newline = input.indexOf("\n", start);
  return newline === -1 ? input.length : newline;
}

/** Lines of one kind: the first characters they can start with, and their pattern. */
export interface LineKind {
  readonly startsWith: FirstCharacter;
  readonly pattern: RegExp;
}

/**
 * Any one non-blank line, unless it is of the `refused` kind. The line's
 * end is found with `indexOf`, which outruns a `[^\n]+` expression on long
 * synopsis lines, and the kind is tested, not run for a match, and only on
 * lines whose first character could start it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function anyLineBut(refused?: LineKind): Parser<LineNode> {
  return wholeLine(refused, false);
}

/**
 * One line of the given kind, as {@link anyLineBut} finds it: for leaves
 * that need the line's text but no groups of its pattern.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lineOfKind(kind: LineKind): Parser<LineNode> {
  return wholeLine(kind, true);
}

function wholeLine(kind: LineKind | undefined, wanted: boolean): Parser<LineNode> {
  const isOfKind = kind === undefined ? undefined : lineTester(kind.pattern, kind.startsWith);
  return makeParser((input, start) => {
    if (start >= input.length || (isOfKind !== undefined && isOfKind(input, start) !== wanted)) {
      return FAILURE;
    }
    const end = lineEnd(input, start);
    return succeed(afterBlankLines(input, end), { at: start, text: input.slice(start, end) });
  });
}

const RUN_OF_SPACES = / {2,}/g;
// Faster than `includes("  ")`, which starts a comparison at every space.
// Stryker disable next-line Regex: a test of a lone space only sends texts without a run to a replace that changes nothing
const HAS_RUN_OF_SPACES = / {2}/;

/** Runs of spaces collapsed to one (lines and noise); every value but review text. */
export function collapseSpaces(text: string): string {
  // Stryker disable next-line ConditionalExpression: a shortcut only; replacing in a text without a run changes nothing
  return HAS_RUN_OF_SPACES.test(text) ? text.replace(RUN_OF_SPACES, " ") : text;
}
