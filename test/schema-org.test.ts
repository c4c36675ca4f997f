import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { type Film, parseListing, toSchemaOrg } from "../src/index";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const referenceDate = new Date("2026-11-25T00:00:00Z");
const fixture = (slug: string): Film =>
  parseListing(readFileSync(join(FIXTURES, `${slug}.txt`), "utf8"), { referenceDate });

describe("toSchemaOrg", () => {
  test("describes the reference listing as a Movie", () => {
    const film = fixture("the-red-shoes");
    const { description, review, ...movie } = toSchemaOrg(film);
    expect(description).toBe(film.synopsis);
    expect(review).toEqual([{ "@type": "Review", reviewBody: film.reviews[0]?.text }]);
    expect(movie).toMatchInlineSnapshot(`
      {
        "@context": "https://schema.org",
        "@type": "Movie",
        "aggregateRating": {
          "@type": "AggregateRating",
          "bestRating": 5,
          "ratingCount": 398,
          "ratingValue": 4.3,
          "worstRating": 0,
        },
        "contentRating": "NR",
        "datePublished": "1948",
        "duration": "PT2H13M",
        "genre": [
          "Drama",
          "Romance",
          "Music",
        ],
        "name": "The Red Shoes",
      }
    `);
  });

  test("writes JSON-LD keys in a fixed order, context and type first", () => {
    expect(Object.keys(toSchemaOrg(fixture("casablanca-mins-votes-millions-several-reviews")))).toEqual([
      "@context",
      "@type",
      "name",
      "aggregateRating",
      "genre",
      "datePublished",
      "duration",
      "contentRating",
      "description",
      "actor",
      "director",
      "review",
    ]);
  });

  test("gives the cast and directors as Person objects and every review as a Review", () => {
    const film = fixture("casablanca-mins-votes-millions-several-reviews");
    const movie = toSchemaOrg(film);
    expect(movie.actor).toEqual(film.cast.map((name) => ({ "@type": "Person", name })));
    expect(movie.director).toEqual(film.directors.map((name) => ({ "@type": "Person", name })));
    expect(movie.review).toEqual(film.reviews.map(({ text }) => ({ "@type": "Review", reviewBody: text })));
    expect(movie.actor?.length).toBeGreaterThan(1);
  });

  test("leaves out every value a bare listing lacks", () => {
    expect(toSchemaOrg(fixture("roundhay-garden-scene-minimal-title-and-year"))).toEqual({
      "@context": "https://schema.org",
      "@type": "Movie",
      name: "Roundhay Garden Scene",
      datePublished: "1888",
    });
  });

  test("gives no aggregate rating for a vote count without a rating", () => {
    const film = fixture("paris-texas-vote-count-without-rating");
    expect(film.voteCount).not.toBeNull();
    expect(toSchemaOrg(film)).not.toHaveProperty("aggregateRating");
  });

  test("gives a rating without a vote count without ratingCount", () => {
    const film = fixture("oceans-11-1960-sammy-davis-jr");
    expect(toSchemaOrg(film).aggregateRating).toEqual({
      "@type": "AggregateRating",
      ratingValue: film.rating,
      bestRating: 5,
      worstRating: 0,
    });
  });

  test("keeps a rating of 0 stars", () => {
    expect(toSchemaOrg(fixture("manos-the-hands-of-fate-rating-0")).aggregateRating?.ratingValue).toBe(0);
  });

  test.each([
    [1, "PT1M"],
    [45, "PT45M"],
    [60, "PT1H"],
    [100, "PT1H40M"],
    [133, "PT2H13M"],
    [600, "PT10H"],
    [10_000, "PT166H40M"],
  ])("writes a runtime of %i minutes as the ISO 8601 duration %s", (runtimeMinutes, duration) => {
    const film = fixture("the-red-shoes");
    expect(toSchemaOrg({ ...film, runtimeMinutes }).duration).toBe(duration);
  });

  test("is plain JSON: it survives JSON.stringify and JSON.parse unchanged", () => {
    const movie = toSchemaOrg(fixture("casablanca-mins-votes-millions-several-reviews"));
    expect(JSON.parse(JSON.stringify(movie))).toEqual(movie);
  });
});
