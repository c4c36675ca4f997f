/**
 * The problems one reading finds, grammar and record alike, in one
 * collector that parse, inspect and an error's `issues` all read.
 *
 * Equivalent mutants, marked "shortcut": an issue that `skips` counts is
 * one that `push` would drop, so a skip that does not happen changes the
 * cost, not the issues.
 */

import type { FieldPath } from "../checked-record";
import type { ListingIssueCode } from "../errors";
import type { LineNode } from "../grammar/tree";
import { KeptIssues } from "../kept-issues";

/**
 * Which problem names a refused text's error: the first noted of the lowest
 * rank. A warning never names one.
 */
export const IssueRank = {
  /** A line the grammar read past. */
  grammar: 0,
  /** A section repeated or out of order. */
  sectionOrder: 1,
  /** A value the schema refuses. */
  value: 2,
  warning: 3,
} as const;
export type IssueRank = (typeof IssueRank)[keyof typeof IssueRank];

/** A problem found in a text, placed by clean-text offsets. */
export interface RecordIssue {
  readonly code: ListingIssueCode;
  readonly rank: IssueRank;
  /** Clean offsets of the offending text; `end` is exclusive. */
  readonly at: number;
  readonly end: number;
  readonly reason: string;
  readonly path?: FieldPath | undefined;
  readonly expected?: readonly string[] | undefined;
  readonly found?: string | undefined;
  /** The zod issue of a value out of range. */
  readonly cause?: unknown;
}

const NONE: { readonly issues: RecordIssue[]; readonly more: number } = { issues: [], more: 0 };

/**
 * Every issue of one reading, the first `limit` in text order kept (see
 * {@link KeptIssues}). A valid listing has none, and then nothing is made
 * beyond this object.
 */
export class RecordIssues {
  readonly limit: number;
  #kept: KeptIssues | undefined;

  constructor(limit: number) {
    this.limit = limit;
  }

  push(issue: RecordIssue): void {
    this.#kept ??= new KeptIssues(this.limit);
    this.#kept.push(issue);
  }

  /**
   * Counts `count` issues from `at` on, of one rank, when the first would
   * not be kept (nor, coming after it, the others), without making them;
   * whether it did. A page of lone quotes holds hundreds of thousands of
   * issues, and only the first thousand are listed.
   */
  skips(rank: IssueRank, at: number, count = 1): boolean {
    // Stryker disable next-line LogicalOperator: shortcut
    return this.#kept?.skips(rank, at, count) ?? false;
  }

  /** The issue that names the error; `undefined` when the text is valid. */
  first(): RecordIssue | undefined {
    return this.#kept?.first();
  }

  /** The kept issues in text order, and how many more there are. */
  result(): { readonly issues: RecordIssue[]; readonly more: number } {
    return this.#kept?.result() ?? NONE;
  }

  /** Notes a warning about the value read from `line`. */
  warn(code: ListingIssueCode, line: LineNode, path: FieldPath, reason: string): void {
    this.push({ code, rank: IssueRank.warning, at: line.at, end: line.at + line.text.length, reason, path });
  }
}
