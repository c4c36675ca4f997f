/**
 * `--check`: compares what the parser makes of `x.txt` with the
 * committed `x.json` beside it, so that CI can prove the JSON is current.
 */

import { readFile } from "node:fs/promises";
import type { Film, SafeParseListingResult } from "../index";
import { describeFsError } from "./inputs";

/** One difference between the committed JSON and the parser's result. */
export interface Drift {
  /** The record's key (`rating`), `error.code` and the like, or the JSON file's name. */
  readonly field: string;
  /** The committed value, as JSON or in words. */
  readonly old: string;
  /** What the parser makes of the text now, as JSON or in words. */
  readonly new: string;
}

/** What checking one input found. */
export type CheckOutcome =
  /** The parser made the committed record. */
  | { readonly kind: "parsed" }
  /** The parser failed with the committed error code and position. */
  | { readonly kind: "expected-error" }
  /** The committed JSON is a record but the text does not parse: a plain failure. */
  | { readonly kind: "failed" }
  | { readonly kind: "drifted"; readonly expectedPath: string; readonly drifts: readonly Drift[] };

/**
 * The JSON file `--check` compares `path` with: the same path with `.json`
 * for its extension.
 *
 * @example
 * ```ts
 * expectedPathFor("fixtures/errors/empty-file.txt"); // "fixtures/errors/empty-file.json"
 * ```
 */
export function expectedPathFor(path: string): string {
  return `${path.replace(/\.txt$/i, "")}.json`;
}

/**
 * The text `parse` prints for one record, and `--out-dir` writes: 2-space
 * JSON in the record's key order, with a final newline, like
 * `fixtures/*.json`.
 *
 * @example
 * ```ts
 * recordJson({ title: "Sherlock Jr.", … }); // '{\n  "title": "Sherlock Jr.",\n …\n}\n'
 * ```
 */
export function recordJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Compares the parse `result` of `path` with the JSON committed beside it.
 * A committed `{"error": {"code", "line", "column"}}` expects the parse to
 * fail with that code at that position; any other JSON expects the record,
 * key order and layout included. A missing or unreadable JSON file is
 * drift.
 *
 * @example
 * ```ts
 * await checkAgainstCommitted("fixtures/the-red-shoes.txt", safeParseListing(text));
 * // { kind: "parsed" }, or, if fixtures/the-red-shoes.json said rating 4.4:
 * // { kind: "drifted", expectedPath: "fixtures/the-red-shoes.json",
 * //   drifts: [{ field: "rating", old: "4.4", new: "4.3" }] }
 * ```
 */
export async function checkAgainstCommitted(path: string, result: SafeParseListingResult): Promise<CheckOutcome> {
  const expectedPath = expectedPathFor(path);
  const drifted = (drifts: Drift[]): CheckOutcome => ({ kind: "drifted", expectedPath, drifts });
  let committed: string;
  try {
    committed = await readFile(expectedPath, "utf8");
  } catch (error) {
    return drifted([{ field: expectedPath, old: describeFsError(error), new: describeResult(result) }]);
  }
  let expected: unknown;
  try {
    expected = JSON.parse(committed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return drifted([{ field: expectedPath, old: `not JSON (${reason})`, new: describeResult(result) }]);
  }

  const expectedError = errorExpectation(expected);
  if (expectedError !== undefined) {
    if (result.success) return drifted([{ field: "error", old: describeError(expectedError), new: "a film record" }]);
    const actual = { code: result.error.code, line: result.error.line, column: result.error.column };
    const drifts = (["code", "line", "column"] as const)
      .filter((key) => expectedError[key] !== actual[key])
      .map((key) => ({ field: `error.${key}`, old: show(expectedError[key]), new: show(actual[key]) }));
    return drifts.length === 0 ? { kind: "expected-error" } : drifted(drifts);
  }

  if (!result.success) return { kind: "failed" };
  if (committed === recordJson(result.data)) return { kind: "parsed" };
  const drifts = fieldDrifts(expected, result.data);
  if (drifts.length > 0) return drifted(drifts);
  return drifted([
    {
      field: expectedPath,
      old: "the same values, laid out differently",
      new: "2-space JSON in the record's key order, with a final newline",
    },
  ]);
}

interface ErrorExpectation {
  readonly code: unknown;
  readonly line: unknown;
  readonly column: unknown;
}

/** The `error` of an error fixture's JSON, or undefined for a record. */
function errorExpectation(expected: unknown): ErrorExpectation | undefined {
  if (typeof expected !== "object" || expected === null || !("error" in expected)) return undefined;
  const error: unknown = expected.error;
  if (typeof error !== "object" || error === null) return undefined;
  const { code, line, column } = error as Record<string, unknown>;
  return { code, line, column };
}

/** The keys whose values differ, in the record's key order, then any extra committed keys. */
function fieldDrifts(expected: unknown, film: Film): Drift[] {
  if (typeof expected !== "object" || expected === null || Array.isArray(expected)) {
    return [{ field: "record", old: show(expected), new: "a film record" }];
  }
  const committed = expected as Record<string, unknown>;
  const actual = film as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(actual), ...Object.keys(committed)])];
  return keys
    .filter((key) => JSON.stringify(committed[key]) !== JSON.stringify(actual[key]))
    .map((key) => ({ field: key, old: show(committed[key]), new: show(actual[key]) }));
}

function describeResult(result: SafeParseListingResult): string {
  return result.success ? "a film record" : `error ${describeError(result.error)}`;
}

function describeError({ code, line, column }: ErrorExpectation): string {
  return `${String(code)} at ${String(line)}:${String(column)}`;
}

/** A value as one line of JSON; `absent` for a key that is not there. */
function show(value: unknown): string {
  return value === undefined ? "absent" : JSON.stringify(value);
}
