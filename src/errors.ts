/**
 * The one error class of the library, its codes, the issues an inspection
 * finds, and the code-frame formatter.
 */

import { type LineRange, LineWalker } from "./line-walker";
import { visibleAt } from "./visible";

/**
 * Every code a {@link ListingError} can carry, and every code of an issue
 * of severity `"error"`. `docs/errors.md` gives each with an example input
 * and message.
 *
 * @example
 * ```ts
 * ERROR_CODES.includes("E_MISSING_YEAR"); // true
 * ```
 *
 * @group Errors
 */
export const ERROR_CODES = /* @__PURE__ */ Object.freeze([
  "E_NOT_TEXT",
  "E_EMPTY",
  "E_MISSING_YEAR",
  "E_SERIES",
  "E_REVIEW_START",
  "E_UNTERMINATED_REVIEW",
  "E_DUPLICATE_SECTION",
  "E_SECTION_ORDER",
  "E_INVALID",
  "E_UNREPRESENTABLE",
] as const);

/**
 * A stable string naming what went wrong; TypeScript narrows a
 * {@link ListingError} on it.
 *
 * @example
 * ```ts
 * const result = safeParseListing("The Red Shoes\nDrama");
 * if (!result.success) {
 *   const code: ListingErrorCode = result.error.code; // "E_MISSING_YEAR"
 * }
 * ```
 *
 * @group Errors
 */
export type ListingErrorCode = (typeof ERROR_CODES)[number];

/**
 * The codes of warnings: values read by their place alone that look out of
 * place, and `W_MORE_ISSUES`, the last issue of a text with more than
 * `maxIssues`, which counts those not listed (its `path` is `[]`). A
 * warning never makes `parseListing` fail.
 *
 * @example
 * ```ts
 * WARNING_CODES; // ["W_UNKNOWN_GENRE", "W_CERTIFICATION_SHAPE", "W_MORE_ISSUES"]
 * ```
 *
 * @group Errors
 */
export const WARNING_CODES = /* @__PURE__ */ Object.freeze([
  "W_UNKNOWN_GENRE",
  "W_CERTIFICATION_SHAPE",
  "W_MORE_ISSUES",
] as const);

/**
 * The code of a warning issue.
 *
 * @example
 * ```ts
 * const code: ListingWarningCode = "W_UNKNOWN_GENRE";
 * ```
 *
 * @group Errors
 */
export type ListingWarningCode = (typeof WARNING_CODES)[number];

/**
 * The code of any issue: an error code or a warning code.
 *
 * @example
 * ```ts
 * const codes: ListingIssueCode[] = inspectListing("Title\nDance\n1977").issues.map((issue) => issue.code);
 * // ["W_UNKNOWN_GENRE"]
 * ```
 *
 * @group Errors
 */
export type ListingIssueCode = ListingErrorCode | ListingWarningCode;

/**
 * The codes of errors the grammar finds: each carries `expected` and
 * `found`.
 *
 * @example
 * ```ts
 * const code: ListingSyntaxErrorCode = "E_MISSING_YEAR";
 * ```
 *
 * @group Errors
 */
export type ListingSyntaxErrorCode = Exclude<ListingErrorCode, ListingValidationErrorCode>;

/**
 * The codes of errors about one value of the record: each carries `path`.
 *
 * @example
 * ```ts
 * const code: ListingValidationErrorCode = "E_INVALID";
 * ```
 *
 * @group Errors
 */
export type ListingValidationErrorCode = "E_INVALID" | "E_UNREPRESENTABLE";

/**
 * The codes `parseListing` and `safeParseListing` can raise: every code but
 * `E_UNREPRESENTABLE`, which only `formatListing` raises.
 *
 * @example
 * ```ts
 * const result = safeParseListing("The Red Shoes\nDrama");
 * if (!result.success) {
 *   const code: ListingParseErrorCode = result.error.code; // "E_MISSING_YEAR"
 * }
 * ```
 *
 * @group Errors
 */
export type ListingParseErrorCode = Exclude<ListingErrorCode, "E_UNREPRESENTABLE">;

/**
 * A place in the original input.
 *
 * @example
 * ```ts
 * // The rating is on line 2, after two spaces; the byte-order mark counts as one unit.
 * const [issue] = inspectListing("\uFEFFTitle\r\n  7.5\r\n1948").issues;
 * [issue?.line, issue?.column, issue?.offset]; // [2, 3, 10]
 * ```
 *
 * @group Errors
 */
export interface Position {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;
  /** 0-based offset from the start of the input, in UTF-16 code units. */
  readonly offset: number;
}

