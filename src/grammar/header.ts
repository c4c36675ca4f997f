/**
 * The header block: title, rating, vote count, header genres,
 * year, runtime and certification, in that fixed order.
 */

import type { Vocabulary } from "../vocabulary";
import { map, type Parser, type SuccessReply, succeed } from "./combinators";
import { afterBlankLines, anyLineBut, collapseSpaces, line, lineEnd, lineTester } from "./leaves";
import { SECTION_HEADER } from "./sections";
import type { LineNode, RuntimeNode, VotesNode } from "./tree";

// The line patterns are sticky (`y`): the grammar tries each at the start
// of a line only, never at every position of the input, and ReDoS checks
// judge them as they run.

/** A release year: exactly four digits. */
const YEAR = /\d{4}/y;

/** A rating: a plain number that is not four digits (those are years). */
const RATING = /(?!\d{4}(?:\n|$))\d+(?:\.\d+)?/y;

/**
 * A vote count: `(398)`, `(1,234)`, `( 1.2K )`, `(3.4m)`. The spaces before
 * the closing parenthesis are one run whether or not a unit stands in it:
 * two optional runs side by side would try every split of a long run.
 */
const VOTES = /\( *(?<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<fraction>\d+))? *(?:(?<unit>[km]) *)?\)/iy;

/**
 * A runtime: hours and/or minutes, `133 min`, `2h13m`, `2 hours`. Written
 * out whole, the minutes twice: an expression built from strings when the
 * module loads fails at the import, not in a test, when a piece is wrong.
 */
const RUNTIME =
  /(?<hours>\d+) *(?:hours?|hrs?|h)(?: *(?<minutes>\d+) *(?:minutes?|mins?|m))?|(?<onlyMinutes>\d+) *(?:minutes?|mins?|m)/iy;

/** A series' season count, which no film listing has. */
const SEASONS = /\d+ *seasons?/iy;

/** The first characters of the lines above. */
const DIGIT = "0123456789";
const PARENTHESIS = "(";

/** Lines that end the header genres: the year, and what may not come before it. */
const NOT_A_GENRE = {
  startsWith: `${DIGIT}sdac`,
  pattern: new RegExp(`${YEAR.source}|${RUNTIME.source}|${SEASONS.source}|${SECTION_HEADER.source}`, "iy"),
};

/** The first non-blank line, whatever it says. */
export const title: Parser<LineNode> = anyLineBut();

export const rating: Parser<LineNode> = line(RATING, DIGIT);

export const votes: Parser<VotesNode> = map(line(VOTES, PARENTHESIS), ({ at, text, groups }) => ({
  at,
  text,
  // Not optional in VOTES: the cast only tells the type checker so.
  whole: groups.whole as string,
  fraction: groups.fraction ?? "",
  unit: groups.unit ?? "",
}));

export const headerGenre: Parser<LineNode> = anyLineBut(NOT_A_GENRE);

/** A listing has at most this many header genres. */
export const MAX_HEADER_GENRES = 10;

/** A header genre outside the vocabulary is at most this long, after cleaning. */
const MAX_GENRE_LENGTH = 40;

/** Characters no genre holds: digits and the punctuation of menus, prices and prompts. */
const NOT_IN_A_GENRE = /[\d?!:;|%$#@*=<>()[\]{}"“”©®™]/;

/**
 * Whether a line looks like a header genre: a name of the genre
 * vocabulary, or a short line without digits or the punctuation of
 * `NOT_IN_A_GENRE`. This keeps a page of another layout (a site's
 * navigation menu before any year) from passing for a film's genres.
 */
export function isGenreShaped(text: string, vocabulary: Vocabulary): boolean {
  const collapsed = collapseSpaces(text);
  if (!NOT_IN_A_GENRE.test(text) && collapsed.length <= MAX_GENRE_LENGTH) return true;
  return vocabulary.genres.has(collapsed.toLowerCase());
}

export const year: Parser<LineNode> = line(YEAR, DIGIT);

export const runtime: Parser<RuntimeNode> = map(line(RUNTIME, DIGIT), ({ at, text, groups }) => ({
  at,
  text,
  hours: groups.hours,
  minutes: groups.minutes ?? groups.onlyMinutes,
}));

/** Whether the line at an index is `2 Seasons`: the page is a series (E_SERIES). */
export const isSeasons: (input: string, start: number) => boolean = lineTester(SEASONS, DIGIT);

/**
 * Whole-line forms of the header's line kinds, for code that holds one line
 * rather than a listing (`formatListing` checks what a value would read as).
 */
export const LINE_SHAPES = {
  year: wholeLine(YEAR),
  rating: wholeLine(RATING),
  votes: wholeLine(VOTES),
  runtime: wholeLine(RUNTIME),
  seasons: wholeLine(SEASONS),
  sectionHeader: wholeLine(SECTION_HEADER),
} as const;

/** Whether a whole text is one line of a kind. */
export interface LineShape {
  test(text: string): boolean;
}

/** `pattern`, sticky, from the start of a text to its end. */
/* @__NO_SIDE_EFFECTS__ */
function wholeLine(pattern: RegExp): LineShape {
  const shape = new RegExp(`(?:${pattern.source})$`, pattern.flags);
  return {
    test: (text) => {
      shape.lastIndex = 0;
      return shape.test(text);
    },
  };
}

/** A certification by shape: one short token with a digit or in capitals. */
const CERTIFICATION_TOKEN = /^[A-Za-z0-9][A-Za-z0-9+\-/]{0,9}$/;
const HAS_DIGIT = /\d/;
const HAS_LOWER_CASE = /[a-z]/;

/**
 * Whether one line, as written, is a certification: a
 * name from the vocabulary, or a token of its shape that is not a genre (of
 * the vocabulary or of this header), a badge or a section header.
 */
export function isCertification(text: string, headerGenres: readonly string[], vocabulary: Vocabulary): boolean {
  const lower = text.toLowerCase();
  if (vocabulary.certifications.has(collapseSpaces(lower))) return true;
  return (
    CERTIFICATION_TOKEN.test(text) &&
    (HAS_DIGIT.test(text) || !HAS_LOWER_CASE.test(text)) &&
    !vocabulary.genres.has(lower) &&
    !vocabulary.badges.has(lower) &&
    !LINE_SHAPES.sectionHeader.test(text) &&
    !headerGenres.some((genre) => genre.toLowerCase() === lower)
  );
}

/**
 * The certification step: {@link isCertification} on the line at `start`.
 * A plain function rather than a parser, as it needs the header genres of
 * this parse; `null` when the line is no certification.
 */
export function certification(
  vocabulary: Vocabulary,
): (input: string, start: number, headerGenres: readonly LineNode[]) => SuccessReply<LineNode> | null {
  // No certification is longer than the longest name or token; a synopsis
  // line is turned away before it is lower-cased.
  // A loop, not `Math.max(...names)`: a vocabulary of a hundred thousand
  // names would overflow the call's arguments.
  let longest = 10;
  for (const name of vocabulary.certifications) longest = Math.max(longest, name.length + 8);
  return (input, start, headerGenres) => {
    const end = lineEnd(input, start);
    if (end === start || end - start > longest) return null;
    const text = input.slice(start, end);
    const genres = headerGenres.map((genre) => genre.text);
    if (!isCertification(text, genres, vocabulary)) return null;
    return succeed(afterBlankLines(input, end), { at: start, text });
  };
}
