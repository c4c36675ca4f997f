/**
 * What the property tests share: run counts, the fixtures, generators of
 * records and of listing-like text, and the checks every result must pass.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect } from "vitest";
import {
  BADGES,
  CERTIFICATIONS,
  ERROR_CODES,
  type Film,
  FilmSchema,
  GENRES,
  type ListingError,
  type SafeParseListingResult,
} from "../../src/index";
import { LINE_KINDS } from "../bench/shapes.mjs";

/**
 * Cases per property: 1,000; `FC_RUNS=20000 npm test` for a long local run,
 * and fewer for the mutation suite (`test/mutation/vitest.config.ts`).
 */
export const RUNS = Number(process.env.FC_RUNS ?? 0) || 1000;

/** A test's time limit, grown with the run count so that long local runs finish. */
export const TIMEOUT = Math.max(30_000, RUNS * 20);

import { referenceDate } from "../support/film";

/** Every year bound is taken from this fixed day: latest year 2031. */
export { referenceDate };
export const LATEST_YEAR = 2031;
export const options = { referenceDate };

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");

export interface Fixture {
  readonly slug: string;
  readonly text: string;
}

function readFixtures(folder: string): Fixture[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => ({ slug: name.slice(0, -".txt".length), text: readFileSync(join(folder, name), "utf8") }));
}

/** The listings of `fixtures/*.txt`, which all parse. */
export const listingFixtures = readFixtures(FIXTURES);
/** The listings of `fixtures/errors/*.txt`, which all fail. */
export const errorFixtures = readFixtures(join(FIXTURES, "errors"));

// ---------------------------------------------------------------- records

const PLAIN = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"];
const PUNCTUATION = [..."éüñçøßÆ日本語한국🎬—–'\"“”‘’.:;!?&+-/()#%*…"];

/** A word: mostly letters and digits, with accents, emoji, quotes, and now and then any code point. */
const word = fc.string({
  unit: fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom(...PLAIN) },
    { weight: 4, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
  ),
  minLength: 1,
  maxLength: 9,
});

/** Words joined by single spaces: a clean one-line value. */
const phrase = (maxWords = 5) => fc.array(word, { minLength: 1, maxLength: maxWords }).map((words) => words.join(" "));

/** A person or service name, now and then with a suffix after a comma. */
const name = fc.oneof(
  { weight: 12, arbitrary: phrase(3) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(phrase(2), fc.constantFrom("Jr.", "Sr.", "Jr", "II", "III", "IV"))
      .map(([person, suffix]) => `${person}, ${suffix}`),
  },
);

/** A line of review text: quotes, runs of spaces and blank lines welcome. */
const reviewLine = fc.oneof(
  { weight: 6, arbitrary: phrase(8) },
  { weight: 1, arbitrary: phrase(4).map((text) => `"${text}"`) },
  { weight: 1, arbitrary: fc.tuple(phrase(3), phrase(3)).map(([a, b]) => `${a}   ${b}`) },
  { weight: 1, arbitrary: fc.constant("") },
);

const reviewText = fc
  .tuple(phrase(8), fc.array(reviewLine, { maxLength: 4 }), fc.option(phrase(6), { nil: undefined }))
  .map(([first, middle, last]) => [first, ...middle, ...(last === undefined ? [] : [last])].join("\n"))
  .filter((text) => text === text.trim());

const rating = fc.oneof(
  fc.constantFrom(0, 5, 4.3, 4.35, 2.5, 1e-7),
  fc.integer({ min: 0, max: 5 }),
  fc.integer({ min: 0, max: 500 }).map((hundredths) => hundredths / 100),
  fc.double({ min: 0, max: 5, noNaN: true }),
);

const voteCount = fc.oneof(fc.constantFrom(0, 10 ** 9), fc.nat(), fc.maxSafeNat());
const runtimeMinutes = fc.oneof(fc.constantFrom(1, 10_000), fc.integer({ min: 1, max: 10_000 }));
const year = fc.oneof(fc.constantFrom(1870, LATEST_YEAR), fc.integer({ min: 1870, max: LATEST_YEAR }));

const certification = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CERTIFICATIONS) },
  { weight: 1, arbitrary: fc.constantFrom("12A", "15", "MA15+", "R18+", "M/PG", "U", "PG-12") },
);

/** A word a header genre may hold: letters, accents, `&`, `-` and `'`, no digit. */
const genreWord = fc.string({
  unit: fc.constantFrom(...PLAIN.filter((char) => !/\d/.test(char)), ..."éüñçøßÆ日本語&-'"),
  minLength: 1,
  maxLength: 9,
});

/**
 * Every vocabulary genre, free-form genre-shaped ones, and now and then any
 * phrase (which formatListing refuses when it is not genre-shaped).
 */
const genre = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(...GENRES) },
  { weight: 10, arbitrary: fc.array(genreWord, { minLength: 1, maxLength: 3 }).map((words) => words.join(" ")) },
  { weight: 1, arbitrary: phrase(3) },
);