/** What every issue holds, whatever its severity. */
interface IssueFields extends Position {
  /** Just after the offending text. */
  readonly end: Position;
  /** What went wrong, in plain words, without the position. */
  readonly reason: string;
  /** `line L, column C: ` followed by the reason, and by `; ` and the hint when there is one. */
  readonly message: string;
  /**
   * Advice when the cause is not where the line suggests: a line that holds
   * several header values, or a whole page's text with the listing further
   * down.
   */
  readonly hint?: string;
}

/**
 * One problem an inspection finds: an error, which makes `parseListing`
 * fail, or a warning, which flags a value that looks out of place.
 *
 * @example
 * ```ts
 * const [issue] = inspectListing("The Red Shoes\n7.5\n1948").issues;
 * // { code: "E_INVALID", severity: "error", line: 2, column: 1, offset: 14,
 * //   end: { line: 2, column: 4, offset: 17 }, reason: "rating 7.5 is outside 0–5",
 * //   message: "line 2, column 1: rating 7.5 is outside 0–5", path: ["rating"] }
 * ```
 *
 * @group Errors
 */
export type ListingIssue =
  | ListingErrorIssue
  | { [C in ListingWarningCode]: ListingWarningIssue<C> }[ListingWarningCode];

/**
 * An issue `inspectListing` can find: any {@link ListingIssue} but one of
 * code `E_UNREPRESENTABLE`, which only `formatListing` raises.
 *
 * @example
 * ```ts
 * const issues: readonly ListingParseIssue[] = inspectListing("The Red Shoes\n7.5\n1948").issues;
 * issues.map((issue) => issue.code); // ["E_INVALID"]
 * ```
 *
 * @group Errors
 */
export type ListingParseIssue = Exclude<ListingIssue, { readonly code: "E_UNREPRESENTABLE" }>;

/**
 * An issue of severity `"error"`, one member per code: it narrows on `code`
 * with `===`, `!==` or `switch`, as {@link ListingError} does.
 *
 * @example
 * ```ts
 * const inspection = inspectListing("The Red Shoes\n7.5\nDance\n1948");
 * const errors: ListingErrorIssue[] = inspection.issues.filter((issue) => issue.severity === "error");
 * errors.map((issue) => issue.code); // ["E_INVALID"]
 * ```
 *
 * @group Errors
 */
export type ListingErrorIssue<C extends ListingErrorCode = ListingErrorCode> = C extends ListingSyntaxErrorCode
  ? ListingSyntaxIssue<C>
  : C extends ListingValidationErrorCode
    ? ListingValidationIssue<C>
    : never;

/**
 * An error issue the grammar found: what it would have accepted, and what
 * stood there.
 *
 * @example
 * ```ts
 * const [issue] = inspectListing("The Red Shoes\nDrama\n133 min").issues;
 * if (issue?.code === "E_MISSING_YEAR") {
 *   issue.expected; // ["a year like 1948"]
 *   issue.found; // "133 min"
 * }
 * ```
 *
 * @group Errors
 */
export interface ListingSyntaxIssue<C extends ListingSyntaxErrorCode = ListingSyntaxErrorCode> extends IssueFields {
  readonly code: C;
  readonly severity: "error";
  /** What the grammar would have accepted here. */
  readonly expected: readonly string[];
  /** What stood there instead (`the end` at the end of the input). */
  readonly found: string;
  readonly path?: undefined;
}

/**
 * An error issue about one value of the record, named by its `path`.
 *
 * @example
 * ```ts
 * const [issue] = inspectListing("The Red Shoes\n7.5\n1948").issues;
 * if (issue?.code === "E_INVALID") issue.path; // ["rating"]
 * ```
 *
 * @group Errors
 */
export interface ListingValidationIssue<C extends ListingValidationErrorCode = ListingValidationErrorCode>
  extends IssueFields {
  readonly code: C;
  readonly severity: "error";
  /** The field of the record: `["rating"]`, `["reviews", 2, "text"]`. */
  readonly path: readonly (string | number)[];
  readonly expected?: undefined;
  readonly found?: undefined;
}

/**
 * An issue of severity `"warning"`: a value read by its place alone that
 * looks out of place, named by its `path`.
 *
 * @example
 * ```ts
 * const [warning] = inspectListing("Title\nDance\n1977").issues as ListingWarningIssue[];
 * warning.code; // "W_UNKNOWN_GENRE"
 * warning.path; // ["genres", 0]
 * ```
 *
 * @group Errors
 */
