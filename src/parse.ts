/** `parseListing` and `safeParseListing`: text → validated Film. */

import { isValid } from "date-fns";
import type P from "parsimmon";
import { ListingError } from "./errors";
import type { Film } from "./film";
import { run } from "./grammar/combinators";
import { collapseSpaces, EXPECTED } from "./grammar/leaves";
import { listingGrammar } from "./grammar/listing";
import type { ListingNode } from "./grammar/tree";
import { cleanText, endPosition, originalPosition } from "./lines";
import { toFilm } from "./record";
import { DEFAULT_VOCABULARY, type Vocabulary, type VocabularyOptions, vocabularyFor } from "./vocabulary";

/**
 * Options of {@link parseListing}.
 *
 * @example
 * ```ts
 * const options: ParseOptions = { referenceDate: new Date("2026-11-25"), certifications: ["Tous publics"] };
 * parseListing("Amélie\n2001\nTous publics", options).certification; // "Tous publics"
 * ```
 *
 * @group Parsing
 */
export interface ParseOptions extends VocabularyOptions {
  /**
   * The date the release year is checked against: a year may be at most
   * five years after this date's year, taken in UTC. Defaults to now.
   */
  readonly referenceDate?: Date | undefined;
}

/**
 * The result of {@link safeParseListing}, shaped like zod's `safeParse`.
 *
 * @example
 * ```ts
 * const result: SafeParseListingResult = safeParseListing("The Red Shoes\n1948");
 * if (result.success) result.data.year; // 1948
 * else result.error.code;
 * ```
 *
 * @group Parsing
 */
export type SafeParseListingResult =
  | { readonly success: true; readonly data: Film; readonly error?: undefined }
  | { readonly success: false; readonly error: ListingError; readonly data?: undefined };

/** How many years after the reference year a release year may be. */
const YEARS_AHEAD = 5;

const DEFAULT_GRAMMAR = listingGrammar(DEFAULT_VOCABULARY);
let lastGrammar: { vocabulary: Vocabulary; grammar: P.Parser<ListingNode> } | undefined;

/**
 * Parses the text of a scraped film page into a validated {@link Film}.
 *
 * @throws {@link ListingError} when the text is not a film listing; its `code`,
 * `line` and `column` say what and where.
 * @throws `TypeError` when `text` is not a string, or an option is invalid.
 *
 * @example
 * ```ts
 * const film = parseListing("The Red Shoes\n4.3\n(398)\nDrama\n1948\n133 min\nNR");
 * film.title; // "The Red Shoes"
 * film.voteCount; // 398
 * film.runtimeMinutes; // 133
 * ```
 *
 * @group Parsing
 */
export function parseListing(text: string, options: ParseOptions = {}): Film {
  if (typeof text !== "string") {
    throw new TypeError(`parseListing expects the listing as a string, got ${describe(text)}`);
  }
  const vocabulary = vocabularyFor(options);
  const latestYear = latestYearFor(options.referenceDate);
  const clean = cleanText(text);
  const locate = (at: number) => originalPosition(text, clean, at);
  const result = run(grammarFor(vocabulary), clean);
  if (!result.status) throw syntaxError(text, clean, result);
  return toFilm(result.value, { vocabulary, latestYear, locate });
}

/**
 * Like {@link parseListing}, but returns the error instead of throwing it,
 * as zod's `safeParse` does.
 *
 * @example
 * ```ts
 * const result = safeParseListing("The Red Shoes\n7.5\n1948");
 * if (!result.success) {
 *   result.error.code; // "E_INVALID"
 *   result.error.line; // 2
 * }
 * ```
 *
 * @group Parsing
 */
export function safeParseListing(text: string, options?: ParseOptions): SafeParseListingResult {
  if (typeof text !== "string") {
    throw new TypeError(`safeParseListing expects the listing as a string, got ${describe(text)}`);
  }
  try {
    return { success: true, data: parseListing(text, options) };
  } catch (error) {
    if (error instanceof ListingError) return { success: false, error };
    throw error;
  }
}

function grammarFor(vocabulary: Vocabulary): P.Parser<ListingNode> {
  if (vocabulary === DEFAULT_VOCABULARY) return DEFAULT_GRAMMAR;
  if (lastGrammar?.vocabulary !== vocabulary) {
    lastGrammar = { vocabulary, grammar: listingGrammar(vocabulary) };
  }
  return lastGrammar.grammar;
}

