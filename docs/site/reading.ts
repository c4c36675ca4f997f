/**
 * What the playground shows of one text, bounded whatever the text holds:
 * at most a few hundred issues with the count of the rest, the record's
 * JSON cut at a length the page lays out quickly, and the spans and record
 * for highlighting only for a text short enough to highlight. The worker
 * computes it; so does the page itself when it cannot start one.
 */

import type { FieldSpan, inspectListing, ParseOptions, PartialFilm } from "../../src/index";

/** The issues listed; the rest are counted. */
export const ISSUE_LIMIT = 300;

/** The characters of the record's JSON shown. */
export const RECORD_LIMIT = 100_000;

/**
 * Past this many characters or marks the browser spends seconds laying out
 * the marks and the clickable values, so a longer text is not highlighted.
 */
export const HIGHLIGHT_LIMIT = { characters: 100_000, marks: 3_000 };

/**
 * The library lists at most `maxIssues` issues (1,000 by default) and
 * counts the rest in one warning: the page counts errors and warnings
 * apart, so it keeps them all, and shows only {@link ISSUE_LIMIT}.
 */
const EVERY_ISSUE = { maxIssues: Number.POSITIVE_INFINITY } as ParseOptions;

/** One issue, as the list and the highlight need it. */
export interface ShownIssue {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  /** Advice when the cause is not where the line suggests. */
  readonly hint: string | undefined;
  /** Where the offending text starts and ends, in UTF-16 code units. */
  readonly start: number;
  readonly end: number;
}

/** What the page shows of one text. */
export interface Reading {
  /** The number of the text, to leave out readings of texts since replaced. */
  readonly id: number;
  /** The first {@link ISSUE_LIMIT} issues, in text order. */
  readonly issues: readonly ShownIssue[];
  /** Every issue's severity counted, listed or not. */
  readonly errors: number;
  readonly warnings: number;
  /** The record as `JSON.stringify(film, null, 2)`, cut at {@link RECORD_LIMIT} characters. */
  readonly json: string;
  /** The length of the whole JSON. */
  readonly jsonLength: number;
  /** For a text short enough to highlight: the record and its spans. */
  readonly highlight: { readonly film: PartialFilm; readonly spans: readonly FieldSpan[] } | undefined;
}

/** Reads `text` with the library's `inspectListing`. */
export function readListing(inspect: typeof inspectListing, text: string, id: number): Reading {
  const inspection = inspect(text, EVERY_ISSUE);
  let errors = 0;
  for (const issue of inspection.issues) if (issue.severity === "error") errors++;
  const issues = inspection.issues.slice(0, ISSUE_LIMIT).map(
    (issue): ShownIssue => ({
      code: issue.code,
      severity: issue.severity,
      line: issue.line,
      column: issue.column,
      reason: issue.reason,
      hint: issue.hint,
      start: issue.offset,
      end: Math.max(issue.offset, issue.end.offset),
    }),
  );
  const json = JSON.stringify(inspection.film, null, 2);
  const marks = inspection.spans.length + issues.length;
  const highlight =
    text.length <= HIGHLIGHT_LIMIT.characters && marks <= HIGHLIGHT_LIMIT.marks && json.length <= RECORD_LIMIT
      ? { film: inspection.film, spans: inspection.spans }
      : undefined;
  return {
    id,
    issues,
    errors,
    warnings: inspection.issues.length - errors,
    json: json.slice(0, RECORD_LIMIT),
    jsonLength: json.length,
    highlight,
  };
}