export interface ListingWarningIssue<C extends ListingWarningCode = ListingWarningCode> extends IssueFields {
  readonly code: C;
  readonly severity: "warning";
  /** The field of the record: `["genres", 1]`, `["certification"]`. */
  readonly path: readonly (string | number)[];
  readonly expected?: undefined;
  readonly found?: undefined;
}

/**
 * What a {@link ListingError} is made from: a syntax code with `expected`
 * and `found`, or a validation code with `path`.
 *
 * @example
 * ```ts
 * new ListingError({ code: "E_INVALID", reason: "rating 7.5 is outside 0–5", line: 2, column: 1, offset: 14, path: ["rating"] })
 *   .message; // "line 2, column 1: rating 7.5 is outside 0–5"
 * ```
 *
 * @group Errors
 */
export type ListingErrorDetails = ListingSyntaxErrorDetails | ListingValidationErrorDetails;

/**
 * What a {@link ListingSyntaxError} is made from.
 *
 * @example
 * ```ts
 * const details: ListingSyntaxErrorDetails = {
 *   code: "E_EMPTY",
 *   reason: "expected a film listing, found only blank lines",
 *   line: 1,
 *   column: 1,
 *   offset: 0,
 *   expected: ["a title"],
 *   found: "the end",
 * };
 * ```
 *
 * @group Errors
 */
export interface ListingSyntaxErrorDetails extends DetailFields {
  readonly code: ListingSyntaxErrorCode;
  /** What the grammar would have accepted here. */
  readonly expected: readonly string[];
  /** What stood there instead. */
  readonly found: string;
  readonly path?: undefined;
}

/**
 * What a {@link ListingValidationError} is made from.
 *
 * @example
 * ```ts
 * const details: ListingValidationErrorDetails = {
 *   code: "E_INVALID",
 *   reason: "rating 7.5 is outside 0–5",
 *   line: 2,
 *   column: 1,
 *   offset: 14,
 *   path: ["rating"],
 * };
 * ```
 *
 * @group Errors
 */
export interface ListingValidationErrorDetails extends DetailFields {
  readonly code: ListingValidationErrorCode;
  /** The field of the record, as zod names it. */
  readonly path: readonly (string | number)[];
  readonly expected?: undefined;
  readonly found?: undefined;
}

/** What the details of every code hold. */
interface DetailFields extends Position {
  /** What went wrong, in plain words, without the position. */
  readonly reason: string;
  /** Validation errors: the zod issue. */
  readonly cause?: unknown;
  /** Where the offending text ends; the error's own position when not given. */
  readonly end?: Position | undefined;
  /** Advice on the cause, added to the message. */
  readonly hint?: string | undefined;
  /**
   * Every problem of the input, this error among them, in text order; the
   * error alone when not given.
   */
  readonly issues?: readonly ListingIssue[] | undefined;
}

/** What every {@link ListingError} holds, whatever its code. */
interface ListingErrorFields extends Error, Position {
  readonly name: "ListingError";
  /** What went wrong, in plain words, without the position. */
  readonly reason: string;
  /** Advice when the cause is not where the line suggests, as on the issue; part of `message`. */
  readonly hint?: string;
  /**
   * Every problem of the input, in text order, warnings included, as
   * `inspectListing` finds them: this error is one of them. Built when
   * first read, then kept.
   */
  readonly issues: readonly ListingIssue[];
}

/**
 * A {@link ListingError} the grammar raised: the layout is broken at
 * `line` and `column`.
 *
 * @example
 * ```ts
 * const { error } = safeParseListing("The Red Shoes\nDrama\n133 min");
 * if (error?.code === "E_MISSING_YEAR") {
 *   error.expected; // ["a year like 1948"]
 *   error.found; // "133 min"
 * }
 * ```
 *
 * @group Errors
 */
export interface ListingSyntaxError<C extends ListingSyntaxErrorCode = ListingSyntaxErrorCode>
  extends ListingErrorFields {
  readonly code: C;
  /** What the grammar would have accepted here. */
  readonly expected: readonly string[];
  /** What stood there instead (`the end` at the end of the input). */
  readonly found: string;
  readonly path?: undefined;
}

/**
 * A {@link ListingError} about one value of the record: out of range, or
 * (from `formatListing`) not writable as a listing.
 *
 * @example
 * ```ts
 * const { error } = safeParseListing("The Red Shoes\n7.5\n1948");
 * if (error?.code === "E_INVALID") {
 *   error.path; // ["rating"]
 *   error.cause; // the zod issue
 * }
 * ```
 *
 * @group Errors
 */