/** The last reference date checked, so that a batch with one date checks it once. */
let lastReference: { readonly date: Date; readonly time: number; readonly latestYear: number } | undefined;

/**
 * The last release year a parse accepts: five years after the reference
 * date's UTC year.
 *
 * @throws `TypeError` when `referenceDate` is not a valid Date.
 */
export function latestYearFor(referenceDate: Date | undefined): number {
  if (referenceDate === undefined) return new Date().getUTCFullYear() + YEARS_AHEAD;
  if (referenceDate === lastReference?.date && referenceDate.getTime() === lastReference.time) {
    return lastReference.latestYear;
  }
  if (!(referenceDate instanceof Date) || !isValid(referenceDate)) {
    throw new TypeError(`referenceDate must be a valid Date, got ${describe(referenceDate)}`);
  }
  const latestYear = referenceDate.getUTCFullYear() + YEARS_AHEAD;
  lastReference = { date: referenceDate, time: referenceDate.getTime(), latestYear };
  return latestYear;
}

/** The codes of the errors the grammar finds. */
type SyntaxErrorCode = "E_EMPTY" | "E_SERIES" | "E_MISSING_YEAR" | "E_UNTERMINATED_REVIEW" | "E_REVIEW_START";

/** Which expectation names which error, first match wins. */
const SYNTAX_CODES: readonly (readonly [string, SyntaxErrorCode])[] = [
  [EXPECTED.title, "E_EMPTY"],
  [EXPECTED.film, "E_SERIES"],
  [EXPECTED.year, "E_MISSING_YEAR"],
  [EXPECTED.reviewClose, "E_UNTERMINATED_REVIEW"],
  [EXPECTED.reviewOpen, "E_REVIEW_START"],
];

function syntaxError(source: string, clean: string, failure: P.FailureReply): ListingError {
  const at = failure.furthest;
  const expected = [...new Set(failure.expected)].sort();
  const code = SYNTAX_CODES.find(([description]) => expected.includes(description))?.[1];
  if (code === undefined) {
    // Every way the grammar can fail names one of the codes above.
    throw new Error(`film-listing: the grammar failed without a known cause (expected ${expected.join(", ")})`);
  }
  if (code === "E_EMPTY") {
    return new ListingError({
      code,
      reason: "expected a film listing, found only blank lines",
      line: 1,
      column: 1,
      offset: 0,
      expected: [EXPECTED.title],
      found: "the end",
    });
  }
  const atEnd = at >= clean.length - trailingNewlines(clean);
  const found = atEnd ? "the end" : foundLine(clean, at);
  const shown = atEnd ? found : JSON.stringify(found);
  const reasons: Record<Exclude<SyntaxErrorCode, "E_EMPTY">, string> = {
    E_SERIES: `expected a film, found ${shown}, which marks a series`,
    E_MISSING_YEAR: `expected ${EXPECTED.year}, found ${shown}`,
    E_UNTERMINATED_REVIEW: `the review opened here is never closed: expected ${EXPECTED.reviewClose}`,
    E_REVIEW_START: `expected ${EXPECTED.reviewOpen}, found ${shown}`,
  };
  return new ListingError({
    code,
    reason: reasons[code],
    ...(atEnd ? endPosition(source, clean) : originalPosition(source, clean, at)),
    expected,
    found,
  });
}

function trailingNewlines(text: string): number {
  let count = 0;
  while (text.charCodeAt(text.length - 1 - count) === 10) count++;
  return count;
}

const FOUND_LENGTH = 60;

/** The clean line at `at`, cut short, for messages. */
function foundLine(clean: string, at: number): string {
  const newline = clean.indexOf("\n", at);
  const line = collapseSpaces(
    clean.slice(at, newline === -1 ? Math.min(clean.length, at + FOUND_LENGTH * 2) : newline),
  );
  return line.length > FOUND_LENGTH ? `${line.slice(0, FOUND_LENGTH - 1)}…` : line;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (value instanceof Date) return "an invalid Date";
  return Array.isArray(value) ? "an array" : typeof value;
}
