/**
 * `inspectListing`: every value a text holds, every problem, and where each
 * value was read, from the same reading as `parseListing`.
 */

import {
  errorWithIssuesOnRead,
  issueOf,
  type ListingError,
  type ListingErrorIssue,
  type ListingParseIssue,
  type ListingSyntaxIssue,
  messageOf,
  type Position,
} from "./errors";
import { collapseSpaces, EXPECTED, lineEnd } from "./grammar/patterns";
import type { SyntaxProblem } from "./grammar/tree";
import { hintFor } from "./hints";
import { cleanText } from "./lines";
import { OffsetMap } from "./offsets";
import { describe, type ParseOptions, type ReadingSetup, setupFor } from "./options";
import { buildRecord, type PartialFilm } from "./record/build";
import { IssueRank, type RecordIssue, RecordIssues } from "./record/issues";
import { NO_SPANS, SpanList, type SpanSink } from "./record/spans";

/**
 * Where one value of the record was read: `path` names it (`["cast", 2]`,
 * `["reviews", 0, "text"]`), `start` and `end` (just after its last
 * character) are positions in the original input.
 *
 * @example
 * ```ts
 * inspectListing("The Red Shoes\n4.3\n1948").spans[1];
 * // { path: ["rating"], start: { line: 2, column: 1, offset: 14 }, end: { line: 2, column: 4, offset: 17 } }
 * ```
 *
 * @group Parsing
 */
export interface FieldSpan {
  readonly path: readonly (string | number)[];
  readonly start: Position;
  readonly end: Position;
}

/**
 * What {@link inspectListing} finds in a text.
 *
 * @example
 * ```ts
 * const { film, issues, spans } = inspectListing("The Red Shoes\n7.5\n1948");
 * film.rating; // null
 * film.year; // 1948
 * issues.map((issue) => issue.code); // ["E_INVALID"]
 * spans.map((span) => span.path); // [["title"], ["year"]]
 * ```
 *
 * @group Parsing
 */
export interface ListingInspection {
  /** Every value that could be read; a value with an error is `null` or left out of its list. */
  readonly film: PartialFilm;
  /** Every problem, errors and warnings, in text order. */
  readonly issues: readonly ListingParseIssue[];
  /** Where every value of `film` was read, in text order. */
  readonly spans: readonly FieldSpan[];
}

/**
 * Reads what {@link parseListing} reads, but a problem costs only the
 * values it touches: returns every value it can read, every problem (in
 * text order, warnings included) and where each value came from. It never
 * throws for any `text`; an invalid option is a `TypeError`.
 *
 * `parseListing(text)` succeeds exactly when no issue has severity
 * `"error"`, and then returns this `film`; when it throws, the error's
 * `issues` are these issues. `docs/inspect.md` tells how each problem is
 * read past.
 *
 * @example
 * ```ts
 * const { film, issues } = inspectListing("The Red Shoes\n7.5\n1948\n133 min");
 * film.rating; // null: 7.5 is out of range
 * film.runtimeMinutes; // 133
 * issues[0]?.message; // "line 2, column 1: rating 7.5 is outside 0–5"
 * ```
 *
 * @group Parsing
 */
export function inspectListing(text: unknown, options: ParseOptions = {}): ListingInspection {
  return inspectText(text, setupFor(options), new SpanList());
}

/**
 * One reading of a text, which every entry point views: the record, and
 * the issues with what placing them in the original text needs.
 */
export interface ListingRun {
  readonly film: PartialFilm;
  readonly found: FoundIssues;
}

/** The issues of a reading, grammar and record alike, in clean offsets. */
export interface FoundIssues {
  readonly text: string;
  readonly clean: string;
  /** Where the text ends: after its last non-blank line. */
  readonly inputEnd: number;
  readonly issues: RecordIssues;
}

const NO_FIELD_SPANS: readonly FieldSpan[] = /* @__PURE__ */ Object.freeze([]);

/** Reads `text`: the grammar, then the record builder, whose spans go to `spans`. */
export function readListing(text: string, setup: ReadingSetup, spans: SpanSink): ListingRun {
  const clean = cleanText(text);
  const { tree, problems } = setup.read(clean);
  const inputEnd = endOfText(clean);
  // The grammar's problems, then the record's; past the limit only counted.
  const issues = new RecordIssues(setup.maxIssues);
  for (const problem of problems) {
    // Stryker disable next-line ConditionalExpression: shortcut; push drops what this counts
    if (!issues.skips(IssueRank.grammar, problem.at)) issues.push(syntaxIssue(problem, clean, inputEnd));
  }
  const film =
    tree === null
      ? emptyFilm()
      : buildRecord({ tree, vocabulary: setup.vocabulary, latestYear: setup.latestYear, issues, spans });
  return { film, found: { text, clean, inputEnd, issues } };
}

