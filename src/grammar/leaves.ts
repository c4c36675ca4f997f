/**
 * The custom leaves the grammar is built on, each made with parsimmon's
 * documented constructor, `P((input, i) => reply)`: a whole line of the
 * clean text (see `lines.ts`) matched with a sticky regular expression, or
 * a run of lines read as one range. A leaf's value holds its own offsets,
 * so that no span needs `P.index` or `.mark()`, which walk the input a
 * character at a time.
 *
 * Every line leaf also consumes the blank lines after its line, which the
 * layout ignores. A failing leaf names what it expected with an array made
 * once, as `makeFailure` would otherwise make one per failure.
 *
 * Equivalent mutants: a leaf looks its line's first character up in a
 * table before it runs its pattern. The table only saves time (a line it
 * turns away fails the pattern too), so that test is marked "shortcut".
 */

import P from "parsimmon";
import {
  afterBlankLines,
  type FirstCharacter,
  firstCharacterTable,
  type LineKind,
  lineEnd,
  lineRegExp,
  lineTester,
} from "./patterns";
import type { LineBlock, LineNode } from "./tree";

/** A recognised line and the named groups of its pattern. */
export interface LineMatch extends LineNode {
  readonly groups: Readonly<Record<string, string | undefined>>;
}

const NO_GROUPS: Readonly<Record<string, string | undefined>> = /* @__PURE__ */ Object.freeze({});

/** A line that matched a pattern: where it starts, its text, its groups, and where the blank lines after it end. */
export interface LineMatchAt extends LineMatch {
  readonly end: number;
}

/**
 * The test behind a line leaf: the line at an index if it matches
 * `pattern` whole, or `null`. `startsWith` tells at a glance which lines
 * cannot match, so that most lines never reach the pattern.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lineMatcher(
  pattern: RegExp,
  startsWith: FirstCharacter,
): (input: string, start: number) => LineMatchAt | null {
  const sticky = lineRegExp(pattern);
  const first = firstCharacterTable(startsWith);
  return (input, start) => {
    // Stryker disable next-line ConditionalExpression: shortcut
    if (first[input.charCodeAt(start)] !== 1) return null;
    sticky.lastIndex = start;
    const match = sticky.exec(input);
    if (match === null) return null;
    const end = afterBlankLines(input, sticky.lastIndex);
    return { at: start, text: match[0], groups: match.groups ?? NO_GROUPS, end };
  };
}

/**
 * The test behind a leaf of any one non-blank line: the line at an index,
 * unless it is of the `refused` kind or `accepts` turns its text down;
 * past the blank lines before it when `afterBlanks` is set. The line's end
 * is found with `indexOf`, which outruns a `[^\n]+` expression on long
 * synopsis lines, and the kind is tested, not run for a match, and only on
 * lines whose first character could start it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function anyLineMatcher(
  refused: LineKind | undefined,
  accepts?: (text: string) => boolean,
  // Stryker disable next-line BooleanLiteral: every leaf reads the blank lines after its line
  afterBlanks = false,
): (input: string, start: number) => LineMatchAt | null {
  const isRefused = refused === undefined ? undefined : lineTester(refused);
  return (input, index) => {
    const start = afterBlanks ? afterBlankLines(input, index) : index;
    if (start >= input.length || isRefused?.(input, start) === true) return null;
    const end = lineEnd(input, start);
    const text = input.slice(start, end);
    if (accepts !== undefined && !accepts(text)) return null;
    return { at: start, text, groups: NO_GROUPS, end: afterBlankLines(input, end) };
  };
}

/** One line of `kind`, as {@link anyLineMatcher} finds it: the line's text, no groups. */
/* @__NO_SIDE_EFFECTS__ */
export function lineOf(kind: LineKind, expected: string): P.Parser<LineNode> {
  const isOfKind = lineTester(kind);
  const expectation = [expected];
  return P((input, start) => {
    if (!isOfKind(input, start)) return P.makeFailure(start, expectation);
    const end = lineEnd(input, start);
    return P.makeSuccess(afterBlankLines(input, end), { at: start, text: input.slice(start, end) });
  });
}

/**
 * The non-blank lines from here on that are not of the `refused` kind, as
 * one block (of no lines, when the first is refused or the input ends),
 * with the blank lines after them. Nothing is made per line: a synopsis may
 * have millions of lines, and a `many()` step costs more than a line.
 */
/* @__NO_SIDE_EFFECTS__ */
export function linesBut(refused: LineKind): P.Parser<LineBlock> {
  const isRefused = lineTester(refused);
  return P((input, start) => {
    let end = start;
    let index = start;
    while (index < input.length && !isRefused(input, index)) {
      end = lineEnd(input, index);
      index = afterBlankLines(input, end);
    }
    return P.makeSuccess(index, { start, end });
  });
}
