import { z } from "zod";

/** The earliest release year a listing may give (the year rule of the layout). */
export const MIN_YEAR = 1870;

/**
 * One user review: the text between its quotes, lines joined with `\n`.
 *
 * @example
 * ```ts
 * ReviewSchema.parse({ text: "A feast." }); // { text: "A feast." }
 * ```
 *
 * @group Record
 */
export const ReviewSchema = z.object({
  text: z.string().min(1),
});

/**
 * The record a listing parses to, the single source of the
 * {@link Film} type. Absent values are `null` or `[]`.
 *
 * The release year's upper bound depends on the reference date of the
 * parse (five years after it), so this schema checks only the lower bound;
 * `parseListing` checks both.
 *
 * @example
 * ```ts
 * const film = FilmSchema.parse(JSON.parse(json));
 * film.year; // 1948
 * ```
 *
 * @group Record
 */
export const FilmSchema = z.object({
  /** The title: the first non-blank line, whatever it says (`1917`, `Music` and `4.3` are titles there). Non-empty. */
  title: z.string().min(1),
  /** The star rating, from 0 to 5 (`4.3`); `null` when the page gives none. */
  rating: z.number().min(0).max(5).nullable(),
  /** How many votes the rating has, a whole number ≥ 0: `(1.2K)` is 1200; `null` when not given. */
  voteCount: z.int().min(0).nullable(),
  /** The header genres, then the detail genres of the trailing run, without repeats (compared case-insensitively, first spelling kept). */
  genres: z.array(z.string().min(1)),
  /** The release year, from 1870 to five years after the reference date's year. Always present. */
  year: z.int().min(MIN_YEAR),
  /** The runtime in whole minutes, > 0 (`2h 13m` is 133); `null` when not given. */
  runtimeMinutes: z.int().positive().nullable(),
  /** The certification as written (`NR`, `PG-13`, `12A`); `null` when not given. */
  certification: z.string().min(1).nullable(),
  /** The synopsis, its lines joined with `\n`, spaces collapsed; `null` when there is none. */
  synopsis: z.string().min(1).nullable(),
  /** The cast under `Starring:`, in order; `Sammy Davis, Jr.` is one name. */
  cast: z.array(z.string().min(1)),
  /** The directors under `Directed by:`, in order. */
  directors: z.array(z.string().min(1)),
  /** Badges such as `AD`, `HD` or `Dolby Atmos`, in the vocabulary's spelling, without repeats, in order. */
  badges: z.array(z.string().min(1)),
  /** The services under `Also Available On:`, in order. */
  availableOn: z.array(z.string().min(1)),
  /** The reviews under `Community Reviews`, in order, each with its non-empty text. */
  reviews: z.array(ReviewSchema),
});

/**
 * A film record, as `parseListing` returns it: the type of {@link FilmSchema}.
 * Its fields come in this order (JSON output keeps it); a value the page
 * does not give is `null` or `[]`, never `undefined`, `0` or `""`.
 *
 * @interface
 * @example
 * ```ts
 * const film: Film = parseListing("The Red Shoes\n4.3\n1948\n133 min");
 * // { title: "The Red Shoes", rating: 4.3, voteCount: null, genres: [], year: 1948,
 * //   runtimeMinutes: 133, certification: null, synopsis: null, cast: [], directors: [],
 * //   badges: [], availableOn: [], reviews: [] }
 * ```
 *
 * @group Record
 */
export type Film = z.infer<typeof FilmSchema>;

/**
 * One review of a {@link Film}.
 *
 * @example
 * ```ts
 * const [review]: Review[] = parseListing('Title\n1948\nCommunity Reviews\n" A feast. "').reviews;
 * review.text; // "A feast."
 * ```
 *
 * @group Record
 */
export type Review = z.infer<typeof ReviewSchema>;

/**
 * The fields of a parsed record whose values the input decides and can get
 * wrong: numbers with ranges, and review texts that may be empty. Every
 * other field of a parsed record is valid by construction (a non-blank
 * line, names with the empty ones dropped), so `parseListing` validates
 * these with FilmSchema's own field schemas and skips the rest, which took
 * most of the validation time. A property test checks every parsed record
 * against the whole FilmSchema.
 */
const INPUT_DEPENDENT = { rating: true, voteCount: true, year: true, runtimeMinutes: true, reviews: true } as const;

/** The schema `parseListing` validates a record with; see {@link parsedFilmSchema}. */
export type ParsedFilmSchema = ReturnType<typeof buildParsedFilmSchema>;

function buildParsedFilmSchema(latestYear: number) {
  return FilmSchema.pick(INPUT_DEPENDENT).extend({ year: z.int().min(MIN_YEAR).max(latestYear) });
}

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