/**
 * Inspects `text`, with the spans of the values when given a list to
 * collect them in.
 */
export function inspectText(text: unknown, setup: ReadingSetup, spans?: SpanList): ListingInspection {
  if (typeof text !== "string") return { film: emptyFilm(), issues: [notText(text)], spans: NO_FIELD_SPANS };
  const { film, found } = readListing(text, setup, spans ?? NO_SPANS);
  // Positions in text order, in one walk over the text for the issues and one for the spans.
  const map = new OffsetMap(text, found.clean);
  const issues = placeIssues(found, map);
  map.rewind();
  const placed = spans === undefined ? NO_FIELD_SPANS : placeSpans(spans, map);
  return { film, issues, spans: placed };
}

/** The spans found, in text order (by their start; ties in the order found), placed in the original input. */
function placeSpans(spans: SpanList, map: OffsetMap): FieldSpan[] {
  const placed: FieldSpan[] = [];
  for (const index of orderByStart(spans)) {
    placed.push({ path: spans.path(index), start: map.at(spans.start(index)), end: map.after(spans.end(index)) });
  }
  return placed;
}

/** Every issue a reading found, placed in the original text, with the count of those not listed. */
function placeIssues(found: FoundIssues, map: OffsetMap = new OffsetMap(found.text, found.clean)): ListingParseIssue[] {
  const { issues: kept, more } = found.issues.result();
  const issues = kept.map((issue) => place(issue, map, found.inputEnd, found.clean));
  if (more > 0) issues.push(moreIssues(more, found.issues.limit, map));
  return issues;
}

/**
 * The error `parseListing` throws for a reading with an error: its issue
 * placed now, the others when the error's `issues` are first read.
 */
export function errorOf(found: FoundIssues, primary: RecordIssue): ListingError {
  const { text, clean, inputEnd } = found;
  const placed = place(primary, new OffsetMap(text, clean), inputEnd, clean) as ListingErrorIssue;
  return errorWithIssuesOnRead({ ...placed, cause: primary.cause }, () => placeIssues(found));
}

/** The error of a value that is not a string. */
export function notTextError(value: unknown): ListingError {
  const issue = notText(value);
  return errorWithIssuesOnRead(issue, () => [issue]);
}

/** The issue of a text that is not a string. */
function notText(text: unknown): ListingSyntaxIssue<"E_NOT_TEXT"> {
  const found = describe(text);
  return issueOf({
    code: "E_NOT_TEXT",
    reason: `expected the listing as a string, found ${found}`,
    line: 1,
    column: 1,
    offset: 0,
    expected: ["a string"],
    found,
  }) as ListingSyntaxIssue<"E_NOT_TEXT">;
}

/** The last issue of a text with more than `maxIssues`: how many more there are, at the end of the text. */
function moreIssues(more: number, maxIssues: number, map: OffsetMap): ListingParseIssue {
  const { line, column, offset } = map.end();
  const reason = `${more.toLocaleString("en")} more ${more === 1 ? "issue is" : "issues are"} not listed (maxIssues is ${maxIssues.toLocaleString("en")})`;
  return {
    code: "W_MORE_ISSUES",
    severity: "warning",
    line,
    column,
    offset,
    end: { line, column, offset },
    reason,
    message: messageOf(line, column, reason, undefined),
    path: [],
  };
}

/** A record with every value missing: for text that holds no listing. */
function emptyFilm(): PartialFilm {
  return {
    title: null,
    rating: null,
    voteCount: null,
    genres: [],
    year: null,
    runtimeMinutes: null,
    certification: null,
    synopsis: null,
    cast: [],
    directors: [],
    badges: [],
    availableOn: [],
    reviews: [],
  };
}

/** Where the text ends: after its last non-blank line. */
function endOfText(clean: string): number {
  let end = clean.length;
  // Before the first character, charCodeAt gives NaN: the walk stops there.
  while (clean.charCodeAt(end - 1) === 10) end--;
  return end;
}

/**
 * The indices of the spans in the order of their starts, equal starts in
 * the order found. The spans come as a few runs already in order (the
 * header's, the trailing run's, each section's names, the reviews', the
 * values'), each of which may hold hundreds of thousands: the runs are
 * merged, two by two, until one is left.
 *
 * Equivalent mutants, marked "shortcut": where the runs are split (any
 * split into runs in order merges to the same order; before the first
 * span and past the last, a start reads as undefined, before nothing) and
 * the loops' bounds (a typed array drops a write past its end, and a write
 * at a run's end is overwritten by the next run's merge). No two spans
 * start at the same offset, so a tie never comes to the merge.
 */
