import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkParsedFilm, MIN_YEAR } from "../../src/parsed-schema";
import type { PartialFilm } from "../../src/record/build";
import { plainlyInRange } from "../../src/record/values";
import { LATEST_YEAR, RUNS, TIMEOUT } from "./arbitraries";

/** Numbers at and around every bound, and any double. */
const number = fc.oneof(
  fc.double(),
  fc.integer({ min: -10, max: 10_000 }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    5,
    5.000000001,
    -1e-9,
    MIN_YEAR - 1,
    MIN_YEAR,
    LATEST_YEAR,
    LATEST_YEAR + 1,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 1,
    2.5,
  ),
);

const record = fc.record({
  rating: fc.option(number, { nil: null }),
  voteCount: fc.option(number, { nil: null }),
  year: fc.option(number, { nil: null }),
  runtimeMinutes: fc.option(number, { nil: null }),
});

describe("the plain range check before the schema", () => {
  test(
    "passes only records the schema accepts, and passes every record the schema accepts",
    () => {
      fc.assert(
        fc.property(record, (values) => {
          const film = { ...values, reviews: [{ text: "A feast." }] } as unknown as PartialFilm;
          expect(plainlyInRange(film, LATEST_YEAR)).toBe(checkParsedFilm(film, LATEST_YEAR).success);
        }),
        { numRuns: RUNS * 5 },
      );
    },
    TIMEOUT,
  );

  test.each([
    [{ rating: 5, voteCount: 0, year: MIN_YEAR, runtimeMinutes: 1 }, true],
    [{ rating: null, voteCount: null, year: LATEST_YEAR, runtimeMinutes: null }, true],
    [{ rating: 0, voteCount: null, year: 1948, runtimeMinutes: null }, true],
    [{ rating: 5.01, voteCount: null, year: 1948, runtimeMinutes: null }, false],
    [{ rating: -0.1, voteCount: null, year: 1948, runtimeMinutes: null }, false],
    [{ rating: null, voteCount: 2.5, year: 1948, runtimeMinutes: null }, false],
    [{ rating: null, voteCount: -1, year: 1948, runtimeMinutes: null }, false],
    [{ rating: null, voteCount: Number.MAX_SAFE_INTEGER + 1, year: 1948, runtimeMinutes: null }, false],
    [{ rating: null, voteCount: null, year: MIN_YEAR - 1, runtimeMinutes: null }, false],
    [{ rating: null, voteCount: null, year: LATEST_YEAR + 1, runtimeMinutes: null }, false],
    [{ rating: null, voteCount: null, year: null, runtimeMinutes: null }, false],
    [{ rating: null, voteCount: null, year: 1948, runtimeMinutes: 0 }, false],
    [{ rating: null, voteCount: null, year: 1948, runtimeMinutes: 1.5 }, false],
  ])("judges %j as %s", (values, expected) => {
    expect(plainlyInRange({ ...values, reviews: [] } as unknown as PartialFilm, LATEST_YEAR)).toBe(expected);
  });
});
