import * as z from "zod/v4";
import { MAX_RATING, MIN_YEAR } from "./parsed-schema";

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
export const ReviewSchema = /* @__PURE__ */ buildReviewSchema();

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
 * import { readFileSync } from "node:fs";
 * const film = FilmSchema.parse(JSON.parse(readFileSync("fixtures/the-red-shoes.json", "utf8")));
 * film.year; // 1948
 * ```
 *
 * @group Record
 */
export const FilmSchema = /* @__PURE__ */ buildFilmSchema();

/**
 * A film record, as `parseListing` returns it: the type of {@link FilmSchema}.
 * Its fields come in this order (JSON output keeps it); a value the page
 * does not give is `null` or `[]`, never `undefined`, `0` or `""`.
 *
 * It is the schema's inferred type, `z.infer<typeof FilmSchema>`, declared
 * as an interface so that it shows as `Film` wherever it is used.
 *
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
export interface Film extends z.infer<typeof FilmSchema> {}

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

// The schemas are made by functions called with a pure annotation, so that a
// bundler drops them, and classic zod with them, from an app that does not
// use them.

function buildReviewSchema() {
  return z.object({
    text: z.string().min(1),
  });
}

function buildFilmSchema() {
  return z.object({
    /** The title: the first non-blank line, whatever it says (`1917`, `Music` and `4.3` are titles there). Non-empty. */
    title: z.string().min(1),
    /** The star rating, from 0 to 5 (`4.3`); `null` when the page gives none. */
    rating: z.number().min(0).max(MAX_RATING).nullable(),
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
}
