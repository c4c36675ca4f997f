/**
 * The check of the values the input decides — the numbers and the
 * reviews; every other value is valid by construction. A value the schema
 * refuses is noted as E_INVALID at the line it came from and taken out of
 * the record: a single value becomes `null`, a review is left out.
 */

import type { core } from "zod/v4";
import type { FieldPath } from "../checked-record";
import { collapseSpaces } from "../grammar/patterns";
import type { LineNode, ListingNode, ReviewList } from "../grammar/tree";
import { checkParsedFilm, MAX_RATING, MIN_YEAR } from "../parsed-schema";
import type { DraftFilm, PartialFilm, RecordRun } from "./build";
import { IssueRank, type RecordIssue } from "./issues";
import type { SpanSink } from "./spans";

/**
 * The reviews read: those to validate, the index of the first with no
 * text (-1 for none), and the texts of the others, which the record keeps.
 */
export interface ReviewsRead {
  /** The clean text the reviews' offsets are in. */
  readonly input: string;
  /** The reviews' offsets, as a {@link ReviewList} holds them. */
  readonly bounds: ReviewList;
  readonly firstEmpty: number;
  /** How many hold no text. */
  readonly empty: number;
  readonly kept: { text: string }[];
}

const NO_BOUNDS: ReviewList = /* @__PURE__ */ new Int32Array(0);

/**
 * The reviews to validate: all, but an unterminated one (which ran to the
 * end) only when it holds some text; its error already tells of it. Each
 * kept text is trimmed, and its span told to `spans` (a review with text
 * is never refused).
 */
export function readReviews(tree: ListingNode, spans: SpanSink): ReviewsRead {
  const { input } = tree;
  const bounds = tree.reviews?.reviews ?? NO_BOUNDS;
  let count = bounds.length / 2;
  const unclosed = tree.reviews?.problems.at(-1)?.code === "E_UNTERMINATED_REVIEW";
  if (unclosed && isEmptyReview(input, bounds, count - 1)) count--;
  let kept: { text: string }[] = [];
  let keptCount = 0;
  // Stryker disable next-line UnaryOperator: equivalent when no review is empty
  let firstEmpty = -1;
  let empty = 0;
  for (let index = 0; index < count; index++) {
    const start = textStart(input, bounds, index);
    let end = bounds[2 * index + 1] as number;
    if (start === end) {
      // Stryker disable next-line ConditionalExpression: shortcut; the schema would tell each empty review alike
      if (empty++ === 0) firstEmpty = index;
      continue;
    }
    while (isTrimmed(input.charCodeAt(end - 1))) end--;
    spans.review(keptCount, start, end);
    // Made at the first text, as large as the reviews left, and cut to the texts kept.
    // Stryker disable next-line ConditionalExpression,ArrayDeclaration,ArithmeticOperator: capacity
    if (keptCount === 0) kept = new Array(count - index);
    kept[keptCount++] = { text: input.slice(start, end) };
  }
  kept.length = keptCount;
  return { input, bounds, firstEmpty, empty, kept };
}

/** Trimmed away: clean text has no white space but spaces and line breaks. */
const isTrimmed = (code: number): boolean => code === 32 || code === 10;

/** Where the text of review `index` of `bounds` starts, once trimmed: where it ends when it holds no text. */
function textStart(input: string, bounds: ReviewList, index: number): number {
  const end = bounds[2 * index + 1] as number;
  let start = (bounds[2 * index] as number) + 1;
  // The character at the text's end, its closing quote or past the input, is never trimmed.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: guard; the walk stops at the end by itself
  while (start < end && isTrimmed(input.charCodeAt(start))) start++;
  return start;
}

/** Whether review `index` of `bounds` holds nothing but spaces and line breaks, so that its trimmed text is empty. */
const isEmptyReview = (input: string, bounds: ReviewList, index: number): boolean =>
  textStart(input, bounds, index) === bounds[2 * index + 1];

/**
 * Whether the numbers the input decides plainly keep the schema's rules:
 * finite, whole where they must be, and in range. This settles the common
 * case, a valid listing, without the cost of a schema run; anything else
 * goes to the schema, which decides and words the issues. (A property test
 * checks that this never passes what the schema refuses.)
 */
export function plainlyInRange(record: PartialFilm, latestYear: number): boolean {
  const { rating, voteCount, year, runtimeMinutes } = record;
  return (
    (rating === null || (rating >= 0 && rating <= MAX_RATING)) &&
    (voteCount === null || (Number.isSafeInteger(voteCount) && voteCount >= 0)) &&
    year !== null &&
    Number.isSafeInteger(year) &&
    year >= MIN_YEAR &&
    year <= latestYear &&
    (runtimeMinutes === null || (Number.isSafeInteger(runtimeMinutes) && runtimeMinutes > 0))
  );
}

