import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { renderListing } from "../../src/format";
import {
  BADGES,
  CERTIFICATIONS,
  type Film,
  formatListing,
  GENRES,
  ListingError,
  type ParseOptions,
  parseListing,
  safeParseListing,
} from "../../src/index";
import { filmArbitrary, layoutText, listingFixtures, options, RUNS, TIMEOUT } from "./arbitraries";

/** The text, or the ListingError that refused the record. */
function format(film: Film, parseOptions: ParseOptions = options): string | ListingError {
  try {
    return formatListing(film, parseOptions);
  } catch (error) {
    if (error instanceof ListingError) return error;
    throw error;
  }
}

/** Whether the text written without any check reads back as the record. */
function wouldRoundTrip(film: Film, parseOptions: ParseOptions = options): boolean {
  const result = safeParseListing(renderListing(film), parseOptions);
  return result.success && isDeepStrictEqual(result.data, film);
}

const base: Film = {
  title: "The Red Shoes",
  rating: 4.3,
  voteCount: 398,
  genres: ["Drama"],
  year: 1948,
  runtimeMinutes: 133,
  certification: "NR",
  synopsis: "A ballerina must choose.",
  cast: ["Moira Shearer"],
  directors: ["Michael Powell"],
  badges: ["AD"],
  availableOn: ["Max"],
  reviews: [{ text: "A feast." }],
};

/** Names added to the vocabularies, some of which collide with names in the record. */
const extended = {
  referenceDate: options.referenceDate,
  genres: ["Dance", "Jr", "Moira Shearer"],
  badges: ["8K", "Atmos Sound"],
  certifications: ["Family friendly", "K-12"],
};

const extendedFilm = fc
  .tuple(
    filmArbitrary,
    fc.shuffledSubarray(extended.badges),
    fc.option(fc.constantFrom(...extended.certifications), { nil: undefined }),
    fc.shuffledSubarray(["Jr", "Moira Shearer", "Dance"]),
  )
  .map(([film, badges, certification, names]) => ({
    ...film,
    badges: [...film.badges, ...badges],
    certification: certification ?? film.certification,
    cast: [...film.cast, ...names],
  }));

describe("round trip through formatListing", () => {
  test(
    "every record formatListing writes reads back deep-equal; every record it refuses would not",
    () => {
      fc.assert(
        fc.property(filmArbitrary, (film) => {
          const written = format(film);
          if (typeof written === "string") {
            expect(parseListing(written, options)).toStrictEqual(film);
          } else {
            expect(written.code).toBe("E_UNREPRESENTABLE");
            expect(wouldRoundTrip(film)).toBe(false);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test(
    "with an extended vocabulary, every record written reads back with the same options; every refused one would not",
    () => {
      fc.assert(
        fc.property(extendedFilm, (film) => {
          const written = format(film, extended);
          if (typeof written === "string") {
            expect(parseListing(written, extended)).toStrictEqual(film);
          } else {
            expect(written.code).toBe("E_UNREPRESENTABLE");
            expect(wouldRoundTrip(film, extended)).toBe(false);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test(
    "every record parseListing returns formats back to itself",
    () => {
      let parsed = 0;
      fc.assert(
        fc.property(fc.oneof(layoutText, fc.constantFrom(...listingFixtures.map(({ text }) => text))), (text) => {
          const result = safeParseListing(text, options);
          if (!result.success) return;
          parsed++;
          const written = format(result.data);
          if (typeof written === "string") {
            expect(parseListing(written, options)).toStrictEqual(result.data);
          } else {
            expect(written.code).toBe("E_UNREPRESENTABLE");
            expect(wouldRoundTrip(result.data)).toBe(false);
          }
        }),
        { numRuns: RUNS },
      );
      // Enough of the generated texts are listings for this to say something.
      expect(parsed).toBeGreaterThan(RUNS / 5);
    },
    TIMEOUT,
  );

  test(
    "the generator mostly yields records the layout can express",
    () => {
      const films = fc.sample(filmArbitrary, { numRuns: RUNS, seed: 1948 });
      const refused = films.filter((film) => typeof format(film) !== "string");
      expect(refused.length / films.length).toBeLessThan(0.1);
    },
    TIMEOUT,
  );

  test.each(GENRES)("reads back the vocabulary genre %s", (genre) => {
    const film = { ...base, genres: [genre], certification: null };
    expect(parseListing(formatListing(film, options), options)).toStrictEqual(film);
  });

  test.each(BADGES)("reads back the vocabulary badge %s", (badge) => {
    const film = { ...base, badges: [badge] };
    expect(parseListing(formatListing(film, options), options)).toStrictEqual(film);
  });

  test.each(CERTIFICATIONS)(
    "reads back the vocabulary certification %s, with and without a runtime",
    (certification) => {
      for (const runtimeMinutes of [133, null]) {
        const film = { ...base, certification, runtimeMinutes };
        expect(parseListing(formatListing(film, options), options)).toStrictEqual(film);
      }
    },
  );
});
