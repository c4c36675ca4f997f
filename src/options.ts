/** The options of the entry points, checked once per call. */

import { isValid } from "date-fns/isValid";
import { listingReader } from "./grammar/listing";
import type { ListingRead } from "./grammar/tree";
import { DEFAULT_VOCABULARY, type Vocabulary, type VocabularyOptions, vocabularyFor } from "./vocabulary";

/**
 * Options of {@link parseListing}, {@link safeParseListing} and
 * {@link inspectListing}.
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
  /**
   * The most issues an inspection (and an error's `issues`) lists: the
   * first ones in text order, then one `W_MORE_ISSUES` that counts the
   * rest; the issue that names the error is always listed. A whole number
   * from 1, or `Infinity`; defaults to 1,000, so that a hostile text of
   * millions of problems costs the memory of a thousand.
   */
  readonly maxIssues?: number | undefined;
}

/** The default of `maxIssues`. */
export const DEFAULT_MAX_ISSUES = 1000;

/** What reading one listing needs from its options. */
export interface ReadingSetup {
  readonly vocabulary: Vocabulary;
  /** The last valid release year. */
  readonly latestYear: number;
  /** The most issues listed. */
  readonly maxIssues: number;
  readonly read: (clean: string) => ListingRead;
}

/** How many years after the reference year a release year may be. */
const YEARS_AHEAD = 5;

const DEFAULT_READER = listingReader(DEFAULT_VOCABULARY);
let lastReader: { vocabulary: Vocabulary; read: (clean: string) => ListingRead } | undefined;

/**
 * The vocabulary, latest year and reader for `options`.
 *
 * @throws `TypeError` when an option is invalid.
 */
export function setupFor(options: ParseOptions): ReadingSetup {
  const checked = checkOptions(options);
  const vocabulary = vocabularyFor(checked);
  const latestYear = latestYearFor(checked.referenceDate);
  return { vocabulary, latestYear, maxIssues: checked.maxIssues ?? DEFAULT_MAX_ISSUES, read: readerFor(vocabulary) };
}

/** The vocabulary options, each a list of names. */
const NAME_OPTIONS = ["genres", "badges", "certifications"] as const;

/**
 * `options` as given, once checked: `undefined` or an object, whose
 * vocabulary options are arrays of strings (a string would be read as its
 * letters, a number not at all), and `maxIssues` a whole number from 1
 * or `Infinity`. The reference date is checked by
 * {@link latestYearFor}.
 *
 * @throws `TypeError` naming the option and what it got.
 */
export function checkOptions(options: unknown): ParseOptions {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`options must be an object, got ${describe(options)}`);
  }
  for (const name of NAME_OPTIONS) {
    const names: unknown = (options as Record<string, unknown>)[name];
    if (names === undefined) continue;
    if (!Array.isArray(names)) throw new TypeError(`${name} must be an array of strings, got ${describe(names)}`);
    for (let index = 0; index < names.length; index++) {
      if (typeof names[index] !== "string") {
        throw new TypeError(`${name}[${index}] must be a string, got ${describe(names[index])}`);
      }
    }
  }
  const { maxIssues } = options as ParseOptions;
  if (
    maxIssues !== undefined &&
    !(Number.isInteger(maxIssues) && maxIssues >= 1) &&
    maxIssues !== Number.POSITIVE_INFINITY
  ) {
    throw new TypeError(
      `maxIssues must be a whole number from 1, or Infinity, got ${typeof maxIssues === "number" ? maxIssues : describe(maxIssues)}`,
    );
  }
  return options;
}

function readerFor(vocabulary: Vocabulary): (clean: string) => ListingRead {
  if (vocabulary === DEFAULT_VOCABULARY) return DEFAULT_READER;
  if (lastReader?.vocabulary !== vocabulary) {
    lastReader = { vocabulary, read: listingReader(vocabulary) };
  }
  return lastReader.read;
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

/** A value's kind, for messages: `null`, `an array`, `number`. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  try {
    if (value instanceof Date) return "an invalid Date";
    if (Array.isArray(value)) return "an array";
  } catch {
    // A revoked Proxy, or one whose traps throw, is still an object.
  }
  return typeof value;
}
