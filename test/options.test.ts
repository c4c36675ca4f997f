import { describe, expect, test } from "vitest";
import {
  CERTIFICATIONS,
  type Film,
  formatListing,
  inspectListing,
  type ListingError,
  type ParseOptions,
  parseListing,
  safeParseListing,
  toSchemaOrg,
} from "../src/index";
import { filmWith, referenceDate } from "./support/film";

const text = "Giselle\n1969\nA ballet.\nBallet";

/** Calls each entry point that takes options with `options`, for the error each throws. */
const entryPoints: readonly (readonly [string, (options: unknown) => unknown])[] = [
  ["parseListing", (options) => parseListing(text, options as ParseOptions)],
  ["safeParseListing", (options) => safeParseListing(text, options as ParseOptions)],
  ["inspectListing", (options) => inspectListing(text, options as ParseOptions)],
  [
    "formatListing",
    (options) => formatListing(parseListing(text, { referenceDate, genres: ["Ballet"] }), options as ParseOptions),
  ],
];

describe("options are checked", () => {
  test.each([
    ["genres as a string", { genres: "Ballet" }, "genres must be an array of strings, got string"],
    ["genres as a number", { genres: 5 }, "genres must be an array of strings, got number"],
    ["badges as null", { badges: null }, "badges must be an array of strings, got null"],
    [
      "a certification that is no string",
      { certifications: ["U", 12] },
      "certifications[1] must be a string, got number",
    ],
    ["options as null", null, "options must be an object, got null"],
    ["options as a string", "genres", "options must be an object, got string"],
    ["options as an array", [], "options must be an object, got an array"],
    [
      "an invalid reference date",
      { referenceDate: new Date(Number.NaN) },
      "referenceDate must be a valid Date, got an invalid Date",
    ],
  ])("%s is a TypeError with a plain message, from every entry point", (_, options, message) => {
    for (const [, call] of entryPoints) {
      expect(() => call(options)).toThrow(new TypeError(message));
    }
  });

  test("no options and an empty object read with the default vocabularies", () => {
    expect(parseListing(text)).toEqual(parseListing(text, {}));
    expect(parseListing(text, { referenceDate }).genres).toEqual([]);
  });

  test("a vocabulary of 124,218 certifications works, and its names are recognised", () => {
    const certifications = Array.from({ length: 124_218 }, (_, index) => `Cert ${index}`);
    const film = parseListing("Title\n1948\ncert 124217\nA film.", { referenceDate, certifications });
    expect(film).toMatchObject({ certification: "cert 124217", synopsis: "A film." });
    expect(CERTIFICATIONS).toHaveLength(21);
  });

  test("a vocabulary of 124,218 genres works, and its names end the listing as genres", () => {
    const genres = Array.from({ length: 124_218 }, (_, index) => `Genre ${index}`);
    const film = parseListing("Title\n1948\nA film.\nGenre 0\ngenre 124217", { referenceDate, genres });
    expect(film).toMatchObject({ genres: ["Genre 0", "genre 124217"], synopsis: "A film." });
  });
});

describe("a custom vocabulary reads the header as the default one does", () => {
  test.each([
    ["Community Reviews", 'T\nCommunity Reviews\n"fine"', [], 2],
    ["community reviews", 'T\nNoir\ncommunity reviews\n"fine"', ["Noir"], 3],
    ["Starring", "T\nNoir\nStarring\nAnn", ["Noir"], 3],
    ["Directed by", "T\nDirected by\nAnn", [], 2],
  ])("a line %j before the year is a section header, not a header genre", (_line, listing, genres, line) => {
    const { film, issues } = inspectListing(listing, { referenceDate, genres: ["Noir"] });
    expect(film.genres).toEqual(genres);
    expect(issues.map((issue) => [issue.code, issue.line])).toEqual([["E_MISSING_YEAR", line]]);
  });
});

describe("toSchemaOrg checks its record as formatListing does", () => {
  const film = filmWith({
    title: "The Red Shoes",
    rating: 4.3,
    voteCount: 398,
    genres: ["Drama"],
    year: 1948,
    runtimeMinutes: 133,
    certification: "NR",
  });
  const refusal = (call: () => unknown) => {
    try {
      call();
    } catch (error) {
      const { name, code, line, column, offset, message, path } = error as ListingError;
      return { name, code, line, column, offset, message, path };
    }
    throw new Error("expected a refusal");
  };

  test.each([
    ["a runtime of 0", { runtimeMinutes: 0 }, ["runtimeMinutes"]],
    ["a runtime of -5", { runtimeMinutes: -5 }, ["runtimeMinutes"]],
    ["a runtime of NaN", { runtimeMinutes: Number.NaN }, ["runtimeMinutes"]],
    ["a rating of 7.5", { rating: 7.5 }, ["rating"]],
    ["an empty title", { title: "" }, ["title"]],
    ["a review without text", { reviews: [{ text: "" }] }, ["reviews", 0, "text"]],
  ])("refuses %s with E_INVALID at its path", (_, change, path) => {
    const invalid = { ...film, ...change } as Film;
    const error = refusal(() => toSchemaOrg(invalid));
    expect(error).toMatchObject({ name: "ListingError", code: "E_INVALID", line: 1, column: 1, offset: 0, path });
    expect(error).toEqual(refusal(() => formatListing(invalid, { referenceDate })));
  });

  test("refuses what is not a record with a TypeError", () => {
    expect(() => toSchemaOrg(null as unknown as Film)).toThrow(
      new TypeError("toSchemaOrg expects a Film record, got null"),
    );
  });

  test("still describes a valid record", () => {
    expect(toSchemaOrg(film)).toEqual({
      "@context": "https://schema.org",
      "@type": "Movie",
      name: "The Red Shoes",
      aggregateRating: {
        "@type": "AggregateRating",
        ratingValue: 4.3,
        ratingCount: 398,
        bestRating: 5,
        worstRating: 0,
      },
      genre: ["Drama"],
      datePublished: "1948",
      duration: "PT2H13M",
      contentRating: "NR",
    });
  });
});
