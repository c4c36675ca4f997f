/**
 * The schema `parseListing` validates a record with: FilmSchema's rules for
 * the fields whose values the input decides, written with `zod/mini` so
 * that the parse path carries none of classic zod's methods, and an app
 * that only parses stays small.
 *
 * Every other field of a parsed record is valid by construction (a
 * non-blank line, names with the empty ones dropped). The tests check that
 * this schema reports the same issues as FilmSchema's own field schemas, and
 * every parsed record against the whole FilmSchema.
 */

import { en } from "zod/v4/locales";
import * as z from "zod/v4/mini";

/** The earliest release year a listing may give (the year rule of the layout). */
export const MIN_YEAR = 1870;

/** The highest star rating. */
export const MAX_RATING = 5;

/** The schema of the input-dependent fields, the release year bounded by `latestYear`. */
function buildParsedFilmSchema(latestYear: number) {
  return z.object({
    rating: z.nullable(z.number().check(z.gte(0), z.lte(MAX_RATING))),
    voteCount: z.nullable(z.int().check(z.gte(0))),
    year: z.int().check(z.gte(MIN_YEAR), z.lte(latestYear)),
    runtimeMinutes: z.nullable(z.int().check(z.gt(0))),
    reviews: z.array(z.object({ text: z.string().check(z.minLength(1)) })),
  });
}

/** The schema `parseListing` validates a record with; see {@link parsedFilmSchema}. */
export type ParsedFilmSchema = ReturnType<typeof buildParsedFilmSchema>;

const schemasByLatestYear = new Map<number, ParsedFilmSchema>();

/**
 * The input-dependent fields of `FilmSchema`, with the release year bounded
 * above by `latestYear` as well; one schema per bound, made once.
 */
export function parsedFilmSchema(latestYear: number): ParsedFilmSchema {
  let schema = schemasByLatestYear.get(latestYear);
  if (schema === undefined) {
    schema = buildParsedFilmSchema(latestYear);
    schemasByLatestYear.set(latestYear, schema);
  }
  return schema;
}

let english: z.core.$ZodErrorMap | undefined;

/**
 * The message of an issue, as classic zod words it: the user's error map,
 * else the configured locale, else English. Classic zod configures English
 * when it loads; `zod/mini` does not, so without this an app that only
 * parses would get "Invalid input" where one that also imports FilmSchema
 * gets "Too big: expected number to be <=5".
 */
const message: z.core.$ZodErrorMap = (issue) => {
  const { customError, localeError } = z.config();
  english ??= en().localeError;
  return customError?.(issue) ?? localeError?.(issue) ?? english?.(issue);
};

/** Validates a record's input-dependent fields; see {@link parsedFilmSchema}. */
export function checkParsedFilm(record: unknown, latestYear: number) {
  return parsedFilmSchema(latestYear).safeParse(record, { error: message });
}
