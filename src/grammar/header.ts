/**
 * The header block's leaves: title, rating, vote count, header genres,
 * year, runtime and certification (their order is `listing.ts`'s).
 *
 * A season line (`2 Seasons`) marks a series, and may stand after any
 * header line: each leaf reads past the season lines after its own, as
 * problems of its value (E_SERIES). One leaf for the line and those after
 * it, as a separate rule between every two header lines would cost a
 * combinator step each, and most headers have none.
 *
 * Equivalent mutants: a leaf's `expected` text is never shown, as the
 * grammar's alternatives read past every line and a parse never fails
 * (marked "never shown"); the certification leaf made once for a header
 * without genres is a shortcut.
 */

import P from "parsimmon";
import type { Vocabulary } from "../vocabulary";
import { anyLineMatcher, type LineMatch, type LineMatchAt, lineMatcher } from "./leaves";
import {
  afterBlankLines,
  DIGIT,
  EXPECTED,
  isCertification,
  isGenreShaped,
  lineEnd,
  lineTester,
  NOT_A_GENRE,
  RATING,
  RUNTIME,
  SEASONS,
  VOTES,
  YEAR,
} from "./patterns";
import type { LineNode, RuntimeNode, SyntaxProblem, VotesNode } from "./tree";

/** A header line's node, and the season lines read past after it. */
export interface HeaderLine<T> {
  readonly node: T;
  readonly series: readonly SyntaxProblem<"E_SERIES">[];
}

const isSeasons = /* @__PURE__ */ lineTester({ startsWith: DIGIT, pattern: SEASONS });
const NO_SERIES: readonly SyntaxProblem<"E_SERIES">[] = /* @__PURE__ */ Object.freeze([]);

/**
 * The leaf of a header line that `match` finds, described as `expected`:
 * its node made by `build`, and the season lines after it.
 */
/* @__NO_SIDE_EFFECTS__ */
function headerLine<T>(
  match: (input: string, start: number) => LineMatchAt | null,
  expected: string,
  build: (match: LineMatch) => T,
): P.Parser<HeaderLine<T>> {
  const expectation = [expected];
  return P((input, start) => {
    const matched = match(input, start);
    if (matched === null) return P.makeFailure(start, expectation);
    let end = matched.end;
    let series: SyntaxProblem<"E_SERIES">[] | undefined;
    while (isSeasons(input, end)) {
      series ??= [];
      series.push({ code: "E_SERIES", at: end });
      end = afterBlankLines(input, lineEnd(input, end));
    }
    return P.makeSuccess(end, { node: build(matched), series: series ?? NO_SERIES });
  });
}

/** A line's node: where it starts and its text. */
const lineNode = ({ at, text }: LineNode): LineNode => ({ at, text });

/** The first non-blank line, whatever it says, past the blank lines before it. */
export const title: P.Parser<HeaderLine<LineNode>> = /* @__PURE__ */ headerLine(
  anyLineMatcher(undefined, undefined, true),
  EXPECTED.title,
  lineNode,
);

/** `4.3`: a plain number that is not a year. */
export const rating: P.Parser<HeaderLine<LineNode>> = /* @__PURE__ */ headerLine(
  lineMatcher(RATING, DIGIT),
  "a rating like 4.3",
  lineNode,
);

/** `(398)`, `(1.2K)`: the vote count, split into its digits and unit. */
export const votes: P.Parser<HeaderLine<VotesNode>> = /* @__PURE__ */ headerLine(
  lineMatcher(VOTES, "("),
  "a vote count like (398)",
  ({ at, text, groups }) => ({
    at,
    text,
    // Not optional in VOTES: the cast only tells the type checker so.
    whole: groups.whole as string,
    fraction: groups.fraction ?? "",
    unit: groups.unit ?? "",
  }),
);

/**
 * A header genre: a genre-shaped line (see {@link isGenreShaped}) that is
 * no year, runtime, season count or section header.
 */
/* @__NO_SIDE_EFFECTS__ */
export function headerGenre(vocabulary: Vocabulary): P.Parser<HeaderLine<LineNode>> {
  return headerLine(
    anyLineMatcher(NOT_A_GENRE, (text) => isGenreShaped(text, vocabulary)),
    // Stryker disable next-line StringLiteral: never shown
    "a genre",
    lineNode,
  );
}

/** `1948`: exactly four digits. */
export const year: P.Parser<HeaderLine<LineNode>> = /* @__PURE__ */ headerLine(
  lineMatcher(YEAR, DIGIT),
  EXPECTED.year,
  lineNode,
);

/** `133 min`, `2h 13m`: hours and minutes as written. */
export const runtime: P.Parser<HeaderLine<RuntimeNode>> = /* @__PURE__ */ headerLine(
  lineMatcher(RUNTIME, DIGIT),
  "a runtime like 133 min",
  ({ at, text, groups }) => ({ at, text, hours: groups.hours, minutes: groups.minutes ?? groups.onlyMinutes }),
);

/**
 * The certification for one vocabulary and this header's genres, as a
 * function of the genres: a header genre is never a certification, so the
 * grammar reaches it with `chain`. `NR`, `PG-13`, or a name of the
 * vocabulary (see {@link isCertification}).
 */
/* @__NO_SIDE_EFFECTS__ */
export function certification(
  vocabulary: Vocabulary,
): (headerGenres: readonly HeaderLine<LineNode>[]) => P.Parser<HeaderLine<LineNode>> {
  // No certification is longer than the longest name or token; a synopsis
  // line is turned away before it is lower-cased.
  // A loop, not `Math.max(...names)`: a vocabulary of a hundred thousand
  // names would overflow the call's arguments.
  let longest = 10;
  for (const name of vocabulary.certifications) longest = Math.max(longest, name.length + 8);
  const certificationOf = (genres: readonly string[]) =>
    headerLine(
      anyLineMatcher(undefined, (text) => text.length <= longest && isCertification(text, genres, vocabulary)),
      // Stryker disable next-line StringLiteral: never shown
      "a certification like PG-13",
      lineNode,
    );
  // Stryker disable next-line ArrayDeclaration: shortcut
  const withoutGenres = certificationOf([]);
  return (headerGenres) =>
    // Stryker disable next-line ConditionalExpression: shortcut
    headerGenres.length === 0 ? withoutGenres : certificationOf(headerGenres.map((genre) => genre.node.text));
}