function orderByStart(spans: SpanList): Int32Array {
  const { length } = spans;
  let order = new Int32Array(length);
  let merged = new Int32Array(length);
  // Where each run starts, and the end of the last.
  let bounds = [0];
  // Stryker disable next-line EqualityOperator: shortcut
  for (let index = 0; index < length; index++) {
    order[index] = index;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: shortcut
    if (index > 0 && spans.start(index - 1) > spans.start(index)) bounds.push(index);
  }
  bounds.push(length);
  while (bounds.length > 2) {
    const next = [0];
    for (let run = 0; run + 1 < bounds.length; run += 2) {
      // A last run without a pair is copied as it is.
      const end = bounds[Math.min(run + 2, bounds.length - 1)] as number;
      const middle = bounds[run + 1] as number;
      let left = bounds[run] as number;
      let right = middle;
      // Stryker disable next-line EqualityOperator: shortcut
      for (let at = left; at < end; at++) {
        // A tie would take the left run's, found first.
        const takeLeft =
          right === end ||
          // Stryker disable next-line EqualityOperator: no tie
          (left < middle && spans.start(order[left] as number) <= spans.start(order[right] as number));
        merged[at] = order[takeLeft ? left++ : right++] as number;
      }
      next.push(end);
    }
    [order, merged] = [merged, order];
    bounds = next;
  }
  return order;
}

/** A grammar problem as an issue: what was expected there, and what stood there. */
function syntaxIssue(problem: SyntaxProblem, clean: string, inputEnd: number): RecordIssue {
  const { code, at } = problem;
  if (code === "E_EMPTY") {
    return {
      code,
      rank: IssueRank.grammar,
      at: 0,
      end: 0,
      reason: "expected a film listing, found only blank lines",
      expected: [EXPECTED.title],
      found: "the end",
    };
  }
  const atEnd = at >= inputEnd;
  const found = atEnd ? "the end" : foundLine(clean, at);
  const shown = atEnd ? found : JSON.stringify(found);
  const syntax: Record<Exclude<SyntaxProblem["code"], "E_EMPTY">, { expected: string; reason: string }> = {
    E_SERIES: { expected: EXPECTED.film, reason: `expected a film, found ${shown}, which marks a series` },
    E_MISSING_YEAR: { expected: EXPECTED.year, reason: `expected ${EXPECTED.year}, found ${shown}` },
    E_UNTERMINATED_REVIEW: {
      expected: EXPECTED.reviewClose,
      reason: `the review opened here is never closed: expected ${EXPECTED.reviewClose}`,
    },
    E_REVIEW_START: { expected: EXPECTED.reviewOpen, reason: `expected ${EXPECTED.reviewOpen}, found ${shown}` },
  };
  const { expected, reason } = syntax[code];
  // An unterminated review runs to the end; other problems are one line.
  // (A problem at the end is placed at the end, whatever its end.)
  const end = code === "E_UNTERMINATED_REVIEW" ? inputEnd : lineEnd(clean, at);
  return { code, rank: IssueRank.grammar, at, end, reason, expected: [expected], found };
}

/** An issue's clean offsets as positions in the original input, with its hint when it has one. */
function place(issue: RecordIssue, map: OffsetMap, inputEnd: number, clean: string): ListingParseIssue {
  let start: Position;
  let end: Position;
  // At the end, as E_EMPTY always is: after the last non-blank line, or at
  // line 1, column 1 for none.
  // Stryker disable next-line EqualityOperator: the end of the last non-blank line is also where the walk places it
  if (issue.at >= inputEnd) {
    start = map.end();
    end = start;
  } else {
    start = map.at(issue.at);
    end = map.after(issue.end);
  }
  const { line, column, offset } = start;
  const hint = hintFor(issue.code, issue.at, clean);
  // Built whole, in the fixed key order, with no intermediate object: a
  // hostile text may hold hundreds of thousands of issues.
  const placed: Record<string, unknown> = {
    code: issue.code,
    severity: issue.rank === IssueRank.warning ? "warning" : "error",
    line,
    column,
    offset,
    end,
    reason: issue.reason,
    message: messageOf(line, column, issue.reason, hint),
  };
  if (issue.path !== undefined) placed.path = issue.path;
  if (issue.expected !== undefined) placed.expected = issue.expected;
  if (issue.found !== undefined) placed.found = issue.found;
  if (hint !== undefined) placed.hint = hint;
  return placed as unknown as ListingParseIssue;
}

const FOUND_LENGTH = 60;

/** The clean line at `at`, cut short, for messages. */
function foundLine(clean: string, at: number): string {
  const newline = clean.indexOf("\n", at);
  // The whole line: a run of spaces may collapse to one.
  const line = collapseSpaces(clean.slice(at, newline === -1 ? clean.length : newline));
  return line.length > FOUND_LENGTH ? `${line.slice(0, FOUND_LENGTH - 1)}…` : line;
}
