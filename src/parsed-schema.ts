/**
 * The schema `parseListing` validates a record with: FilmSchema's rules for
 * the fields whose values the input decides, built from `zod/v4/core`, the
 * part of zod that its classic and mini APIs share, so that the parse path
 * carries none of their methods, and an app that only parses stays small.
 *
 * Every other field of a parsed record is valid by construction (a
 * non-blank line, names with the empty ones dropped). The tests check that
 * this schema reports the same issues as FilmSchema's own field schemas, and
 * every parsed record against the whole FilmSchema.
 */

import * as z from "zod/v4/core";

/** The earliest release year a listing may give (the year rule of the layout). */
export const MIN_YEAR = 1870;

/** The highest star rating. */
export const MAX_RATING = 5;

// Each type with its checks, as `zod/mini`'s `.check()` makes it: its own
// definition, and the checks.
const number = (...checks: z.$ZodCheck<number>[]) => new z.$ZodNumber({ ...z._number(z.$ZodNumber)._zod.def, checks });
const int = (...checks: z.$ZodCheck<number>[]) =>
  new z.$ZodNumberFormat({ ...z._int(z.$ZodNumberFormat)._zod.def, checks });
const string = (...checks: z.$ZodCheck<string>[]) => new z.$ZodString({ ...z._string(z.$ZodString)._zod.def, checks });
const nullable = <T extends z.$ZodType>(innerType: T) => new z.$ZodNullable({ type: "nullable", innerType });
const object = <T extends z.$ZodShape>(shape: T) => new z.$ZodObject({ type: "object", shape });

/** The schema of the input-dependent fields, the release year bounded by `latestYear`. */
function buildParsedFilmSchema(latestYear: number) {
  return object({
    rating: nullable(number(z._gte(0), z._lte(MAX_RATING))),
    voteCount: nullable(int(z._gte(0))),
    year: int(z._gte(MIN_YEAR), z._lte(latestYear)),
    runtimeMinutes: nullable(int(z._gt(0))),
    reviews: z._array(z.$ZodArray, object({ text: string(z._minLength(1)) })),
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

/**
 * The message of an issue, as classic zod words it: the user's error map,
 * else the configured locale, else English. Classic zod configures English
 * when it loads; `zod/v4/core` does not, so without this an app that only
 * parses would get "Invalid input" where one that also imports FilmSchema
 * gets "Too big: expected number to be <=5".
 */
const message: z.$ZodErrorMap = (issue) => {
  const { customError, localeError } = z.config();
  return customError?.(issue) ?? localeError?.(issue) ?? english(issue);
};

/**
 * The words of zod's English locale for the issues this schema raises (a
 * type, a bound), which a test holds to the locale's own: the locale words
 * every issue of every schema, thousands of bytes that an app which only
 * parses would carry.
 */
function english(issue: z.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `Invalid input: expected ${issue.expected}, received ${typeName(issue.input)}`;
    case "too_big":
    case "too_small": {
      const small = issue.code === "too_small";
      const bound = small ? issue.minimum : issue.maximum;
      const relation = issue.exact ? "exactly " : `${small ? ">" : "<"}${issue.inclusive ? "=" : ""}`;
      const unit = SIZE_UNITS[issue.origin as string];
      const expected = unit === undefined ? `be ${relation}${bound}` : `have ${relation}${bound} ${unit}`;
      return `Too ${small ? "small" : "big"}: expected ${issue.origin} to ${expected}`;
    }
    default:
      return "Invalid input";
  }
}

/** What the size of a value of each kind counts, in zod's English. */
const SIZE_UNITS: Readonly<Record<string, string>> = {
  string: "characters",
  file: "bytes",
  array: "items",
  set: "items",
  map: "entries",
};

/** A value's type as zod's English locale names it. */
function typeName(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? "number" : String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  // zod names an object of a class by its constructor.
  if (type === "object" && Object.getPrototypeOf(value) !== Object.prototype) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    if (name) return name;
  }
  return type;
}

/** Validates a record's input-dependent fields; see {@link parsedFilmSchema}. */
export function checkParsedFilm(record: unknown, latestYear: number) {
  return z.safeParse(parsedFilmSchema(latestYear), record, { error: message });
}
