/**
 * The check of a record handed to the functions that take one
 * (`formatListing`, `toSchemaOrg`): a record `FilmSchema` refuses gets the
 * same `ListingError` from each, never a half-made output.
 */

import type { core } from "zod/v4";
import { ListingError } from "./errors";
import { type Film, FilmSchema } from "./film";

/** A field of the record, as zod names it: `["cast", 2]`. */
export type FieldPath = readonly (string | number)[];

/**
 * `film`, parsed by {@link FilmSchema}.
 *
 * @throws `TypeError` when `film` is not an object; `ListingError` with code
 * `E_INVALID`, line 1, column 1, offset 0 and the field's `path` when the
 * schema refuses it.
 */
export function checkedRecord(film: unknown, caller: string): Film {
  if (typeof film !== "object" || film === null || Array.isArray(film)) {
    const got = film === null ? "null" : Array.isArray(film) ? "an array" : typeof film;
    throw new TypeError(`${caller} expects a Film record, got ${got}`);
  }
  const result = FilmSchema.safeParse(film);
  if (!result.success) throw invalidRecord(result.error.issues[0] as core.$ZodIssue);
  return result.data;
}

/** `["cast", 2]` → `cast[2]`. */
export function label(path: FieldPath): string {
  if (path.length === 0) return "the record";
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`)).join("");
}

function invalidRecord(issue: core.$ZodIssue): ListingError {
  const path = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
  return new ListingError({
    code: "E_INVALID",
    reason: `${label(path)}: ${issue.message}`,
    line: 1,
    column: 1,
    offset: 0,
    path,
    cause: issue,
  });
}
