/**
 * What many tests share: the reference date their year bounds are read
 * against, and a record with every value it may lack left out.
 */

import type { Film } from "../../src/index";

/**
 * The reference date of the fixtures and the documented examples: a
 * release year may be at most five years after 2026, and `fixtures/*.json`
 * hold what a parse on that day reads.
 */
export const referenceDate = new Date("2026-11-25T00:00:00Z");

/**
 * A record of `fields` with every other value absent (`null` or `[]`), as
 * a listing of only a title and a year reads; new lists each call.
 */
export function filmWith(fields: Partial<Film> & Pick<Film, "title" | "year">): Film {
  // Written out in FilmSchema's key order, which JSON output keeps.
  return {
    title: fields.title,
    rating: fields.rating ?? null,
    voteCount: fields.voteCount ?? null,
    genres: fields.genres ?? [],
    year: fields.year,
    runtimeMinutes: fields.runtimeMinutes ?? null,
    certification: fields.certification ?? null,
    synopsis: fields.synopsis ?? null,
    cast: fields.cast ?? [],
    directors: fields.directors ?? [],
    badges: fields.badges ?? [],
    availableOn: fields.availableOn ?? [],
    reviews: fields.reviews ?? [],
  };
}
