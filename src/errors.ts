/**
 * The one error class of the library, its codes, and the code-frame
 * formatter.
 */

import { visibleAt } from "./visible";

/**
 * Every code a {@link ListingError} can carry. `docs/errors.md` gives each
 * with an example input and message.
 *
 * @example
 * ```ts
 * ERROR_CODES.includes("E_MISSING_YEAR"); // true
 * ```
 *
 * @group Errors
 */
export const ERROR_CODES = Object.freeze([
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
 * A stable string naming what went wrong; TypeScript narrows on it.
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
 * A place in the original input.
 *
 * @example
 * ```ts
 * // "\uFEFFTitle\r\n  7.5\r\n1948": the rating is on line 2, after two spaces
 * const { line, column, offset } = error; // 2, 3, 10
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

/**
 * What a {@link ListingError} is made from.
 *
 * @example
 * ```ts
 * new ListingError({ code: "E_EMPTY", reason: "expected a film listing, found only blank lines", line: 1, column: 1, offset: 0 })
 *   .message; // "line 1, column 1: expected a film listing, found only blank lines"
 * ```
 *
 * @group Errors
 */
export interface ListingErrorDetails extends Position {
  readonly code: ListingErrorCode;
  /** What went wrong, in plain words, without the position. */
  readonly reason: string;
  /** Syntax errors: what the grammar would have accepted here. */
  readonly expected?: readonly string[] | undefined;
  /** Syntax errors: what stood there instead. */
  readonly found?: string | undefined;
  /** Validation errors: the field of the record, as zod names it. */
  readonly path?: readonly (string | number)[] | undefined;
  /** Validation errors: the zod issue. */
  readonly cause?: unknown;
}

/**
 * Thrown by `parseListing` (and returned by `safeParseListing`) for input
 * that is not a film listing. `line`, `column` and `offset` point into the
 * original input, noise included.
 *
 * @example
 * ```ts
 * try {
 *   parseListing("The Red Shoes\n7.5\n1948");
 * } catch (error) {
 *   if (error instanceof ListingError && error.code === "E_INVALID") {
 *     error.message; // "line 2, column 1: rating 7.5 is outside 0–5"
 *   }
 * }
 * ```
 *
 * @group Errors
 */
export class ListingError extends Error {
  override readonly name = "ListingError";
  readonly code: ListingErrorCode;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  /** What went wrong, in plain words, without the position. */
  readonly reason: string;
  readonly expected: readonly string[] | undefined;
  readonly found: string | undefined;
  readonly path: readonly (string | number)[] | undefined;

  constructor(details: ListingErrorDetails) {
    super(
      `line ${details.line}, column ${details.column}: ${details.reason}`,
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
  }
}

const LINE_BREAK = /\r\n|\r|\n/;

/** Lines longer than this are shown as a window around the column. */
const FRAME_WIDTH = 80;

/**
 * Renders the line an error points at, with its neighbours and a caret
 * under the column, for terminals and logs. Tabs show as one space, so the
 * caret stays under its column; a long line shows as a window around it.
 * Control characters and invisible characters are shown escaped (`\u001B`,
 * `⟨U+200B⟩`), so that the text cannot drive the terminal or hide what it
 * holds; the caret stays under the character it points at.
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
  const lines = text.split(LINE_BREAK);
  const first = Math.max(1, error.line - context);
  const last = Math.min(lines.length, error.line + context);
  const width = String(last).length;
  const frame: string[] = [];
  for (let number = first; number <= last; number++) {
    const isErrorLine = number === error.line;
    const { shown, caret } = windowed(lines[number - 1] ?? "", isErrorLine ? error.column - 1 : 0);
    frame.push(`${isErrorLine ? ">" : " "} ${String(number).padStart(width)} | ${shown}`.trimEnd());
    if (isErrorLine) frame.push(`  ${" ".repeat(width)} | ${" ".repeat(caret)}^`);
  }
  return frame.join("\n");
}

/** A line as shown in a frame, and where the caret goes under it. */
function windowed(line: string, column: number): { shown: string; caret: number } {
  const plain = line.replace(/\t/g, " ");
  const start =
    plain.length <= FRAME_WIDTH ? 0 : Math.max(0, Math.min(column - FRAME_WIDTH / 2, plain.length - FRAME_WIDTH));
  const head = start > 0 ? "…" : "";
  const tail = start + FRAME_WIDTH < plain.length ? "…" : "";
  // Control and invisible characters are shown escaped, the caret moved along with them.
  const { text, index } = visibleAt(plain.slice(start, start + FRAME_WIDTH), column - start);
  return { shown: head + text + tail, caret: head.length + index };
}
