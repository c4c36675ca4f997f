/**
 * `--check`: compares what the command makes of `x.txt` with the committed
 * `x.json` beside it, so that CI can prove the JSON is current.
 */

import { jsonVisible } from "../visible";
import { decodeText } from "./decode";
import { readRegularFile } from "./inputs";
import { readJson } from "./json-text";

/** One difference between the committed JSON and the command's result. */
export interface Drift {
  /** The key (`rating`, `film.rating`), `error.code` and the like, or the JSON file's name. */
  readonly field: string;
  /** The committed value, as JSON or in words. */
  readonly old: string;
  /** What the command makes of the text now, as JSON or in words. */
  readonly new: string;
}

/** Where an error stands, as an error fixture's JSON gives it. */
export interface ErrorPlace {
  readonly code: unknown;
  readonly line: unknown;
  readonly column: unknown;
}

/** What the command made of a text: the value it writes, or, for `parse`, the error it failed with. */
export type Actual =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "error"; readonly error: ErrorPlace };

/** What checking one input found. */
export type CheckOutcome =
  /** The command made the committed value. */
  | { readonly kind: "matched" }
  /** The parse failed with the committed error code and position. */
  | { readonly kind: "expected-error" }
  /** A value is committed but the text does not parse: a plain failure. */
  | { readonly kind: "failed" }
  | { readonly kind: "drifted"; readonly expectedPath: string; readonly drifts: readonly Drift[] };

/** The largest committed JSON read: far above any record, far below what could hurt. */
const MAX_JSON_SIZE = 64 * 1024 * 1024;

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
 * The text the command prints for one value, and `--out-dir` writes: 2-space
 * JSON in the value's key order, with a final newline, like
 * `fixtures/*.json`; characters a terminal would act on written as `\u`
 * escapes.
 *
 * @example
 * ```ts
 * recordJson({ title: "Sherlock Jr.", … }); // '{\n  "title": "Sherlock Jr.",\n …\n}\n'
 * ```
 */
export function recordJson(value: unknown): string {
  return `${jsonVisible(JSON.stringify(value, null, 2))}\n`;
}

/**
 * Compares what the command made of `path` with the JSON committed beside
 * it. A committed `{"error": {"code", "line", "column"}}` expects the parse
 * to fail with that code at that position; any other JSON expects the
 * value, key order and layout included. A missing, unreadable or broken
 * JSON file is drift. `noun` names the value in a drift report.
 *
 * @example
 * ```ts
 * checkAgainstCommitted("fixtures/the-red-shoes.txt", { kind: "value", value: film });
 * // { kind: "matched" }, or, if fixtures/the-red-shoes.json said rating 4.4:
 * // { kind: "drifted", expectedPath: "fixtures/the-red-shoes.json",
 * //   drifts: [{ field: "rating", old: "4.4", new: "4.3" }] }
 * ```
 */
export function checkAgainstCommitted(path: string, actual: Actual, noun = "a film record"): CheckOutcome {
  const expectedPath = expectedPathFor(path);
  const drifted = (drifts: Drift[]): CheckOutcome => ({ kind: "drifted", expectedPath, drifts });
  const read = readRegularFile(expectedPath, MAX_JSON_SIZE);
  const decoded = read.ok ? decodeText(read.bytes) : read;
  if (!decoded.ok) return drifted([{ field: expectedPath, old: decoded.reason, new: describe(actual, noun) }]);
  const committed = decoded.text;
  const json = readJson(committed);
  if (!json.ok)
    return drifted([{ field: expectedPath, old: `not JSON (${json.reason})`, new: describe(actual, noun) }]);
  const expected = json.value;

  const expectedError = errorExpectation(expected);
  if (expectedError !== undefined) {
    if (actual.kind === "value") return drifted([{ field: "error", old: describeError(expectedError), new: noun }]);
    const drifts = (["code", "line", "column"] as const)
      .filter((key) => expectedError[key] !== actual.error[key])
      .map((key) => ({ field: `error.${key}`, old: show(expectedError[key]), new: show(actual.error[key]) }));
    return drifts.length === 0 ? { kind: "expected-error" } : drifted(drifts);
  }

  if (actual.kind === "error") return { kind: "failed" };
  if (committed === recordJson(actual.value)) return { kind: "matched" };
  const drifts = fieldDrifts(expected, actual.value, "", 2);
  if (drifts.length > 0) return drifted(drifts);
  return drifted([
    {
      field: expectedPath,
      old: "the same values, laid out differently",
      new: "2-space JSON in the value's key order, with a final newline",
    },
  ]);
}

/** The `error` of an error fixture's JSON, or undefined for a value. */
function errorExpectation(expected: unknown): ErrorPlace | undefined {
  if (typeof expected !== "object" || expected === null || !("error" in expected)) return undefined;
  const error: unknown = expected.error;
  if (typeof error !== "object" || error === null) return undefined;
  const { code, line, column } = error as Record<string, unknown>;
  return { code, line, column };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The keys whose values differ, in the value's key order, then any extra
 * committed keys; objects inside objects compared key by key, `depth`
 * levels down (`film.rating`).
 */
function fieldDrifts(expected: unknown, actual: unknown, prefix: string, depth: number): Drift[] {
  if (!isPlainObject(expected) || !isPlainObject(actual)) {
    return [{ field: prefix === "" ? "value" : prefix.slice(0, -1), old: show(expected), new: show(actual) }];
  }
  const keys = [...new Set([...Object.keys(actual), ...Object.keys(expected)])];
  return keys.flatMap((key) => {
    const [old, now] = [expected[key], actual[key]];
    if (depth > 1 && isPlainObject(old) && isPlainObject(now))
      return fieldDrifts(old, now, `${prefix}${key}.`, depth - 1);
    return show(old) === show(now) ? [] : [{ field: `${prefix}${key}`, old: show(old), new: show(now) }];
  });
}

function describe(actual: Actual, noun: string): string {
  return actual.kind === "value" ? noun : `error ${describeError(actual.error)}`;
}

function describeError({ code, line, column }: ErrorPlace): string {
  return `${String(code)} at ${String(line)}:${String(column)}`;
}

/**
 * A value as one line of JSON; `absent` for a key that is not there; a
 * value nested too deeply to write out (a hostile JSON file) in words.
 */
function show(value: unknown): string {
  if (value === undefined) return "absent";
  try {
    return jsonVisible(JSON.stringify(value));
  } catch (error) {
    if (error instanceof RangeError) return "a value nested too deeply to show";
    throw error;
  }
}
