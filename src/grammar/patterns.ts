/**
 * The layout's line shapes as plain regular expressions, and the tests on
 * one line that the grammar and `formatListing` share. No parsimmon here:
 * the printer and an app that only reads a vocabulary use this module.
 *
 * The line patterns are sticky (`y`): the grammar tries each at the start
 * of a line only, never at every position of the input, and ReDoS checks
 * judge them as they run.
 *
 * Equivalent mutants, marked "shortcut": the first-character table of
 * {@link lineTester} (a line it turns away fails the pattern too), and the
 * test before {@link collapseSpaces} replaces (a text without a run of
 * spaces comes out of the replace unchanged).
 */

import type { Vocabulary } from "../vocabulary";

/** A release year: exactly four digits. */
export const YEAR = /\d{4}/y;

/** A rating: a plain number that is not four digits (those are years). */
export const RATING = /(?!\d{4}(?:\n|$))\d+(?:\.\d+)?/y;

/**
 * A vote count: `(398)`, `(1,234)`, `( 1.2K )`, `(3.4m)`. The spaces before
 * the closing parenthesis are one run whether or not a unit stands in it:
 * two optional runs side by side would try every split of a long run.
 */
export const VOTES = /\( *(?<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<fraction>\d+))? *(?:(?<unit>[km]) *)?\)/iy;

/**
 * A runtime: hours and/or minutes, `133 min`, `2h13m`, `2 hours`. Written
 * out whole, the minutes twice: an expression built from strings when the
 * module loads fails at the import, not in a test, when a piece is wrong.
 */
export const RUNTIME =
  /(?<hours>\d+) *(?:hours?|hrs?|h)(?: *(?<minutes>\d+) *(?:minutes?|mins?|m))?|(?<onlyMinutes>\d+) *(?:minutes?|mins?|m)/iy;

/** A series' season count, which no film listing has. */
export const SEASONS = /\d+ *seasons?/iy;

/**
 * `Starring:`, `Directed by:` or `Also Available On:`, with the names after
 * the colon. One expression for the three, so that a line is tried once.
 */
export const LIST_HEADER = /(?:starring|directed +by|also +available +on)(?: *:[^\n]*)?/iy;

/**
 * `Community Reviews`, an optional colon and an optional glued `See all`.
 * Written so that each run of spaces has one place to go: ` *:?(?: *…)?`
 * would try every split of a long run between its two stars.
 */
export const COMMUNITY_REVIEWS = /community +reviews *(?:: *)?(?<seeAll>see +all)?/iy;

/** The link a reviews header may be followed by, on a line of its own. */
export const SEE_ALL = /see +all/iy;

/** Any section header, for the lines that must not be one. */
export const SECTION_HEADER = /* @__PURE__ */ new RegExp(`${LIST_HEADER.source}|${COMMUNITY_REVIEWS.source}`, "iy");

/** The first characters of the lines above. */
export const DIGIT = "0123456789";

/**
 * The characters a line of some kind can start with, as given to a leaf:
 * `"0123456789"`. Letters are given in lower case and match in either.
 */
export type FirstCharacter = string;

/** Lines of one kind: the first characters they can start with, and their pattern. */
export interface LineKind {
  readonly startsWith: FirstCharacter;
  readonly pattern: RegExp;
}

/** Section headers, which end a run of synopsis or name lines. */
export const SECTION_HEADER_LINE: LineKind = { startsWith: "sdac", pattern: SECTION_HEADER };

/** Lines that end the header genres: the year, and what may not come before it. */
export const NOT_A_GENRE: LineKind = {
  startsWith: `${DIGIT}sdac`,
  pattern: /* @__PURE__ */ new RegExp(
    `${YEAR.source}|${RUNTIME.source}|${SEASONS.source}|${SECTION_HEADER.source}`,
    "iy",
  ),
};

/** A listing has at most this many header genres. */
export const MAX_HEADER_GENRES = 10;

/**
 * What the layout expects where the grammar finds a problem: the
 * `expected` of its issue.
 */
export const EXPECTED = {
  title: "a title",
  film: "a film, not a series (a line like 2 Seasons)",
  year: "a year like 1948",
  reviewOpen: "a review opening with a quote",
  reviewClose: "a line ending with a closing quote, followed by the next review or the end",
} as const;

const NEWLINE = 10;

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

/** A lookup table of the first characters, by character code. */
export function firstCharacterTable(characters: FirstCharacter): Uint8Array {
  const table = new Uint8Array(128);
  for (const character of characters + characters.toUpperCase()) {
    table[character.charCodeAt(0)] = 1;
  }
  return table;
}

/**
 * `pattern`, sticky (`y`) as every line pattern is, as an expression that
 * must end where the line ends.
 */
export function lineRegExp(pattern: RegExp): RegExp {
  return new RegExp(`(?:${pattern.source})(?=\\n|$)`, pattern.flags);
}

/**
 * Whether the line at `start` is of `kind`: a test, with no match to
 * build, tried only on lines whose first character could start it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lineTester(kind: LineKind): (input: string, start: number) => boolean {
  const sticky = lineRegExp(kind.pattern);
  const first = firstCharacterTable(kind.startsWith);
  return (input, start) => {
    // Stryker disable next-line ConditionalExpression: shortcut
    if (first[input.charCodeAt(start)] !== 1) return false;
    sticky.lastIndex = start;
    return sticky.test(input);
  };
}

/**
 * Whole-line forms of the header's line kinds, for code that holds one line
 * rather than a listing (`formatListing` checks what a value would read as).
 */
export const LINE_SHAPES = {
  year: /* @__PURE__ */ wholeLine(YEAR),
  rating: /* @__PURE__ */ wholeLine(RATING),
  votes: /* @__PURE__ */ wholeLine(VOTES),
  runtime: /* @__PURE__ */ wholeLine(RUNTIME),
  seasons: /* @__PURE__ */ wholeLine(SEASONS),
  sectionHeader: /* @__PURE__ */ wholeLine(SECTION_HEADER),
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

const RUN_OF_SPACES = / {2,}/g;
// Faster than `includes("  ")`, which starts a comparison at every space.
// Stryker disable next-line Regex: shortcut
const HAS_RUN_OF_SPACES = / {2}/;

/** Runs of spaces collapsed to one (lines and noise); every value but review text. */
export function collapseSpaces(text: string): string {
  // Stryker disable next-line ConditionalExpression: shortcut
  return HAS_RUN_OF_SPACES.test(text) ? text.replace(RUN_OF_SPACES, " ") : text;
}
