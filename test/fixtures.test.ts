import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { FilmSchema, ListingError, parseListing, safeParseListing } from "../src/index";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const ERRORS = join(FIXTURES, "errors");
/** Fixtures are checked against a fixed day, so that year bounds never drift. */
const referenceDate = new Date("2026-11-25T00:00:00Z");

/**
 * The reference pair's folder, `shared/seed` beside the checkout as CI lays
 * it out, or beside a folder above it (a copy of the checkout inside it, as
 * for mutation testing); missing, it fails the test rather than skip it.
 */
function seedFolder(): string {
  const checkout = join(import.meta.dirname, "..");
  for (let folder = dirname(checkout); ; folder = dirname(folder)) {
    const seed = join(folder, "shared", "seed");
    if (existsSync(seed)) return seed;
    if (dirname(folder) === folder) throw new Error(`no shared/seed folder beside ${checkout} or above it`);
  }
}

const slugs = (folder: string) =>
  readdirSync(folder)
    .filter((name) => name.endsWith(".txt"))
    .map((name) => name.slice(0, -".txt".length))
    .sort();

describe("golden fixtures", () => {
  test("the reference listing and its record are among them, byte for byte", () => {
    const seed = seedFolder();
    for (const name of ["the-red-shoes.txt", "the-red-shoes.json"]) {
      expect(readFileSync(join(FIXTURES, name), "utf8")).toBe(readFileSync(join(seed, name), "utf8"));
    }
  });

  test.each(slugs(FIXTURES))("%s.txt parses to the record of its .json", (slug) => {
    const text = readFileSync(join(FIXTURES, `${slug}.txt`), "utf8");
    const expected = readFileSync(join(FIXTURES, `${slug}.json`), "utf8");
    const film = parseListing(text, { referenceDate });
    // Compared as text, so that key order counts too.
    expect(`${JSON.stringify(film, null, 2)}\n`).toBe(expected);
    // parseListing validates only what the input decides; the whole schema holds too.
    expect(FilmSchema.parse(film)).toStrictEqual(film);
  });
});

interface ExpectedError {
  error: { code: string; line: number; column: number };
}

describe("error fixtures", () => {
  test.each(slugs(ERRORS))("errors/%s.txt fails with the code and position of its .json", (slug) => {
    const text = readFileSync(join(ERRORS, `${slug}.txt`), "utf8");
    const { error: expected } = JSON.parse(readFileSync(join(ERRORS, `${slug}.json`), "utf8")) as ExpectedError;
    const result = safeParseListing(text, { referenceDate });
    expect(result.success).toBe(false);
    const error = result.error as ListingError;
    expect(error).toBeInstanceOf(ListingError);
    expect({ code: error.code, line: error.line, column: error.column }).toEqual(expected);
    // The offset agrees with line and column in the original text.
    const lineStarts = [0, ...[...text.matchAll(/\r\n?|\n/g)].map((match) => (match.index ?? 0) + match[0].length)];
    expect(error.offset).toBe((lineStarts[error.line - 1] ?? Number.NaN) + error.column - 1);
    expect(error.message).toBe(`line ${error.line}, column ${error.column}: ${error.reason}`);
  });
});
