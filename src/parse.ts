/** `parseListing` and `safeParseListing`: text → validated Film. */

import { ListingError, type ListingParseError } from "./errors";
import type { Film } from "./film";
import { errorOf, notTextError, readListing } from "./inspect";
import { type ParseOptions, setupFor } from "./options";
import { NO_SPANS } from "./record/spans";

export { latestYearFor, type ParseOptions } from "./options";

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
  | { readonly success: false; readonly error: ListingParseError; readonly data?: undefined };

/**
 * Parses the text of a scraped film page into a validated {@link Film}.
 *
 * @throws {@link ListingError} when the text is not a film listing (or not a
 * string: `E_NOT_TEXT`); its `code`, `line` and `column` say what and
 * where, and its `issues` list every problem of the text.
 * @throws `TypeError` when an option is invalid.
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
  const setup = setupFor(options);
  if (typeof text !== "string") throw notTextError(text);
  const { film, found } = readListing(text, setup, NO_SPANS);
  const primary = found.issues.first();
  // No issue of severity error: the record is a whole Film.
  if (primary === undefined) return film as Film;
  throw errorOf(found, primary);
}

/**
 * Like {@link parseListing}, but returns the error instead of throwing it,
 * as zod's `safeParse` does. It never throws for any `text`, a non-string
 * included (`E_NOT_TEXT`); an invalid option is still a `TypeError`.
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
export function safeParseListing(text: unknown, options?: ParseOptions): SafeParseListingResult {
  try {
    return { success: true, data: parseListing(text as string, options) };
  } catch (error) {
    // Only formatListing raises E_UNREPRESENTABLE.
    if (error instanceof ListingError) return { success: false, error: error as ListingParseError };
    throw error;
  }
}
