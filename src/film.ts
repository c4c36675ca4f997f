import { z } from "zod";

/** The earliest release year a listing may give (SPEC 1.2). */
export const MIN_YEAR = 1870;

/**
 * One user review: the text between its quotes, lines joined with `\n`.
 *
 * @example
 * ```ts
 * ReviewSchema.parse({ text: "A feast." }); // { text: "A feast." }
 * ```
 */
export const ReviewSchema = z.object({
  text: z.string().min(1),
});

/**
 * The record a listing parses to (SPEC 2), the single source of the
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
 */
export const FilmSchema = z.object({
  title: z.string().min(1),
  rating: z.number().min(0).max(5).nullable(),
  voteCount: z.int().min(0).nullable(),
  genres: z.array(z.string().min(1)),
  year: z.int().min(MIN_YEAR),
  runtimeMinutes: z.int().positive().nullable(),
  certification: z.string().min(1).nullable(),
  synopsis: z.string().min(1).nullable(),
  cast: z.array(z.string().min(1)),
  directors: z.array(z.string().min(1)),
  badges: z.array(z.string().min(1)),
  availableOn: z.array(z.string().min(1)),
  reviews: z.array(ReviewSchema),
});

/** A film record, as `parseListing` returns it. */
export type Film = z.infer<typeof FilmSchema>;

/** One review of a {@link Film}. */
export type Review = z.infer<typeof ReviewSchema>;

const schemasByLatestYear = new Map<number, typeof FilmSchema>();

/**
 * `FilmSchema` with the release year bounded above by `latestYear` as well;
 * one schema per bound, made once.
 */
export function filmSchemaUpTo(latestYear: number): typeof FilmSchema {
  let schema = schemasByLatestYear.get(latestYear);
  if (schema === undefined) {
    schema = FilmSchema.extend({ year: z.int().min(MIN_YEAR).max(latestYear) });
    schemasByLatestYear.set(latestYear, schema);
  }
  return schema;
}
