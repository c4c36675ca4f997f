/** `toSchemaOrg`: a Film record → a schema.org `Movie` in JSON-LD. */

import { formatISODuration } from "date-fns/formatISODuration";
import { checkedRecord } from "./checked-record";
import type { Film } from "./film";

/**
 * A schema.org `Person`, as an actor or a director.
 *
 * @example
 * ```ts
 * toSchemaOrg(parseListing("Title\n1948\nStarring: Moira Shearer")).actor;
 * // [{ "@type": "Person", name: "Moira Shearer" }]
 * ```
 *
 * @group Output
 */
export interface SchemaOrgPerson {
  readonly "@type": "Person";
  readonly name: string;
}

/**
 * A schema.org `AggregateRating` on the 0–5 star scale of the listing.
 *
 * @example
 * ```ts
 * toSchemaOrg(parseListing("Title\n4.3\n(398)\n1948")).aggregateRating;
 * // { "@type": "AggregateRating", ratingValue: 4.3, ratingCount: 398, bestRating: 5, worstRating: 0 }
 * ```
 *
 * @group Output
 */
export interface SchemaOrgAggregateRating {
  readonly "@type": "AggregateRating";
  readonly ratingValue: number;
  /** The vote count, when the listing gives one. */
  readonly ratingCount?: number;
  readonly bestRating: 5;
  readonly worstRating: 0;
}

/**
 * A schema.org `Review` with its text.
 *
 * @example
 * ```ts
 * toSchemaOrg(parseListing('Title\n1948\nCommunity Reviews\n"A feast."')).review;
 * // [{ "@type": "Review", reviewBody: "A feast." }]
 * ```
 *
 * @group Output
 */
export interface SchemaOrgReview {
  readonly "@type": "Review";
  readonly reviewBody: string;
}

/**
 * A schema.org `Movie` as JSON-LD. A property is present only when the
 * record has a value for it: no `null`, no empty list.
 *
 * @example
 * ```ts
 * const movie: SchemaOrgMovie = toSchemaOrg(parseListing("The Red Shoes\n1948\n133 min"));
 * // { "@context": "https://schema.org", "@type": "Movie", name: "The Red Shoes",
 * //   datePublished: "1948", duration: "PT2H13M" }
 * ```
 *
 * @group Output
 */
export interface SchemaOrgMovie {
  readonly "@context": "https://schema.org";
  readonly "@type": "Movie";
  readonly name: string;
  /** Only when the record has a rating. */
  readonly aggregateRating?: SchemaOrgAggregateRating;
  readonly genre?: readonly string[];
  /** The release year, `"1948"`. */
  readonly datePublished: string;
  /** The runtime as an ISO 8601 duration, `"PT2H13M"`. */
  readonly duration?: string;
  /** The certification, as written. */
  readonly contentRating?: string;
  /** The synopsis. */
  readonly description?: string;
  readonly actor?: readonly SchemaOrgPerson[];
  readonly director?: readonly SchemaOrgPerson[];
  readonly review?: readonly SchemaOrgReview[];
}

/**
 * Describes a {@link Film} as a schema.org `Movie` in JSON-LD, ready for a
 * `<script type="application/ld+json">` tag. Values the record lacks are
 * left out; `badges` and `availableOn` have no schema.org property and are
 * not carried over.
 *
 * @throws `ListingError` with code `E_INVALID` and the field's `path` for a
 * record {@link FilmSchema} refuses (a runtime of 0, a rating of `NaN`), as
 * `formatListing` does; `TypeError` when `film` is not an object.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * toSchemaOrg(parseListing(readFileSync("fixtures/the-red-shoes.txt", "utf8")));
 * // {
 * //   "@context": "https://schema.org",
 * //   "@type": "Movie",
 * //   name: "The Red Shoes",
 * //   aggregateRating: {
 * //     "@type": "AggregateRating", ratingValue: 4.3, ratingCount: 398, bestRating: 5, worstRating: 0,
 * //   },
 * //   genre: ["Drama", "Romance", "Music"],
 * //   datePublished: "1948",
 * //   duration: "PT2H13M",
 * //   contentRating: "NR",
 * //   description: "In this classic drama, …",
 * //   review: [{ "@type": "Review", reviewBody: "\"The music is all that matters. …" }],
 * // }
 * ```
 *
 * @group Output
 */
export function toSchemaOrg(film: Film): SchemaOrgMovie {
  checkedRecord(film, "toSchemaOrg");
  return {
    "@context": "https://schema.org",
    "@type": "Movie",
    name: film.title,
    ...(film.rating !== null && { aggregateRating: aggregateRating(film.rating, film.voteCount) }),
    ...(film.genres.length > 0 && { genre: [...film.genres] }),
    datePublished: String(film.year),
    ...(film.runtimeMinutes !== null && { duration: isoDuration(film.runtimeMinutes) }),
    ...(film.certification !== null && { contentRating: film.certification }),
    ...(film.synopsis !== null && { description: film.synopsis }),
    ...(film.cast.length > 0 && { actor: film.cast.map(person) }),
    ...(film.directors.length > 0 && { director: film.directors.map(person) }),
    ...(film.reviews.length > 0 && {
      review: film.reviews.map(({ text }): SchemaOrgReview => ({ "@type": "Review", reviewBody: text })),
    }),
  };
}

function aggregateRating(ratingValue: number, ratingCount: number | null): SchemaOrgAggregateRating {
  return {
    "@type": "AggregateRating",
    ratingValue,
    ...(ratingCount !== null && { ratingCount }),
    bestRating: 5,
    worstRating: 0,
  };
}

function person(name: string): SchemaOrgPerson {
  return { "@type": "Person", name };
}

/**
 * Whole minutes as an ISO 8601 duration in hours and minutes (`PT2H13M`).
 * `formatISODuration` writes every designator (`P0Y0M0DT2H13M0S`); the zero
 * ones are dropped, as schema.org's own examples do. Hours are not rolled
 * into days, whose length ISO 8601 leaves open.
 */
function isoDuration(minutes: number): string {
  const full = formatISODuration({ hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  const [date = "", time = ""] = full.split("T");
  const nonZero = (part: string) => part.replace(/(?<!\d)0[A-Z]/g, "");
  const shortTime = nonZero(time);
  return `${nonZero(date)}${shortTime === "" ? "" : `T${shortTime}`}`;
}