export interface ListingValidationError<C extends ListingValidationErrorCode = ListingValidationErrorCode>
  extends ListingErrorFields {
  readonly code: C;
  /** The field of the record: `["rating"]`, `["reviews", 2, "text"]`. */
  readonly path: readonly (string | number)[];
  readonly expected?: undefined;
  readonly found?: undefined;
}

/**
 * Thrown by `parseListing` (and returned by `safeParseListing`) for input
 * that is not a film listing. `line`, `column` and `offset` point into the
 * original input, noise included; `issues` holds every problem of the
 * input. It is a union with one member per code, so it narrows on `code`
 * with `===`, `!==` or `switch`: after `E_INVALID` or `E_UNREPRESENTABLE`
 * it has a `path`, after any other code `expected` and `found`.
 * `ListingError<C>` is the error of the codes `C`.
 *
 * @example
 * ```ts
 * try {
 *   parseListing("The Red Shoes\n7.5\n1948");
 * } catch (error) {
 *   if (error instanceof ListingError && error.code === "E_INVALID") {
 *     error.message; // "line 2, column 1: rating 7.5 is outside 0–5"
 *     error.path; // ["rating"]
 *   }
 * }
 * ```
 *
 * @group Errors
 */
export type ListingError<C extends ListingErrorCode = ListingErrorCode> = C extends ListingSyntaxErrorCode
  ? ListingSyntaxError<C>
  : C extends ListingValidationErrorCode
    ? ListingValidationError<C>
    : never;

/**
 * The error `parseListing` throws and `safeParseListing` returns: a
 * {@link ListingError} of any code but `E_UNREPRESENTABLE`.
 *
 * @example
 * ```ts
 * const result = safeParseListing("The Red Shoes\nDrama\n133 min");
 * if (!result.success && result.error.code !== "E_INVALID") {
 *   result.error.expected; // ["a year like 1948"]
 * }
 * ```
 *
 * @group Errors
 */
export type ListingParseError = ListingError<ListingParseErrorCode>;

/**
 * The constructor of {@link ListingError}: `new ListingError(details)` and
 * `error instanceof ListingError`.
 *
 * @example
 * ```ts
 * const error = new ListingError({ code: "E_INVALID", reason: "rating 7.5 is outside 0–5", line: 2, column: 1, offset: 14, path: ["rating"] });
 * error instanceof ListingError; // true
 * error.path; // ["rating"]
 * ```
 *
 * @group Errors
 */
export interface ListingErrorConstructor {
  new <C extends ListingErrorCode>(details: ListingErrorDetails & { readonly code: C }): ListingError<C>;
  readonly prototype: ListingError;
}

