import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { FilmSchema, ListingError, parseListing, safeParseListing } from "../src/index";
import { referenceDate } from "./support/film";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const ERRORS = join(FIXTURES, "errors");
/** Fixtures are checked against a fixed day, so that year bounds never drift. */

/**
 * The reference pair's SHA-256 digests, as published: the text starts with a
 * blank line, ends lines with LF and has no final newline, and an editor that
 * "fixes" any of that changes what the reference checks.
 */
const REFERENCE_SHA256 = {
  "the-red-shoes.txt": "f79fc945af04efb6ebf5b196bb18988d6886b152d99b19d013ac0333e802af82",
  "the-red-shoes.json": "8ee0a2cbdd8bf0fd931d8ad14f1b221b4b42b82f26a137636efe846ac4b92b2d",
};

const slugs = (folder: string) =>
  readdirSync(folder)
    .filter((name) => name.endsWith(".txt"))
    .map((name) => name.slice(0, -".txt".length))
    .sort();

describe("golden fixtures", () => {
  test.each(Object.entries(REFERENCE_SHA256))("the reference %s is kept byte for byte", (name, digest) => {
    const bytes = readFileSync(join(FIXTURES, name));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(digest);
  });

  test("the reference text starts with a blank line, uses LF only and has no final newline", () => {
    const text = readFileSync(join(FIXTURES, "the-red-shoes.txt"), "utf8");
    expect(text.startsWith("\nThe Red Shoes\n")).toBe(true);
    expect(text).not.toMatch(/\r/);
    expect(text.endsWith("\n")).toBe(false);
  });

  test.each(slugs(FIXTURES))("%s.txt parses to the record of its .json", (slug) => {
    const text = readFileSync(join(FIXTURES, `${slug}.txt`), "utf8");
    const expected = readFileSync(join(FIXTURES, `${slug}.json`), "utf8");
    const film = parseListing(text, { referenceDate });
    // Compared as text, so that key order counts too; a file `npm run fixtures -- --update` wrote begins with `$schema`.
    const record = expected.startsWith('{\n  "$schema": ') ? { $schema: "../dist/schema.json", ...film } : film;
    expect(`${JSON.stringify(record, null, 2)}\n`).toBe(expected);
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
