/**
 * Inputs that took seconds to minutes when some step was quadratic in a run
 * of one character or in a list's length. Each is big enough that a
 * quadratic step would pass vitest's time limit by far, while a linear one
 * takes milliseconds; the tests assert the values, and the benchmark
 * (`npm run bench`) shows the times.
 */

import { describe, expect, test } from "vitest";
import { formatListing, type SafeParseListingResult, safeParseListing } from "../src/index";
import { filmWith, referenceDate } from "./support/film";

const options = { referenceDate };

/** What a user sees of a result: the record, or the error's fields. */
function outcome(result: SafeParseListingResult) {
  if (result.success) return { success: true, data: result.data };
  const { code, line, column, offset, message, expected, found, path } = result.error;
  return { success: false, code, line, column, offset, message, expected, found, path };
}

const read = (text: string, given = options) => outcome(safeParseListing(text, given));

/** `count` distinct names made of letters only: `Aa`, `Ab`, … */
function letterNames(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, index) => {
    let name = "";
    for (let rest = index; ; rest = Math.floor(rest / 26) - 1) {
      name = String.fromCharCode(97 + (rest % 26)) + name;
      if (rest < 26) break;
    }
    return `${prefix}${name}`;
  });
}

const RUN = 200_000;

describe("a long run of one character inside a line reads as a short one", () => {
  // Runs of spaces collapse to one in every value but review text, so each
  // long line must read exactly as its one-space form.
  test.each([
    ["a vote-count line with spaces before a stray letter", `T\n(1${" ".repeat(RUN)}x)\n1948`, "T\n(1 x)\n1948"],
    ["a vote-count line with spaces after its unit", `T\n(12K${" ".repeat(RUN)}x)\n1948`, "T\n(12K x)\n1948"],
    [
      "a reviews header followed by spaces and text",
      `T\n1948\nCommunity Reviews${" ".repeat(RUN)}x`,
      "T\n1948\nCommunity Reviews x",
    ],
    [
      "a reviews header with a colon, spaces and text",
      `T\n1948\nCommunity Reviews:${" ".repeat(RUN)}x`,
      "T\n1948\nCommunity Reviews: x",
    ],
    ["a runtime with spaces before a stray letter", `T\n1948\n2h${" ".repeat(RUN)}x`, "T\n1948\n2h x"],
    ["a season count with spaces before a stray letter", `T\n1948\n2${" ".repeat(RUN)}x`, "T\n1948\n2 x"],
    ["a cast line with spaces between names", `T\n1948\nStarring: A,${" ".repeat(RUN)}B`, "T\n1948\nStarring: A, B"],
  ])("%s", (_, long, short) => {
    expect(read(long)).toEqual(read(short));
  });

  test("a vote count with 200,000 zeros before its last digit is refused as not whole", () => {
    const votes = `(1.${"0".repeat(RUN)}1K)`;
    expect(read(`T\n${votes}\n1948`)).toEqual({
      success: false,
      code: "E_INVALID",
      line: 2,
      column: 1,
      offset: 2,
      message: `line 2, column 1: vote count ${votes} is not a whole number`,
      expected: undefined,
      found: undefined,
      path: ["voteCount"],
    });
  });

  test("a vote count with 200,000 trailing zeros is whole", () => {
    const result = safeParseListing(`T\n(1.2${"0".repeat(RUN)}K)\n1948`, options);
    expect(result.success && result.data.voteCount).toBe(1200);
  });

  test("a comma followed by 100,000 suffixes keeps them in one name", () => {
    const suffixes = ", Jr.".repeat(100_000);
    const result = safeParseListing(`T\n1948\nStarring: Sammy Davis${suffixes}, Ann`, options);
    expect(result.success && result.data.cast).toEqual([`Sammy Davis${suffixes}`, "Ann"]);
  });
});

describe("many lines cost in proportion to their number", () => {
  test("1 MB of lines that each hold a lone quote is one error at the first empty review", () => {
    const text = `T\n1948\nCommunity Reviews\n${'"\n'.repeat(500_000)}`;
    expect(read(text)).toEqual({
      success: false,
      code: "E_INVALID",
      line: 4,
      column: 1,
      offset: 25,
      message: "line 4, column 1: review is empty",
      expected: undefined,
      found: undefined,
      path: ["reviews", 0, "text"],
    });
    const result = safeParseListing(text, { ...options, maxIssues: Number.POSITIVE_INFINITY });
    const issues = result.success ? [] : result.error.issues;
    expect(issues).toHaveLength(250_000);
    expect(issues.at(-1)).toMatchObject({
      code: "E_INVALID",
      line: 500_002,
      column: 1,
      path: ["reviews", 249_999, "text"],
    });
  }, 30_000);

  test("100,000 synopsis lines read as one value, runs of spaces collapsed, blank lines between them dropped", () => {
    const lines = Array.from({ length: 100_000 }, (_, index) => `Line  ${index}   of it.`);
    const joined = lines.map((line) => line.replace(/ +/g, " ")).join("\n");
    const together = safeParseListing(`T\n1948\n${lines.join("\n")}`, options);
    expect(together.success && together.data.synopsis).toBe(joined);
    const apart = safeParseListing(`T\n1948\n${lines.join("\n\n")}`, options);
    expect(apart.success && apart.data.synopsis).toBe(joined);
  });

  test("20,000 trailing genres of an added vocabulary are all kept, once each, in order", () => {
    const names = letterNames(20_000, "Genre ");
    const lines = [...names, ...names.map((name) => name.toUpperCase())];
    const result = safeParseListing(`T\n1948\nA film.\n${lines.join("\n")}`, { ...options, genres: names });
    expect(result.success && result.data).toEqual(
      filmWith({ title: "T", genres: names, year: 1948, synopsis: "A film." }),
    );
  });

  test("formatListing writes a record of 30,000 cast names and 30,000 services that reads back the same", () => {
    const film = filmWith({
      title: "T",
      genres: ["Drama"],
      year: 1948,
      cast: letterNames(30_000, "Actor "),
      directors: letterNames(30_000, "Director "),
      availableOn: letterNames(30_000, "Service "),
    });
    const result = safeParseListing(formatListing(film, options), options);
    expect(result.success && result.data).toEqual(film);
  });

  test("formatListing refuses a record of 30,000 genres at the eleventh", () => {
    const film = filmWith({ title: "T", genres: letterNames(30_000, "Genre "), year: 1948 });
    expect(() => formatListing(film, options)).toThrow(
      expect.objectContaining({ code: "E_UNREPRESENTABLE", path: ["genres", 10] }),
    );
  });
});

describe("an error at the end of a long line is placed without a second costly pass", () => {
  test("a 20 MB title and nothing else is a missing year just after it", () => {
    const length = 20_000_000;
    expect(read("x".repeat(length))).toEqual({
      success: false,
      code: "E_MISSING_YEAR",
      line: 1,
      column: length + 1,
      offset: length,
      message: `line 1, column ${length + 1}: expected a year like 1948, found the end`,
      expected: ["a year like 1948"],
      found: "the end",
      path: undefined,
    });
  });
});