/**
 * Validates the values the input decides, noting each refused one. Zod sees
 * the reviews only up to the first empty one: it builds a costly issue for
 * each, and a page of lone quotes holds hundreds of thousands (a review
 * with text is never refused, so with no empty review it sees none).
 */
export function checkValues(run: RecordRun, record: DraftFilm, reviews: ReviewsRead): void {
  const { firstEmpty, kept } = reviews;
  // Stryker disable next-line ConditionalExpression: shortcut; the schema passes what this passes
  if (firstEmpty === -1 && plainlyInRange(record, run.latestYear)) return;
  // The reviews up to the first empty one: the texts kept before it, then its empty text.
  const checked = firstEmpty === -1 ? [] : kept.slice(0, firstEmpty).concat({ text: "" });
  const result = checkParsedFilm({ ...record, reviews: checked }, run.latestYear);
  if (!result.success) invalidValues(run, record, result.error.issues, reviews);
}

/**
 * Notes each value the schema refuses and takes it out of the record (the
 * empty reviews are not in it). The schema refused the first empty review alone; each later one gets its
 * issue here, so that a page of lone quotes costs one small object per
 * review listed and a count for the rest.
 */
function invalidValues(
  run: RecordRun,
  record: DraftFilm,
  zodIssues: readonly core.$ZodIssue[],
  reviews: ReviewsRead,
): void {
  const { header } = run.tree;
  const { issues } = run;
  for (const issue of zodIssues) {
    // The schema's keys are field names and review indices.
    const path = issue.path as FieldPath;
    const [field, index] = path as [string, number | undefined];
    // A year already null is missing, the grammar's E_MISSING_YEAR, or
    // refused at its other bound: the latest year may be before the
    // earliest (a reference date before 1865). Every other value breaks
    // one rule at most.
    if (field === "year" && record.year === null) continue;
    let node: LineNode;
    let reason: string;
    switch (field) {
      case "rating":
        node = header.rating as LineNode;
        reason = `rating ${shown(node)} is outside 0–${MAX_RATING}`;
        record.rating = null;
        break;
      case "voteCount":
        node = header.votes as LineNode;
        reason =
          issue.code === "too_big"
            ? `vote count ${shown(node)} is too large`
            : `vote count ${shown(node)} is not a whole number`;
        record.voteCount = null;
        break;
      case "year":
        node = header.year as LineNode;
        reason = `year ${shown(node)} is outside ${MIN_YEAR}–${run.latestYear}`;
        record.year = null;
        break;
      case "runtimeMinutes":
        node = header.runtime as LineNode;
        reason =
          issue.code === "too_small" ? `runtime ${shown(node)} is not positive` : `runtime ${shown(node)} is too long`;
        record.runtimeMinutes = null;
        break;
      default: {
        // The reviews, the schema's last field: the first empty one.
        issues.push(emptyReviewIssue(reviews, index as number, path, issue));
        continue;
      }
    }
    const end = node.at + node.text.length;
    issues.push({ code: "E_INVALID", rank: IssueRank.value, at: node.at, end, reason, path, cause: issue });
  }
  // The empty reviews after the schema's, in text order: once one is past
  // the issues kept, so are the others, and they are only counted.
  let left = reviews.empty - 1;
  for (let index = reviews.firstEmpty + 1; left > 0; index++) {
    if (!isEmptyReview(reviews.input, reviews.bounds, index)) continue;
    // Stryker disable next-line ConditionalExpression: shortcut; push drops what this counts
    if (issues.skips(IssueRank.value, reviews.bounds[2 * index] as number, left)) return;
    issues.push(emptyReviewIssue(reviews, index, ["reviews", index, "text"]));
    left--;
  }
}

/**
 * The issue of an empty review, from its opening quote to just after its
 * closing one. (An unterminated review that holds no text is left out by
 * `readReviews`.) `cause` is the schema's issue, given for the first.
 */
function emptyReviewIssue({ bounds }: ReviewsRead, index: number, path: FieldPath, cause?: unknown): RecordIssue {
  const at = bounds[2 * index] as number;
  // Just after its closing quote.
  const end = (bounds[2 * index + 1] as number) + 1;
  return { code: "E_INVALID", rank: IssueRank.value, at, end, reason: "review is empty", path, cause };
}

function shown(node: LineNode): string {
  return collapseSpaces(node.text);
}
