import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { inspectListing, parseListing, safeParseListing } from "../src/index";

const INSPECT = join(import.meta.dirname, "..", "fixtures", "inspect");
/** Fixtures are checked against a fixed day, so that year bounds never drift. */
const referenceDate = new Date("2026-11-25T00:00:00Z");
const options = { referenceDate };

const slugs = readdirSync(INSPECT)
  .filter((name) => name.endsWith(".txt"))
  .map((name) => name.slice(0, -".txt".length))
  .sort();

describe("inspection fixtures", () => {
  test.each(slugs)("inspect/%s.txt inspects to the film and issues of its .json", (slug) => {
    const text = readFileSync(join(INSPECT, `${slug}.txt`), "utf8");
    const expected = readFileSync(join(INSPECT, `${slug}.json`), "utf8");
    const { film, issues } = inspectListing(text, options);
    // Compared as text, so that key order counts too.
    expect(`${JSON.stringify({ film, issues }, null, 2)}\n`).toBe(expected);
  });

  test.each(slugs)("inspect/%s.txt fails parseListing exactly when it has an error issue", (slug) => {
    const text = readFileSync(join(INSPECT, `${slug}.txt`), "utf8");
    const { film, issues } = inspectListing(text, options);
    const result = safeParseListing(text, options);
    if (result.success) {
      expect(issues.every((issue) => issue.severity === "warning")).toBe(true);
      expect(result.data).toStrictEqual(film);
    } else {
      expect(result.error.issues).toStrictEqual(issues);
    }
  });

  test("covers the recovery of every error code a text can have, and both warnings", () => {
    const codes = new Set(
      slugs.flatMap((slug) =>
        inspectListing(readFileSync(join(INSPECT, `${slug}.txt`), "utf8"), options).issues.map((issue) => issue.code),
      ),
    );
    expect([...codes].sort()).toEqual(
      [
        "E_DUPLICATE_SECTION",
        "E_EMPTY",
        "E_INVALID",
        "E_MISSING_YEAR",
        "E_REVIEW_START",
        "E_SECTION_ORDER",
        "E_SERIES",
        "E_UNTERMINATED_REVIEW",
        "W_CERTIFICATION_SHAPE",
        "W_UNKNOWN_GENRE",
      ].sort(),
    );
  });

  test("a real page of another layout is refused by parseListing, and inspection reads no year from it", () => {
    const text = readFileSync(join(INSPECT, "real-pluto-tv-film-page.txt"), "utf8");
    expect(() => parseListing(text, options)).toThrow(
      expect.objectContaining({ code: "E_MISSING_YEAR", line: 9, column: 1 }),
    );
    expect(inspectListing(text, options).film.year).toBeNull();
  });
});
