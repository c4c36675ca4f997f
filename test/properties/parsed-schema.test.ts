/**
 * The parse path validates with a `zod/mini` schema of the input-dependent
 * fields instead of FilmSchema: it must report exactly what FilmSchema's own
 * field schemas report, for any value of those fields.
 */

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as z from "zod/v4";
import { FilmSchema } from "../../src/index";
import { checkParsedFilm, MIN_YEAR } from "../../src/parsed-schema";
import { LATEST_YEAR, RUNS, TIMEOUT } from "./arbitraries";

/** FilmSchema's fields that the input decides, the year bounded above as a parse bounds it. */
const classic = FilmSchema.pick({
  rating: true,
  voteCount: true,
  year: true,
  runtimeMinutes: true,
  reviews: true,
}).extend({ year: z.int().min(MIN_YEAR).max(LATEST_YEAR) });

/** Numbers at and around every bound of the fields, and values of the wrong type. */
const number = fc.oneof(
  fc.constantFrom(0, -0, 5, 5.01, -1, 0.5, 1, 1869, 1870, LATEST_YEAR, LATEST_YEAR + 1, 2 ** 53, 2 ** 53 - 1),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE),
  fc.integer({ min: -10, max: 3000 }),
  fc.double({ noDefaultInfinity: true }),
);
const wrong = fc.constantFrom(undefined, "4.3", true, [], {}, 1n);
const field = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: wrong },
);
const review = fc.oneof(
  fc.record({ text: fc.oneof(fc.string({ maxLength: 3 }), wrong) }),
  fc.constantFrom(null, "A feast.", {}),
);
const record = fc.record(
  {
    rating: field,
    voteCount: field,
    year: field,
    runtimeMinutes: field,
    reviews: fc.oneof({ weight: 5, arbitrary: fc.array(review, { maxLength: 3 }) }, { weight: 1, arbitrary: wrong }),
    title: fc.string(),
  },
  { requiredKeys: ["rating", "voteCount", "year", "runtimeMinutes", "reviews"] },
);

describe("the parse path's schema", () => {
  test(
    "reports the same issues as FilmSchema's own field schemas, messages included",
    () => {
      fc.assert(
        fc.property(record, (value) => {
          const mini = checkParsedFilm(value, LATEST_YEAR);
          const full = classic.safeParse(value);
          expect(mini.success).toBe(full.success);
          expect(mini.error?.issues).toEqual(full.error?.issues);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  const tooBig = {
    origin: "number",
    code: "too_big",
    maximum: 5,
    inclusive: true,
    path: ["rating"],
    message: "Too big: expected number to be <=5",
  };
  const badRating = { rating: 7.5, voteCount: null, year: 1948, runtimeMinutes: null, reviews: [] };

  test(
    "words every issue as zod's English locale does when no locale is configured, as in an app that only parses",
    () => {
      const { localeError } = z.config();
      const english = z.locales.en().localeError;
      try {
        fc.assert(
          fc.property(record, (value) => {
            z.config({ localeError: undefined });
            const bare = checkParsedFilm(value, LATEST_YEAR).error?.issues;
            z.config({ localeError: english });
            expect(bare).toEqual(checkParsedFilm(value, LATEST_YEAR).error?.issues);
          }),
          { numRuns: RUNS },
        );
      } finally {
        z.config({ localeError });
      }
    },
    TIMEOUT,
  );

  test("words an issue in English when no zod locale is configured, as in an app that only parses", () => {
    const { localeError } = z.config();
    z.config({ localeError: undefined });
    try {
      expect(checkParsedFilm(badRating, LATEST_YEAR).error?.issues).toEqual([tooBig]);
    } finally {
      z.config({ localeError });
    }
  });

  test("words an issue with the user's zod error map first, as classic zod does", () => {
    z.config({ customError: (issue) => `custom ${issue.code}` });
    try {
      expect(checkParsedFilm(badRating, LATEST_YEAR).error?.issues).toEqual([{ ...tooBig, message: "custom too_big" }]);
      expect(classic.safeParse(badRating).error?.issues).toEqual([{ ...tooBig, message: "custom too_big" }]);
    } finally {
      z.config({ customError: undefined });
    }
  });
});
