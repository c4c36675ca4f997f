/**
 * `--check` and `--update`: compare what the command makes of `x.txt` with
 * the committed JSON (beside it, or in `--out-dir`), by value, so that CI can
 * prove the JSON is current, and say where the first difference is.
 */

import { jsonVisible } from "../visible";
import { decodeText } from "./decode";
import { readRegularFile } from "./inputs";
import { locateJsonPath, readJson } from "./json-text";

/** A place in a JSON value: keys of objects, indices of arrays. */
export type JsonPath = readonly (string | number)[];

/** The first difference between the committed JSON and the command's result. */
export interface Drift {
  /** The JSON path of the first differing value (`$.reviews[0].text`); undefined when the file as a whole is at fault. */
  readonly path: string | undefined;
  /** The line of that value in the committed file (of its nearest enclosing value when the key is missing there). */
  readonly line: number | undefined;
  /** The committed value, as short JSON or in words. */
  readonly old: string;
  /** What the command makes of the text now, as short JSON or in words. */
  readonly new: string;
  /** How many other values differ. */
  readonly more: number;
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
  /** A record is committed but the text does not parse: a plain failure. */
  | { readonly kind: "failed" }
  /** The committed JSON differs, is missing or cannot be read; `committed` is false when there is no file to read. */
  | { readonly kind: "drifted"; readonly drift: Drift; readonly committed: boolean };

/** The largest committed JSON read: far above any record, far below what could hurt. */
const MAX_JSON_SIZE = 64 * 1024 * 1024;

/** Values longer than this, as one line of JSON, are cut with `…` in a drift report. */
const SHOWN_LENGTH = 60;

/**
 * The JSON file `--check` compares `path` with when no `--out-dir` is given:
 * the same path with `.json` for its extension.
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
 * recordJson({ title: "Sherlock Jr.", year: 1924 }); // '{\n  "title": "Sherlock Jr.",\n  "year": 1924\n}\n'
 * ```
 */
export function recordJson(value: unknown): string {
  return `${jsonVisible(JSON.stringify(value, null, 2))}\n`;
}

/**
 * The JSON an expected failure is committed as: the code and position a
 * parse of the text must fail with.
 *
 * @example
 * ```ts
 * errorExpectationOf({ code: "E_EMPTY", line: 1, column: 1 }); // { error: { code: "E_EMPTY", line: 1, column: 1 } }
 * ```
 */
export function errorExpectationOf({ code, line, column }: ErrorPlace): { error: ErrorPlace } {
  return { error: { code, line, column } };
}

/**
 * Compares what the command made of a text with the JSON committed at
 * `expectedPath`, by value: both sides are JSON values, so layout, key
 * order, line ends and a byte-order mark do not count, and neither does a
 * top-level `$schema` key. A committed `{"error": {"code", "line",
 * "column"}}` expects the parse to fail with that code at that position. A
 * missing, unreadable or broken JSON file is drift. `noun` names the value
 * in a drift report.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * const film = parseListing(readFileSync("fixtures/the-red-shoes.txt", "utf8"));
 * checkAgainstCommitted("fixtures/the-red-shoes.json", { kind: "value", value: film }); // { kind: "matched" }
 * checkAgainstCommitted("fixtures/the-red-shoes.json", { kind: "value", value: { ...film, rating: 4.4 } });
 * // { kind: "drifted", committed: true,
 * //   drift: { path: "$.rating", line: 3, old: "4.3", new: "4.4", more: 0 } }
 * ```
 */
export function checkAgainstCommitted(expectedPath: string, actual: Actual, noun = "a film record"): CheckOutcome {
  const whole = (old: string, committed: boolean): CheckOutcome => ({
    kind: "drifted",
    committed,
    drift: { path: undefined, line: undefined, old, new: describe(actual, noun), more: 0 },
  });
  const read = readRegularFile(expectedPath, MAX_JSON_SIZE);
  if (!read.ok) return whole(read.reason, false);
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return whole(decoded.reason, true);
  const committed = decoded.text;
  const json = readJson(committed);
  if (!json.ok) return whole(`not JSON (${json.reason})`, true);
  const expected = withoutSchemaKey(json.value);

  const expectedError = errorExpectation(expected);
  if (expectedError !== undefined) {
    if (actual.kind === "value") {
      const line = locateJsonPath(committed, ["error"]).line;
      return {
        kind: "drifted",
        committed: true,
        drift: { path: "$.error", line, old: `error ${describeError(expectedError)}`, new: noun, more: 0 },
      };
    }
  } else if (actual.kind === "error") {
    return { kind: "failed" };
  }
  const now = actual.kind === "value" ? withoutSchemaKey(actual.value) : errorExpectationOf(actual.error);
  const { first, count } = firstDifference(expected, now);
  if (first === undefined) return { kind: actual.kind === "error" ? "expected-error" : "matched" };
  return {
    kind: "drifted",
    committed: true,
    drift: {
      path: formatJsonPath(first.path),
      line: locateJsonPath(committed, first.path).line,
      old: show(first.old),
      new: show(first.new),
      more: count - 1,
    },
  };
}

/** A value that differs, at `path`: `undefined` for a key or an item that is not there. */
export interface JsonDifference {
  readonly path: JsonPath;
  readonly old: unknown;
  readonly new: unknown;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A path as a chain from the leaf up, so that a step costs no copy of the path. */
type PathLink = { readonly parent: PathLink; readonly key: string | number } | undefined;

/**
 * The first value that differs between two JSON values, and how many differ
 * in all: objects compared key by key, in `now`'s key order and then the
 * keys only `old` has; arrays item by item. Two objects with the same keys
 * and values in another order are equal. Reads without recursion, so that
 * any depth of nesting is fine.
 *
 * @example
 * ```ts
 * firstDifference({ a: 1, b: [1, 2] }, { b: [1, 3], a: 1 });
 * // { first: { path: ["b", 1], old: 2, new: 3 }, count: 1 }
 * firstDifference({ a: 1, b: 2 }, { b: 2, a: 1 }); // { first: undefined, count: 0 }
 * ```
 */
export function firstDifference(old: unknown, now: unknown): { first: JsonDifference | undefined; count: number } {
  let first: JsonDifference | undefined;
  let count = 0;
  const pending: { link: PathLink; old: unknown; new: unknown }[] = [{ link: undefined, old, new: now }];
  while (pending.length > 0) {
    const { link, old: a, new: b } = pending.pop() as (typeof pending)[number];
    const next: typeof pending = [];
    if (isPlainObject(a) && isPlainObject(b)) {
      const keys = [...Object.keys(b), ...Object.keys(a).filter((key) => !Object.hasOwn(b, key))];
      for (const key of keys) {
        next.push({
          link: { parent: link, key },
          old: Object.hasOwn(a, key) ? a[key] : undefined,
          new: Object.hasOwn(b, key) ? b[key] : undefined,
        });
      }
    } else if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++)
        next.push({ link: { parent: link, key: i }, old: a[i], new: b[i] });
    } else {
      if (a !== b) {
        count++;
        first ??= { path: pathOf(link), old: a, new: b };
      }
      continue;
    }
    // Last pushed, first read: pushed in reverse, so that differences come in key order.
    for (let i = next.length - 1; i >= 0; i--) pending.push(next[i] as (typeof pending)[number]);
  }
  return { first, count };
}

