import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { safeParseListing } from "../../src/index";
import {
  expectWellFormed,
  layoutText,
  lineEnd,
  listingLikeText,
  longRunText,
  options,
  RUNS,
  TIMEOUT,
} from "./arbitraries";

const check = (text: string) => {
  const result = safeParseListing(text, options);
  expectWellFormed(result, text);
  return result;
};

describe("safeParseListing never throws", () => {
  test(
    "for any string it returns a result; an error has a known code and a position inside the input",
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })), (text) => {
          check(text);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test(
    "for strings built from listing-like lines, a success passes FilmSchema with the first line as its title, and an error points inside",
    () => {
      const outcomes = new Set<string>();
      fc.assert(
        fc.property(fc.oneof(listingLikeText, layoutText), (text) => {
          const result = check(text);
          outcomes.add(result.success ? "success" : result.error.code);
        }),
        { numRuns: RUNS },
      );
      // The generator reaches successes and many kinds of error.
      expect(outcomes).toContain("success");
      expect(outcomes.size).toBeGreaterThan(5);
    },
    TIMEOUT,
  );

  test(
    "for a long run of one character inside any kind of line, it returns a result and an error points inside",
    () => {
      fc.assert(
        fc.property(longRunText, (text) => {
          check(text);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test(
    "for a valid header followed by any lines, positions stay inside the input",
    () => {
      const header = fc.constantFrom("The Red Shoes\n4.3\n(398)\nDrama\n1948\n133 min\nNR\n", "\uFEFFFilm\r\n1948\r\n");
      const body = fc
        .array(fc.tuple(fc.oneof(fc.string(), fc.constantFrom('"', "Community Reviews", "Starring:")), lineEnd), {
          maxLength: 10,
        })
        .map((lines) => lines.map(([line, end]) => line + end).join(""));
      fc.assert(
        fc.property(header, body, (head, rest) => {
          check(head + rest);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
