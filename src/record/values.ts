/**
 * The check of the values the input decides — the numbers and the
 * reviews; every other value is valid by construction. A value the schema
 * refuses is noted as E_INVALID at the line it came from and taken out of
 * the record: a single value becomes `null`, a review is left out.
 */

import type { core } from "zod/v4";
import type { FieldPath } from "../checked-record";
import { collapseSpaces } from "../grammar/patterns";
import type { LineNode, ListingNode, ReviewNode } from "../grammar/tree";
import { checkParsedFilm, MAX_RATING, MIN_YEAR } from "../parsed-schema";
import type { DraftFilm, PartialFilm, RecordRun } from "./build";
import { IssueRank, type RecordIssue } from "./issues";

/**
 * The reviews read: the nodes to validate, the index of the first with no
 * text (-1 for none), and the texts of the others, which the record keeps.
 */
export interface ReviewsRead {
  readonly nodes: readonly ReviewNode[];
  readonly firstEmpty: number;
  /** How many hold no text. */
  readonly empty: number;
  readonly kept: { text: string }[];
}

/**
 * The reviews to validate: all, but an unterminated one (which ran to the
 * end) only when it holds some text; its error already tells of it.
 */
export function readReviews(tree: ListingNode): ReviewsRead {
  const kept: { text: string }[] = [];
  // Stryker disable next-line UnaryOperator: equivalent when no review is empty
  if (tree.reviews === null) return { nodes: [], firstEmpty: -1, empty: 0, kept };
  let nodes = tree.reviews.reviews;
  const last = nodes[nodes.length - 1];
  if (last !== undefined && !last.closed && isEmptyReview(last)) nodes = nodes.slice(0, -1);
  // Stryker disable next-line UnaryOperator: equivalent when no review is empty
  let firstEmpty = -1;
  let empty = 0;
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as ReviewNode;
    if (!isEmptyReview(node)) kept.push({ text: node.text.trim() });
    // Stryker disable next-line ConditionalExpression: shortcut; the schema would tell each empty review alike
    else if (empty++ === 0) firstEmpty = index;
  }
  return { nodes, firstEmpty, empty, kept };
}

/**
 * Whether a review holds nothing but spaces and line breaks: the only
 * white space of clean text, so that its trimmed text is empty.
 */
function isEmptyReview(review: ReviewNode): boolean {
  const { text } = review;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 10) return false;
  }
  return true;
}

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
  const { firstEmpty, nodes } = reviews;
  // Stryker disable next-line ConditionalExpression: shortcut; the schema passes what this passes
  if (firstEmpty === -1 && plainlyInRange(record, run.latestYear)) return;
  const checked = nodes.slice(0, firstEmpty + 1).map((review) => ({ text: review.text.trim() }));
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
        issues.push(emptyReviewIssue(reviews.nodes[index as number] as ReviewNode, path, issue));
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
    const review = reviews.nodes[index] as ReviewNode;
    if (!isEmptyReview(review)) continue;
    // Stryker disable next-line ConditionalExpression: shortcut; push drops what this counts
    if (issues.skips(IssueRank.value, review.at, left)) return;
    issues.push(emptyReviewIssue(review, ["reviews", index, "text"]));
    left--;
  }
}

/**
 * The issue of an empty review, from its opening quote to just after its
 * closing one. (An unterminated review that holds no text is left out by
 * `readReviews`.) `cause` is the schema's issue, given for the first.
 */
function emptyReviewIssue(review: ReviewNode, path: FieldPath, cause?: unknown): RecordIssue {
  const end = review.at + review.text.length + 2;
  return { code: "E_INVALID", rank: IssueRank.value, at: review.at, end, reason: "review is empty", path, cause };
}

function shown(node: LineNode): string {
  return collapseSpaces(node.text);
}