function pathOf(link: PathLink): JsonPath {
  const path: (string | number)[] = [];
  for (let at = link; at !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * A JSON path as JSONPath writes it: `$`, `.key` for a key that is a name,
 * `["key"]` for any other key, `[0]` for an index.
 *
 * @example
 * ```ts
 * formatJsonPath(["reviews", 0, "text"]); // "$.reviews[0].text"
 * formatJsonPath(["a b"]); // '$["a b"]'
 * ```
 */
export function formatJsonPath(path: JsonPath): string {
  return `$${path
    .map((key) =>
      typeof key === "number" ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`,
    )
    .join("")}`;
}

/** `value` without its top-level `$schema` key, which names a schema and is no part of the record. */
function withoutSchemaKey(value: unknown): unknown {
  if (!isPlainObject(value) || !Object.hasOwn(value, "$schema")) return value;
  const { $schema: _, ...rest } = value;
  return rest;
}

/** The `error` of an error fixture's JSON, or undefined for a value. */
function errorExpectation(expected: unknown): ErrorPlace | undefined {
  if (!isPlainObject(expected) || !isPlainObject(expected.error)) return undefined;
  const { code, line, column } = expected.error;
  return { code, line, column };
}

function describe(actual: Actual, noun: string): string {
  return actual.kind === "value" ? noun : `error ${describeError(actual.error)}`;
}

function describeError({ code, line, column }: ErrorPlace): string {
  return `${String(code)} at ${String(line)}:${String(column)}`;
}

/**
 * A value as one line of JSON, cut to about 60 characters; `absent` for a
 * key or item that is not there; a value nested too deeply to write out (a
 * hostile JSON file) in words.
 */
function show(value: unknown): string {
  if (value === undefined) return "absent";
  let json: string;
  try {
    json = jsonVisible(JSON.stringify(value));
  } catch (error) {
    if (error instanceof RangeError) return "a value nested too deeply to show";
    throw error;
  }
  if (json.length <= SHOWN_LENGTH) return json;
  // Cut before a lone high surrogate, so that no half of a character is shown.
  const cut = /[\uD800-\uDBFF]$/.test(json.slice(0, SHOWN_LENGTH - 1)) ? SHOWN_LENGTH - 2 : SHOWN_LENGTH - 1;
  return `${json.slice(0, cut)}…`;
}
