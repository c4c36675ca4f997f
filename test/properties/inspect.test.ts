import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  type FieldSpan,
  formatListing,
  inspectListing,
  type ListingInspection,
  type ListingIssue,
  type Position,
  safeParseListing,
} from "../../src/index";
import { cleanText } from "../../src/lines";
import {
  errorFixtures,
  expectPositionInside,
  filmArbitrary,
  layoutText,
  lineEnd,
  lineStarts,
  listingFixtures,
  listingLikeText,
  options,
  RUNS,
  TIMEOUT,
} from "./arbitraries";

/** Text of every kind the parser meets: listing-like lines, laid-out listings, valid listings with noise. */
const NOISE = ["\u00A0", "\u200B", "\t", "\uFEFF", " ", "\u2009"];
const noisyListing = fc
  .tuple(filmArbitrary, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NOISE)), { maxLength: 6 }), lineEnd)
  .map(([film, noise, end]) => {
    let text: string;
    try {
      text = formatListing(film, options);
    } catch {
      text = film.title;
    }
    for (const [at, char] of noise) {
      const index = at % (text.length + 1);
      text = text.slice(0, index) + char + text.slice(index);
    }
    return text.replace(/\n/g, end);
  });
const anyText = fc.oneof(listingLikeText, layoutText, noisyListing, fc.string({ unit: "grapheme" }));

/** The position of `offset` in `text`, as the parser counts lines and columns. */
function positionOf(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = starts.length - 1;
  while ((starts[line] as number) > offset) line--;
  return { line: line + 1, column: offset - (starts[line] as number) + 1, offset };
}

function expectPlaced(position: Position, text: string): void {
  expect(position.offset).toBeGreaterThanOrEqual(0);
  expect(position.offset).toBeLessThanOrEqual(text.length);
  const { line, column, offset } = position;
  expect({ line, column, offset }).toEqual(positionOf(text, offset));
}

/** The value a span's path names in the record. */
function valueAt(inspection: ListingInspection, path: readonly (string | number)[]): unknown {
  let value: unknown = inspection.film;
  for (const key of path) value = (value as Record<string | number, unknown>)[key];
  return value;
}

/** Every path of a non-null value or list item of the record: what must have a span. */
function valuePaths(inspection: ListingInspection): string[] {
  const paths: string[] = [];
  for (const [field, value] of Object.entries(inspection.film)) {
    if (Array.isArray(value)) {
      value.forEach((_, index) => {
        paths.push(JSON.stringify(field === "reviews" ? [field, index, "text"] : [field, index]));
      });
    } else if (value !== null) paths.push(JSON.stringify([field]));
  }
  return paths.sort();
}

const collapse = (text: string) => cleanText(text).replace(/ {2,}/g, " ");

function checkInspection(text: string): ListingInspection {
  const inspection = inspectListing(text, options);
  for (const issue of inspection.issues) {
    expectPlaced(issue, text);
    expectPlaced(issue.end, text);
    expect(issue.end.offset).toBeGreaterThanOrEqual(issue.offset);
    const hint = issue.hint === undefined ? "" : `; hint: ${issue.hint}`;
    expect(issue.message).toBe(`line ${issue.line}, column ${issue.column}: ${issue.reason}${hint}`);
    expect(issue.severity).toBe(issue.code.startsWith("W_") ? "warning" : "error");
  }
  const offsets = inspection.issues.map((issue) => issue.offset);
  expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  for (const span of inspection.spans) {
    expectPlaced(span.start, text);
    expectPlaced(span.end, text);
    expect(span.end.offset).toBeGreaterThan(span.start.offset);
    checkSpanText(inspection, span, text);
  }
  const starts = inspection.spans.map((span) => span.start.offset);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
  expect(inspection.spans.map((span) => JSON.stringify(span.path)).sort()).toEqual(valuePaths(inspection));
  return inspection;
}

/** A string value's span, cleaned and with its spaces collapsed, gives the value. */
function checkSpanText(inspection: ListingInspection, span: FieldSpan, text: string): void {
  const [field] = span.path;
  const value = valueAt(inspection, span.path);
  const spanned = collapse(text.slice(span.start.offset, span.end.offset));
  if (field === "synopsis" || field === "reviews") return;
  if (typeof value === "number") {
    // A number's span is its whole line.
    const lineText = collapse(text.slice(span.start.offset - span.start.column + 1).split(/\r\n?|\n/)[0] ?? "");
    expect(spanned).toBe(lineText);
  } else if (field === "badges") {
    expect(spanned.toLowerCase()).toBe(String(value).toLowerCase());
  } else {
    expect(spanned).toBe(value);
  }
}

describe("inspectListing", () => {
  test(
    "never throws, for any value; a non-string is E_NOT_TEXT and nothing else",
    () => {
      fc.assert(
        fc.property(fc.anything(), (value) => {
          const inspection = inspectListing(value, options);
          if (typeof value === "string") return;
          expect(inspection.issues.map((issue) => [issue.code, issue.line, issue.column, issue.offset])).toEqual([
            ["E_NOT_TEXT", 1, 1, 0],
          ]);
          expect(inspection.spans).toEqual([]);
          expect(Object.values(inspection.film).every((v) => v === null || (Array.isArray(v) && v.length === 0))).toBe(
            true,
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test(
    "agrees with parseListing: success exactly when no issue is an error, with the same film; a failure's issues are the inspection's",
    () => {
      const outcomes = new Set<string>();
      fc.assert(
        fc.property(anyText, (text) => {
          const inspection = checkInspection(text);
          const result = safeParseListing(text, options);
          const errors = inspection.issues.filter((issue) => issue.severity === "error");
          if (result.success) {
            outcomes.add("success");
            expect(errors).toEqual([]);
            expect(inspection.film).toStrictEqual(result.data);
            return;
          }
          const { error } = result;
          outcomes.add(error.code);
          expectPositionInside(error, text);
          expect(error.issues).toStrictEqual(inspection.issues);
          expect(error.issues).toContainEqual(
            expect.objectContaining({ code: error.code, line: error.line, column: error.column, offset: error.offset }),
          );
        }),
        { numRuns: RUNS },
      );
      expect(outcomes).toContain("success");
      expect(outcomes.size).toBeGreaterThan(6);
    },
    TIMEOUT,
  );

  test.each([...listingFixtures, ...errorFixtures])("agrees with parseListing on fixture $slug", ({ text }) => {
    const inspection = checkInspection(text);
    const result = safeParseListing(text, options);
    if (result.success) expect(inspection.film).toStrictEqual(result.data);
    else expect(result.error.issues).toStrictEqual(inspection.issues);
    expect(inspection.issues.some((issue: ListingIssue) => issue.severity === "error")).toBe(!result.success);
  });
});