/**
 * Records of every shape FilmSchema accepts, most of which the layout can
 * express: unicode, quotes, every vocabulary entry, the edges of each
 * number, and absent values.
 */
export const filmArbitrary: fc.Arbitrary<Film> = fc.record(
  {
    title: phrase(6),
    rating: fc.option(rating, { nil: null }),
    voteCount: fc.option(voteCount, { nil: null }),
    genres: fc.uniqueArray(genre, { maxLength: 4, selector: (value) => value.toLowerCase() }),
    year,
    runtimeMinutes: fc.option(runtimeMinutes, { nil: null }),
    certification: fc.option(certification, { nil: null }),
    synopsis: fc.option(
      fc.array(phrase(12), { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n")),
      { nil: null },
    ),
    cast: fc.array(name, { maxLength: 4 }),
    directors: fc.array(name, { maxLength: 2 }),
    badges: fc.shuffledSubarray([...BADGES], { maxLength: 4 }),
    availableOn: fc.array(name, { maxLength: 3 }),
    reviews: fc.array(
      reviewText.map((text) => ({ text })),
      { maxLength: 3 },
    ),
    // Plain objects, as parseListing returns them.
  },
  { noNullPrototype: true },
);

// ---------------------------------------------------------------- text

/** Lines that look like parts of a listing, for strings built from them. */
export const LISTING_LINES = [
  "",
  " ",
  "The Red Shoes",
  "4.3",
  "7.5",
  "0",
  "5.01",
  "(398)",
  "(1,234.5K)",
  "(2.5)",
  "(1.2345K)",
  "( 3.4m )",
  "Drama",
  "Music",
  "1948",
  "1869",
  "2040",
  "0 min",
  "133 min",
  "2h13m",
  "2 Seasons",
  "1 season",
  "NR",
  "12A",
  "Not Rated",
  "In this classic drama, a ballerina must choose.",
  "Starring:",
  "Starring: Moira Shearer, Anton Walbrook",
  "starring",
  "Directed by:",
  "Directed by: Michael Powell, Jr.",
  "Also Available On:",
  "Also Available On: Max, Criterion",
  "Community Reviews",
  "Community ReviewsSee all",
  "See all",
  "AD",
  "4K UHD",
  '"',
  '""',
  '"   "',
  '"A feast."',
  '"It opens',
  'and closes."',
  "“Curly”",
  "Read more",
  "\uFEFF",
  "\u00A0\t",
  "\u200B",
];

/** Line ends of every kind. */
export const lineEnd = fc.constantFrom("\n", "\r\n", "\r");

/** Text made of listing-like lines joined by any line ends, with stray characters. */
export const listingLikeText = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...LISTING_LINES) }, { weight: 1, arbitrary: fc.string() }),
      lineEnd,
    ),
    { maxLength: 30 },
  )
  .map((lines) => lines.map(([line, end]) => line + end).join(""));

/** One optional line: present or not. */
const maybe = (lines: fc.Arbitrary<string>) =>
  fc.option(lines, { nil: undefined }).map((line) => (line === undefined ? [] : [line]));

/** A section header and its names, inline and/or one a line below. */
const section = (headers: readonly string[]) =>
  fc
    .tuple(
      fc.constantFrom(...headers),
      fc.array(name, { maxLength: 3 }),
      fc.array(name, { maxLength: 2 }),
      fc.boolean(),
    )
    .map(([header, inline, below, colon]) => [
      inline.length > 0 ? `${header}: ${inline.join(", ")}` : colon ? `${header}:` : header,
      ...below,
    ]);

/**
 * Text laid out as a listing, field by field, with now and then a value out
 * of range, a series line, or a review that does not close: mostly
 * successes, and errors of every kind.
 */
export const layoutText = fc
  .tuple(
    fc.array(fc.oneof(phrase(4), fc.constantFrom(...LISTING_LINES)), { minLength: 1, maxLength: 1 }),
    maybe(fc.constantFrom("4.3", "0", "5", "4.35", "4.0", "7.5")),
    maybe(fc.constantFrom("(398)", "(1,234)", "(1.2K)", "(12k)", "( 3.4M )", "(2.5)")),
    fc.array(fc.oneof(fc.constantFrom(...GENRES), phrase(2)), { maxLength: 3 }),
    fc.constantFrom("1948", "1870", "2031", "1917", "2040", "1869").map((line) => [line]),
    maybe(fc.constantFrom("133 min", "2h13m", "1 hr", "45m", "2 hours 5 minutes", "0 min", "2 Seasons")),
    maybe(fc.constantFrom(...CERTIFICATIONS, "12A", "MA15+", "R18+")),
    fc.array(phrase(10), { maxLength: 3 }),
    fc.option(section(["Starring", "starring", "STARRING"]), { nil: [] }),
    fc.option(section(["Directed by", "directed by"]), { nil: [] }),
    fc.array(fc.oneof(fc.constantFrom(...GENRES), fc.constantFrom(...BADGES)), { maxLength: 3 }),
    fc.option(section(["Also Available On", "ALSO AVAILABLE ON"]), { nil: [] }),
    fc.option(
      fc.tuple(
        fc.constantFrom("Community Reviews", "Community ReviewsSee all", "Community Reviews:"),
        fc.array(
          fc.oneof(
            reviewText.map((text) => `"${text}"`),
            reviewText.map((text) => `“${text}”`),
            fc.constantFrom('""', '"   "', '"unclosed', "Read more"),
          ),
          { maxLength: 3 },
        ),
      ),
      { nil: undefined },
    ),
    fc.array(lineEnd, { minLength: 1, maxLength: 3 }),
  )
  .map(
    ([title, rating, votes, genres, year, runtime, cert, synopsis, cast, directors, run, services, reviews, ends]) => {
      const lines = [
        ...title,
        ...rating,
        ...votes,
        ...genres,
        ...year,
        ...runtime,
        ...cert,
        ...synopsis,
        ...cast,
        ...directors,
        ...run,
        ...services,
        ...(reviews === undefined ? [] : [reviews[0], ...reviews[1]]),
      ];
      return lines.map((line, at) => line + (ends[at % ends.length] as string)).join("");
    },
  );