// Named as users know it, for stack traces and `console.log`.
const ListingErrorClass = class ListingError extends Error {
  override readonly name = "ListingError";
  readonly code: ListingErrorCode;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly reason: string;
  readonly expected: readonly string[] | undefined;
  readonly found: string | undefined;
  readonly path: readonly (string | number)[] | undefined;
  declare readonly issues: readonly ListingIssue[];
  // Declared only: an error without a hint has no `hint` key.
  declare readonly hint?: string;

  /** `issuesOf`, when given, builds `issues` on their first read. */
  constructor(details: ListingErrorDetails, issuesOf?: () => readonly ListingIssue[]) {
    super(
      messageOf(details.line, details.column, details.reason, details.hint),
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.code = details.code;
    this.line = details.line;
    this.column = details.column;
    this.offset = details.offset;
    this.reason = details.reason;
    this.expected = details.expected;
    this.found = details.found;
    this.path = details.path;
    if (details.hint !== undefined) Object.defineProperty(this, "hint", { ...ISSUES(details.hint), writable: false });
    if (issuesOf === undefined) {
      Object.defineProperty(this, "issues", ISSUES(details.issues ?? [issueOf(details)]));
    } else {
      Object.defineProperty(this, "issues", {
        configurable: true,
        enumerable: true,
        get(this: object) {
          const issues = issuesOf();
          Object.defineProperty(this, "issues", ISSUES(issues));
          return issues;
        },
      });
    }
  }
};

/** A plain property, as an assignment in the constructor would make it. */
const ISSUES = (value: unknown): PropertyDescriptor => ({
  value,
  enumerable: true,
  writable: true,
  configurable: true,
});

/**
 * A {@link ListingError} whose `issues` are built when first read: a text
 * may hold hundreds of thousands of problems, and most callers of
 * `parseListing` read only the first.
 */
export function errorWithIssuesOnRead(
  details: ListingErrorDetails,
  issuesOf: () => readonly ListingIssue[],
): ListingError {
  return new ListingErrorClass(details, issuesOf) as ListingError;
}

/**
 * The class of every error the library raises (see the {@link ListingError}
 * type).
 *
 * @example
 * ```ts
 * const result = safeParseListing(42);
 * result.error instanceof ListingError; // true
 * result.error?.code; // "E_NOT_TEXT"
 * ```
 */
export const ListingError: ListingErrorConstructor = ListingErrorClass as unknown as ListingErrorConstructor;

/** The message of an issue or error: its position, its reason and its hint. */
export function messageOf(line: number, column: number, reason: string, hint: string | undefined): string {
  return `line ${line}, column ${column}: ${reason}${hint === undefined ? "" : `; hint: ${hint}`}`;
}

/** The issue an error's details describe, with its fields in their fixed order. */
export function issueOf(details: ListingErrorDetails): ListingErrorIssue {
  const { line, column, offset } = details;
  return {
    code: details.code,
    severity: "error",
    line,
    column,
    offset,
    end: details.end ?? { line, column, offset },
    reason: details.reason,
    message: messageOf(line, column, details.reason, details.hint),
    ...(details.path === undefined ? {} : { path: details.path }),
    ...(details.expected === undefined ? {} : { expected: details.expected }),
    ...(details.found === undefined ? {} : { found: details.found }),
    ...(details.hint === undefined ? {} : { hint: details.hint }),
    // The details' union holds each code with its own fields.
  } as unknown as ListingErrorIssue;
}

/** Lines longer than this are shown as a window around the column. */
const FRAME_WIDTH = 80;

/**
 * The lines of the last text framed: the frames of a text's issues, in text
 * order, walk it once in all rather than once each.
 */
let lastWalker: LineWalker | undefined;

/**
 * Renders the line an error points at, with its neighbours and a caret
 * under the column, for terminals and logs. Tabs show as one space, so the
 * caret stays under its column; a long line shows as a window around it.
 * Control characters and invisible characters are shown escaped (`\u001B`,
 * `⟨U+200B⟩`), so that the text cannot drive the terminal or hide what it
 * holds; the caret stays under the character it points at. The frames of
 * every issue of a text, asked for in text order, cost one reading of the
 * text in all.
 *
 * @example
 * ```ts
 * const text = "The Red Shoes\n7.5\n1948";
 * const result = safeParseListing(text);
 * if (!result.success) console.log(formatCodeFrame(result.error, text));
 * //   1 | The Red Shoes
 * // > 2 | 7.5
 * //     | ^
 * //   3 | 1948
 * ```
 *
 * @group Errors
 */
export function formatCodeFrame(error: Position, text: string, context = 1): string {
  if (lastWalker?.text !== text) lastWalker = new LineWalker(text);
  return codeFrame(lastWalker, error, context);
}

/** The code frame of `error` in the text `lines` walks. */
export function codeFrame(lines: LineWalker, error: Position, context = 1): string {
  const first = Math.max(1, error.line - context);
  const ranges: LineRange[] = [];
  for (let number = first; number <= error.line + context; number++) {
    const range = lines.line(number);
    if (range === undefined) break;
    ranges.push(range);
  }
  const width = String(first + ranges.length - 1).length;
  const frame: string[] = [];
  ranges.forEach((range, index) => {
    const number = first + index;
    const isErrorLine = number === error.line;
    const { shown, caret } = windowed(lines.text, range, isErrorLine ? error.column - 1 : 0);
    frame.push(`${isErrorLine ? ">" : " "} ${String(number).padStart(width)} | ${shown}`.trimEnd());
    if (isErrorLine) frame.push(`  ${" ".repeat(width)} | ${" ".repeat(caret)}^`);
  });
  return frame.join("\n");
}

/**
 * A line of `text` as shown in a frame, and where the caret goes under it;
 * only its window is read, so that a long line costs no more than a short one.
 */
function windowed(
  text: string,
  { start: lineStart, end: lineEnd }: LineRange,
  column: number,
): { shown: string; caret: number } {
  const length = lineEnd - lineStart;
  // A line of at most FRAME_WIDTH characters starts at 0, the window's whole line.
  const start = Math.max(0, Math.min(column - FRAME_WIDTH / 2, length - FRAME_WIDTH));
  const head = start > 0 ? "…" : "";
  const tail = start + FRAME_WIDTH < length ? "…" : "";
  // Tabs show as one space, so columns do not move.
  const window = text.slice(lineStart + start, lineStart + Math.min(length, start + FRAME_WIDTH)).replace(/\t/g, " ");
  // Control and invisible characters are shown escaped, the caret moved along with them.
  const { text: safe, index } = visibleAt(window, column - start);
  return { shown: head + safe + tail, caret: head.length + index };
}
