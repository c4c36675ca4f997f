import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { type Film, parseListing, toSchemaOrg } from "../src/index";
import { referenceDate } from "./support/film";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const fixture = (slug: string): Film =>
  parseListing(readFileSync(join(FIXTURES, `${slug}.txt`), "utf8"), { referenceDate });

describe("toSchemaOrg", () => {
  test("describes the reference listing as a Movie", () => {
    // The long texts are compared with the hand-written golden record, not with the parser's.
    const golden = JSON.parse(readFileSync(join(FIXTURES, "the-red-shoes.json"), "utf8")) as Film;
    const { description, review, ...movie } = toSchemaOrg(fixture("the-red-shoes"));
    expect(description).toBe(golden.synopsis);
    expect(review).toEqual([{ "@type": "Review", reviewBody: golden.reviews[0]?.text }]);
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
    const movie = toSchemaOrg(fixture("casablanca-mins-votes-millions-several-reviews"));
    expect({ actor: movie.actor, director: movie.director, review: movie.review }).toEqual({
      actor: [
        { "@type": "Person", name: "Humphrey Bogart" },
        { "@type": "Person", name: "Ingrid Bergman" },
        { "@type": "Person", name: "Paul Henreid" },
        { "@type": "Person", name: "Claude Rains" },
      ],
      director: [{ "@type": "Person", name: "Michael Curtiz" }],
      review: [
        {
          "@type": "Review",
          reviewBody: "Every line of dialogue has become a quotation, and it still plays fresh.",
        },
        { "@type": "Review", reviewBody: 'Bogart says "here\'s looking at you, kid" and the whole room goes quiet.' },
        { "@type": "Review", reviewBody: "Rains steals every scene he is in." },
      ],
    });
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
    expect(toSchemaOrg(fixture("paris-texas-vote-count-without-rating"))).toEqual({
      "@context": "https://schema.org",
      "@type": "Movie",
      name: "Paris, Texas",
      genre: ["Drama"],
      datePublished: "1984",
      duration: "PT2H27M",
      contentRating: "R",
      description:
        "A man who has been missing for four years walks out of the Texas desert and tries to put what is left of his family back together.",
      actor: [
        { "@type": "Person", name: "Harry Dean Stanton" },
        { "@type": "Person", name: "Nastassja Kinski" },
        { "@type": "Person", name: "Dean Stockwell" },
        { "@type": "Person", name: "Hunter Carson" },
      ],
      director: [{ "@type": "Person", name: "Wim Wenders" }],
    });
  });

  test("gives a rating without a vote count without ratingCount", () => {
    expect(toSchemaOrg(fixture("oceans-11-1960-sammy-davis-jr")).aggregateRating).toEqual({
      "@type": "AggregateRating",
      ratingValue: 3.6,
      bestRating: 5,
      worstRating: 0,
    });
  });

  test("keeps a rating of 0 stars", () => {
    expect(toSchemaOrg(fixture("manos-the-hands-of-fate-rating-0")).aggregateRating).toEqual({
      "@type": "AggregateRating",
      ratingValue: 0,
      ratingCount: 3210,
      bestRating: 5,
      worstRating: 0,
    });
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