/**
 * A long run of one character (a space, a digit, a comma, a quote, an NBSP,
 * a tab, a joiner) inside one line of every kind the layout has, where a
 * hostile page would put it: the inputs that once made a step quadratic.
 */
export const longRunText = fc
  .record({
    kind: fc.constantFrom(...Object.keys(LINE_KINDS)),
    fill: fc.constantFrom(" ", "7", ",", '"', "\u00A0", "\t", "\u200D", ".", "0"),
    length: fc.integer({ min: 1, max: 20_000 }),
    end: lineEnd,
  })
  .map(({ kind, fill, length, end }) =>
    (LINE_KINDS[kind] as (run: string) => string)(fill.repeat(length)).replace(/\n/g, end),
  );

// ---------------------------------------------------------------- checks

/** Where each line of `text` starts, for every kind of line end. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

/**
 * The title a text must have if it parses: its first non-blank line, with
 * white space read as spaces, trimmed, runs collapsed. `undefined` when a
 * line up to it holds an invisible format character (zero-width, BOM, bidi
 * mark…), whose cleaning has rules of its own.
 */
export function expectedTitle(text: string): string | undefined {
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (/\p{Cf}/u.test(line)) return undefined;
    const title = line.replace(/\s+/g, " ").trim();
    if (title !== "") return title;
  }
  return undefined;
}

/**
 * A failure has a known code and a position inside `text` whose line,
 * column and offset agree; a success is a record FilmSchema accepts, with
 * a year inside the bounds and the text's first line as its title.
 */
export function expectWellFormed(result: SafeParseListingResult, text: string): void {
  if (result.success) {
    expect(FilmSchema.safeParse(result.data).success).toBe(true);
    expect(result.data.year).toBeLessThanOrEqual(LATEST_YEAR);
    const title = expectedTitle(text);
    if (title !== undefined) expect(result.data.title).toBe(title);
    return;
  }
  expectPositionInside(result.error, text);
}

export function expectPositionInside(error: ListingError, text: string): void {
  expect(ERROR_CODES).toContain(error.code);
  const starts = lineStarts(text);
  expect(error.line).toBeGreaterThanOrEqual(1);
  expect(error.line).toBeLessThanOrEqual(starts.length);
  expect(error.column).toBeGreaterThanOrEqual(1);
  const lineStart = starts[error.line - 1] as number;
  const next = starts[error.line];
  const lineEnd =
    next === undefined ? text.length : text.slice(lineStart, next).replace(/\r?\n$|\r$/, "").length + lineStart;
  expect(error.offset).toBe(lineStart + error.column - 1);
  expect(error.offset).toBeLessThanOrEqual(lineEnd);
  expect(error.offset).toBeLessThanOrEqual(text.length);
  const hint = error.hint === undefined ? "" : `; hint: ${error.hint}`;
  expect(error.message).toBe(`line ${error.line}, column ${error.column}: ${error.reason}${hint}`);
  if (error.code === "E_EMPTY") {
    expect([error.line, error.column, error.offset]).toEqual([1, 1, 0]);
    return;
  }
  // An error points at the first non-blank character of its line, or, at
  // the end of the input, just after the last non-blank character.
  const before = [...text.slice(lineStart, error.offset)];
  const after = [...text.slice(error.offset, lineEnd)];
  if (after.every(isBlank)) {
    expect(isBlank(before.at(-1) ?? " ")).toBe(false);
  } else {
    expect(before.every(isBlank)).toBe(true);
    expect(isBlank(after[0] as string)).toBe(false);
  }
}

/**
 * Spaces, tabs, Unicode spaces and the invisible format characters: what
 * the noise rule cleans away (a joiner at a line's edge joins nothing).
 */
const ZERO_WIDTH = new Set([
  ..."\u200B\u200C\u200D\u2060\uFEFF\u00AD\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069",
]);
const isBlank = (char: string) => /^\s$/.test(char) || ZERO_WIDTH.has(char);
