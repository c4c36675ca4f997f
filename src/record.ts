/**
 * Grammar tree → Film: the trailing run of detail genres and badges
 * (see docs/layout.md), names split at commas, numbers converted exactly,
 * the section order checked, and the values the input decides validated
 * with zod.
 *
 * One function builds the record for both entry points. `parseListing`
 * runs it without {@link Findings} and stops at the first problem; an
 * inspection passes Findings, which collect every problem, the warnings
 * and, when asked, where each value was read, and the record keeps every
 * value that is valid.
 */

import type { core } from "zod/v4";
import type { ListingIssueCode } from "./errors";
import type { Film } from "./film";
import { forEachLine, lineEndBefore, lineStartBefore } from "./grammar/block";
import { collapseSpaces } from "./grammar/patterns";
import type {
  LineBlock,
  LineNode,
  ListingNode,
  ListSectionKind,
  ListSectionNode,
  ReviewNode,
  VotesNode,
} from "./grammar/tree";
import { KeptIssues } from "./kept-issues";
import { checkParsedFilm, MIN_YEAR } from "./parsed-schema";
import type { Vocabulary } from "./vocabulary";

/** What turning a tree into a record needs besides the tree. */
export interface RecordContext {
  readonly vocabulary: Vocabulary;
  /** The last valid release year. */
  readonly latestYear: number;
}

/**
 * A {@link Film} whose title and year may be missing (`null`): what an
 * inspection reads from text that is not a whole listing.
 *
 * @example
 * ```ts
 * const { film } = inspectListing("The Red Shoes\nDrama\n133 min");
 * film.title; // "The Red Shoes"
 * film.year; // null
 * film.runtimeMinutes; // 133
 * ```
 *
 * @group Record
 */
export type PartialFilm = { [Key in keyof Film]: Key extends "title" | "year" ? Film[Key] | null : Film[Key] };

/** A field of the record, and an item's index in a list: `["cast", 2]`. */
export type FieldPath = readonly (string | number)[];

/** A problem found in the record, placed by clean-text offsets. */
export interface RecordIssue {
  readonly code: ListingIssueCode;
  /** Which problem names the error: 0 grammar, 1 section order, 2 values, 3 warnings. */
  readonly rank: number;
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

/** Where a value was read from, in clean-text offsets (`end` exclusive). */
export interface RecordSpan {
  readonly path: FieldPath;
  readonly start: number;
  readonly end: number;
}

/**
 * Collects an inspection's issues and, when given `valueSpans`, its spans.
 * The function is passed in rather than called from here so that an app
 * that only parses does not bundle it.
 */
export class Findings {
  /** The issues kept, and the count of the rest. */
  readonly issues: KeptIssues;
  readonly spans: RecordSpan[] | undefined;
  readonly valueSpans: typeof valueSpans | undefined;
  /**
   * Whether to note every problem. When not, a run of problems of one
   * kind is noted only by its first, which is all that naming an error
   * needs: a page of lone quotes holds hundreds of thousands of empty reviews.
   */
  readonly every: boolean;

  constructor(spansOfValues?: typeof valueSpans, every = true, issues = new KeptIssues(Number.POSITIVE_INFINITY)) {
    this.issues = issues;
    // Stryker disable next-line ConditionalExpression: spans no caller asked for are only not collected
    this.spans = spansOfValues === undefined ? undefined : [];
    this.valueSpans = spansOfValues;
    this.every = every;
  }

  span(path: FieldPath, start: number, end: number): void {
    this.spans?.push({ path, start, end });
  }

  /** A span over one whole line. */
  lineSpan(path: FieldPath, line: LineNode): void {
    this.spans?.push({ path, start: line.at, end: line.at + line.text.length });
  }
}

/** Section order (see docs/layout.md); the reviews come last and run to the end. */
const SECTION_RANK: Readonly<Record<ListSectionKind, number>> = { cast: 0, directors: 1, availableOn: 2 };
const SECTION_TITLE: Readonly<Record<ListSectionKind, string>> = {
  cast: "Starring:",
  directors: "Directed by:",
  availableOn: "Also Available On:",
};
const SECTION_KINDS = /* @__PURE__ */ Object.keys(SECTION_RANK) as ListSectionKind[];

/**
 * What follows a comma that does not split names, up to the next comma or
 * the end: a suffix (`Sammy Davis, Jr.` is one name).
 */
const SUFFIX_AFTER_COMMA = / *(?:Jr\.?|Sr\.?|II|III|IV) *(?:,|$)/y;
/** The first letters of the suffixes: J, S, I. */
const SUFFIX_INITIALS = new Set([74, 83, 73]);

const SPACE = 32;

/**
 * Turns a tree into a validated {@link Film}, or `undefined` at the first
 * problem (then an inspection tells them all).
 */
export function toFilm(tree: ListingNode, context: RecordContext): Film | undefined {
  return buildRecord(tree, context, undefined) as Film | undefined;
}

/**
 * Turns a tree into the record of every valid value, collecting every
 * problem, warning and (when `findings` asks) span.
 */
export function inspectTree(tree: ListingNode, context: RecordContext, findings: Findings): PartialFilm {
  return buildRecord(tree, context, findings) as PartialFilm;
}

function buildRecord(
  tree: ListingNode,
  context: RecordContext,
  findings: Findings | undefined,
): PartialFilm | undefined {
  if (!checkSectionOrder(tree.sections, findings) && findings === undefined) return undefined;
  const reviewNodes = readReviews(tree.reviews?.reviews);
  const firstEmpty = reviewNodes.findIndex(isEmptyReview);
  // Parsing fails at an empty review: nothing need be built to say so.
  // Stryker disable next-line ConditionalExpression: a shortcut; without it the schema refuses the empty review further on
  if (findings === undefined && firstEmpty !== -1) return undefined;
  const { header } = tree;
  const { vocabulary } = context;

  // The region before the services ends with the trailing run; it is the
  // last of synopsis, cast and directors that the listing has (with a
  // section repeated, its last copy).
  let lastCast: ListSectionNode | undefined;
  let lastDirectors: ListSectionNode | undefined;
  for (const section of tree.sections) {
    if (section.kind === "cast") lastCast = section;
    else if (section.kind === "directors") lastDirectors = section;
  }
  const regionEnd = lastDirectors?.lines ?? lastCast?.lines ?? tree.synopsis;

  const genres = new UniqueNames();
  for (const genre of header.genres) {
    const text = collapseSpaces(genre.text);
    if (!genres.add(text) || findings === undefined) continue;
    const path = ["genres", genres.names.length - 1];
    findings.lineSpan(path, genre);
    if (!vocabulary.genres.has(text.toLowerCase())) {
      warn(findings, "W_UNKNOWN_GENRE", genre, path, `genre "${text}" is not in the genre vocabulary`);
    }
  }
  const badges = new UniqueNames();
  const keptEnd = trailingRun(tree.input, regionEnd, header.genres, vocabulary, genres, badges, findings);
  const kept = (block: LineBlock): LineBlock => (block === regionEnd ? { start: block.start, end: keptEnd } : block);

  const cast: string[] = [];
  const directors: string[] = [];
  const availableOn: string[] = [];
  const namesOf: Record<ListSectionKind, string[]> = { cast, directors, availableOn };
  for (const section of tree.sections) {
    const names = namesOf[section.kind];
    const { header: line, inline } = section;
    addNames(names, section.kind, inline, line.at + line.text.length - inline.length, findings);
    forEachLine(tree.input, kept(section.lines), (start, end) =>
      addNames(names, section.kind, tree.input.slice(start, end), start, findings),
    );
  }

  const synopsis = kept(tree.synopsis);
  // Naming an error needs the reviews only up to the first empty one.
  const reviewsToCheck =
    // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator,MethodExpression: a shortcut; the record of a refused text is not returned, and no review but an empty one has an issue, so checking more or fewer reviews names the same error
    firstEmpty !== -1 && findings?.every === false ? reviewNodes.slice(0, firstEmpty + 1) : reviewNodes;
  const record: { -readonly [Key in keyof PartialFilm]: PartialFilm[Key] } = {
    title: collapseSpaces(header.title.text),
    rating: header.rating && Number(header.rating.text),
    voteCount: header.votes && voteCount(header.votes),
    genres: genres.names,
    year: header.year && Number(header.year.text),
    runtimeMinutes: header.runtime && Number(header.runtime.hours ?? 0) * 60 + Number(header.runtime.minutes ?? 0),
    certification: header.certification && collapseSpaces(header.certification.text),
    synopsis: joinLines(synopsis, tree.input),
    cast,
    directors,
    badges: badges.names,
    availableOn,
    reviews: reviewsToCheck.map((review) => ({ text: review.text.trim() })),
  };

  // Validation of what the input decides (see `checkParsedFilm`); the
  // record's other values are valid by construction. Zod sees the reviews
  // only up to the first empty one: it builds a costly issue for each, and
  // a page of lone quotes holds hundreds of thousands (and a review with
  // text is never refused, so with no empty review it sees none).
  const result =
    // Stryker disable next-line ConditionalExpression: a shortcut; the schema passes what the plain check passes
    firstEmpty === -1 && plainlyInRange(record, context.latestYear)
      ? undefined
      : checkParsedFilm({ ...record, reviews: record.reviews.slice(0, firstEmpty + 1) }, context.latestYear);
  if (result?.success === false) {
    if (findings === undefined) return undefined;
    invalidValues(result.error.issues, record, tree, reviewNodes, context, findings, firstEmpty);
  }
  findings?.valueSpans?.(record, tree, synopsis, reviewNodes, findings);
  if (
    findings !== undefined &&
    record.certification !== null &&
    !vocabulary.certifications.has(record.certification.toLowerCase())
  ) {
    warn(
      findings,
      "W_CERTIFICATION_SHAPE",
      header.certification as LineNode,
      ["certification"],
      `certification "${record.certification}" is not in the certification vocabulary; it was read by its shape`,
    );
  }
  return record;
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
    (rating === null || (rating >= 0 && rating <= 5)) &&
    (voteCount === null || (Number.isSafeInteger(voteCount) && voteCount >= 0)) &&
    year !== null &&
    Number.isSafeInteger(year) &&
    year >= MIN_YEAR &&
    year <= latestYear &&
    (runtimeMinutes === null || (Number.isSafeInteger(runtimeMinutes) && runtimeMinutes > 0))
  );
}

/**
 * The reviews to validate: all, but an unterminated one (which ran to the
 * end) only when it holds some text; its error already tells of it.
 */
function readReviews(reviews: readonly ReviewNode[] | undefined): readonly ReviewNode[] {
  if (reviews === undefined) return [];
  const last = reviews[reviews.length - 1];
  if (last === undefined || last.closed || last.text.trim() !== "") return reviews;
  return reviews.slice(0, -1);
}

function warn(findings: Findings, code: ListingIssueCode, line: LineNode, path: FieldPath, reason: string): void {
  findings.issues.push({ code, rank: 3, at: line.at, end: line.at + line.text.length, reason, path });
}

/** The spans of the values read from one line or a block of lines. */
export function valueSpans(
  record: PartialFilm,
  tree: ListingNode,
  synopsis: LineBlock,
  reviews: readonly ReviewNode[],
  findings: Findings,
): void {
  const { header } = tree;
  findings.lineSpan(["title"], header.title);
  if (record.rating !== null) findings.lineSpan(["rating"], header.rating as LineNode);
  if (record.voteCount !== null) findings.lineSpan(["voteCount"], header.votes as LineNode);
  if (record.year !== null) findings.lineSpan(["year"], header.year as LineNode);
  if (record.runtimeMinutes !== null) findings.lineSpan(["runtimeMinutes"], header.runtime as LineNode);
  if (record.certification !== null) findings.lineSpan(["certification"], header.certification as LineNode);
  if (synopsis.end > synopsis.start) findings.span(["synopsis"], synopsis.start, synopsis.end);
  let index = 0;
  for (const review of reviews) {
    if (!isValidReview(record, review, index)) continue;
    // A valid review holds some text: both walks stop at it.
    const { text, at } = review;
    let start = 0;
    let end = text.length;
    while (isTrimmed(text.charCodeAt(start))) start++;
    while (isTrimmed(text.charCodeAt(end - 1))) end--;
    findings.span(["reviews", index, "text"], at + 1 + start, at + 1 + end);
    index++;
  }
}

/** Whether a review holds nothing but spaces and line breaks. */
function isEmptyReview(review: ReviewNode): boolean {
  const { text } = review;
  for (let index = 0; index < text.length; index++) if (!isTrimmed(text.charCodeAt(index))) return false;
  return true;
}

/** Whether `review` is the one kept at `index` of the record's reviews. */
function isValidReview(record: PartialFilm, review: ReviewNode, index: number): boolean {
  return record.reviews[index]?.text === review.text.trim();
}

const isTrimmed = (code: number) => code === SPACE || code === 10;

/**
 * A block's lines as one value, one line break between lines, runs of
 * spaces collapsed; `null` for none. One slice of `input`, with no string
 * made per line (a synopsis may have a million lines).
 */
function joinLines(block: LineBlock, input: string): string | null {
  if (block.end === block.start) return null;
  const text = input.slice(block.start, block.end);
  // Lines are trimmed, so a run of spaces never spans a line break.
  return collapseSpaces(text.replace(BLANK_LINES, "\n"));
}

const BLANK_LINES = /\n{2,}/g;

/**
 * Each section at most once, in order; a repeat wins over disorder. Without
 * findings, stops at the first problem; with them, notes every one (and the
 * answer is not used).
 */
function checkSectionOrder(sections: readonly ListSectionNode[], findings: Findings | undefined): boolean {
  let seen = 0;
  let lastRank = -1;
  for (const section of sections) {
    const rank = SECTION_RANK[section.kind];
    const repeated = (seen & (1 << rank)) !== 0;
    // Stryker disable next-line EqualityOperator: a rank equal to the last one is the last section's kind, a repeat
    if (repeated || rank < lastRank) {
      if (findings === undefined) return false;
      const after = SECTION_KINDS.find((kind) => SECTION_RANK[kind] === lastRank) as ListSectionKind;
      // The sections ranked after the last one; none of them has been seen.
      const allowed = SECTION_KINDS.filter((kind) => SECTION_RANK[kind] > lastRank);
      findings.issues.push({
        code: repeated ? "E_DUPLICATE_SECTION" : "E_SECTION_ORDER",
        rank: 1,
        at: section.header.at,
        end: section.header.at + section.header.text.length,
        reason: repeated
          ? `${SECTION_TITLE[section.kind]} appears a second time`
          : `${SECTION_TITLE[section.kind]} must come before ${SECTION_TITLE[after]}`,
        expected: [...allowed.map((kind) => SECTION_TITLE[kind]), "Community Reviews", "the end"],
        found: section.header.text,
      });
    }
    seen |= 1 << rank;
    lastRank = Math.max(lastRank, rank);
  }
  return true;
}

/**
 * The run of genre and badge lines that ends the region (docs/layout.md,
 * "the trailing run"): adds its genres and badges, in order, and returns
 * where the region's lines before the run end (`block.end` for no run).
 */
function trailingRun(
  input: string,
  block: LineBlock,
  headerGenres: readonly LineNode[],
  vocabulary: Vocabulary,
  genres: UniqueNames,
  badges: UniqueNames,
  findings: Findings | undefined,
): number {
  // Walk back over the run, then forward again to add the names in order.
  // Nothing is kept per line between the two: the run may be the whole
  // synopsis, a million lines, and each line's text is made again instead.
  const isKnown = knownNames(headerGenres, vocabulary);
  let keptEnd = block.end;
  let runStart = block.end;
  while (keptEnd > block.start) {
    const start = lineStartBefore(input, block, keptEnd);
    if (!isKnown(collapseSpaces(input.slice(start, keptEnd)))) break;
    runStart = start;
    keptEnd = lineEndBefore(input, block, start);
  }
  forEachLine(input, { start: runStart, end: block.end }, (start, end) => {
    const text = collapseSpaces(input.slice(start, end));
    const lower = text.toLowerCase();
    const badge = vocabulary.badges.get(lower);
    const added = badge === undefined ? genres.add(text, lower) : badges.add(badge);
    if (added && findings !== undefined) {
      const names = badge === undefined ? genres : badges;
      findings.span([badge === undefined ? "genres" : "badges", names.names.length - 1], start, end);
    }
  });
  return keptEnd;
}

/**
 * Whether a line's text (spaces collapsed) names a badge, a genre of the
 * vocabulary or one of the header's genres, in any case. The header's
 * genres are looked up in a set, made on the first question, as most
 * listings ask none; a line longer than every name is turned away before
 * it is lower-cased (lower case is never shorter), as a synopsis line may
 * be megabytes long.
 */
function knownNames(headerGenres: readonly LineNode[], vocabulary: Vocabulary): (text: string) => boolean {
  let names: Set<string> | undefined;
  let longest = vocabulary.longestName;
  return (text) => {
    // Stryker disable next-line ConditionalExpression: a shortcut; the set made again is the same set
    if (names === undefined) {
      names = new Set(headerGenres.map((line) => collapseSpaces(line.text).toLowerCase()));
      for (const name of names) longest = Math.max(longest, name.length);
    }
    // Stryker disable next-line ConditionalExpression: a shortcut; a longer line is no name of either set
    if (text.length > longest) return false;
    const lower = text.toLowerCase();
    return vocabulary.badges.has(lower) || vocabulary.genres.has(lower) || names.has(lower);
  };
}

/**
 * Adds the names of one line of a section (`text`, starting at clean
 * offset `at`), split at commas, each trimmed with its spaces collapsed.
 */
function addNames(names: string[], field: string, text: string, at: number, findings: Findings | undefined): void {
  // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: a shortcut; the loop below reads a line without commas the same
  if (findings === undefined && !text.includes(",")) {
    const name = collapseSpaces(text.trim());
    if (name !== "") names.push(name);
    return;
  }
  for (let from = 0; ; ) {
    const to = nextSeparator(text, from);
    // Each walk stops by itself: at `to`, a comma or the end, and at the
    // name's first character.
    let start = from;
    while (text.charCodeAt(start) === SPACE) start++;
    if (start < to) {
      let end = to;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      findings?.span([field, names.length], at + start, at + end);
      names.push(collapseSpaces(text.slice(start, end)));
    }
    if (to === text.length) return;
    from = to + 1;
    // A run of commas holds only empty names, which are dropped: all but its
    // last comma are stepped over at once (the last may come before a suffix).
    // Stryker disable next-line ConditionalExpression: a shortcut; each comma of the run read as a separator gives an empty name, dropped
    while (text.startsWith(",,", from)) from++;
  }
}

/**
 * The index of the first comma from `from` on that splits names, or the
 * end. Each comma is looked at once: a lookahead for the suffix and the
 * comma after it would read a list of suffixes again at every comma.
 */
function nextSeparator(text: string, from: number): number {
  for (let comma = text.indexOf(",", from); comma !== -1; comma = text.indexOf(",", comma + 1)) {
    // Most commas are followed by no suffix at all: look at the initial first.
    let initial = comma + 1;
    while (text.charCodeAt(initial) === SPACE) initial++;
    // Stryker disable next-line ConditionalExpression: a shortcut; the suffix expression turns away the same commas
    if (!SUFFIX_INITIALS.has(text.charCodeAt(initial))) return comma;
    SUFFIX_AFTER_COMMA.lastIndex = comma + 1;
    if (!SUFFIX_AFTER_COMMA.test(text)) return comma;
  }
  return text.length;
}

/** How many names {@link UniqueNames} scans before it keeps a set. */
const SCANNED_NAMES = 16;

/**
 * Names without repeats, compared case-insensitively, first spelling kept.
 * A handful of names are scanned, which beats a set; past that a set of
 * their keys is made, so that thousands of names cost thousands of steps,
 * not millions.
 */
class UniqueNames {
  readonly names: string[] = [];
  /** The keys so far, made with the first. */
  #keys: string[] | undefined;
  #set: Set<string> | undefined;

  /** Adds `name` unless it is a repeat; whether it was added. `key` is its lower case, when known. */
  add(name: string, key = name.toLowerCase()): boolean {
    const keys = this.#keys;
    if (keys === undefined) {
      this.#keys = [key];
    } else if (this.#set === undefined) {
      if (keys.includes(key)) return false;
      keys.push(key);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: when the set is made changes the cost, not the names kept
      if (keys.length > SCANNED_NAMES) this.#set = new Set(keys);
    } else {
      if (this.#set.has(key)) return false;
      this.#set.add(key);
    }
    this.names.push(name);
    return true;
  }
}

/**
 * The vote count, computed on the digits so that `(4.1M)` is exactly
 * 4100000. A count that is not whole comes out fractional, or `NaN` where
 * a double would round it whole, for the schema to refuse.
 */
function voteCount({ whole, fraction, unit }: VotesNode): number {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; the digits below give a plain count the same
  if (fraction === "" && unit === "" && !whole.includes(",")) return Number(whole);
  const digits = whole.replace(/,/g, "");
  const exponent = unit === "" ? 0 : unit.toLowerCase() === "k" ? 3 : 6;
  const significant = withoutTrailingZeros(fraction);
  if (significant.length <= exponent) return Number(digits + significant.padEnd(exponent, "0"));
  const value = Number(`${digits}${significant.slice(0, exponent)}.${significant.slice(exponent)}`);
  // Digits past the point that a double cannot hold still make it fractional.
  return Number.isInteger(value) ? Number.NaN : value;
}

/**
 * `digits` without its trailing zeros. A loop from the end: `/0+$/` tries
 * every run of zeros from its start, quadratic in a long run of them.
 */
function withoutTrailingZeros(digits: string): string {
  let end = digits.length;
  // Before the first digit, charCodeAt gives NaN: the walk stops there.
  while (digits.charCodeAt(end - 1) === ZERO) end--;
  return digits.slice(0, end);
}

const ZERO = 48;

const EMPTY_REVIEW = "review is empty";

/**
 * Notes each value the schema refuses as E_INVALID at the line it came
 * from, and takes it out of the record: a single value becomes `null`, a
 * review is left out. The schema saw the reviews only up to the first
 * empty one (`firstEmpty`, -1 for none), so it refused that one alone;
 * each later empty review gets its issue here, so that a page of lone
 * quotes costs one small object per review.
 */
function invalidValues(
  issues: readonly core.$ZodIssue[],
  record: { -readonly [Key in keyof PartialFilm]: PartialFilm[Key] },
  tree: ListingNode,
  reviews: readonly ReviewNode[],
  context: RecordContext,
  findings: Findings,
  firstEmpty: number,
): void {
  const { header } = tree;
  for (const issue of issues) {
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
        reason = `rating ${shown(node)} is outside 0–5`;
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
        reason = `year ${shown(node)} is outside ${MIN_YEAR}–${context.latestYear}`;
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
        findings.issues.push(emptyReviewIssue(reviews[index as number] as ReviewNode, path, issue));
        continue;
      }
    }
    const end = node.at + node.text.length;
    findings.issues.push({ code: "E_INVALID", rank: 2, at: node.at, end, reason, path, cause: issue });
  }
  if (findings.every) {
    for (let index = firstEmpty + 1; index < reviews.length; index++) {
      if ((record.reviews[index] as { text: string }).text !== "") continue;
      findings.issues.push(emptyReviewIssue(reviews[index] as ReviewNode, ["reviews", index, "text"]));
    }
  }
  record.reviews = record.reviews.filter((review) => review.text !== "");
}

/**
 * The issue of an empty review, from its opening quote to just after its
 * closing one. (An unterminated review that holds no text is left out by
 * `readReviews`.) `cause` is the schema's issue, given for the first.
 */
function emptyReviewIssue(review: ReviewNode, path: FieldPath, cause?: unknown): RecordIssue {
  const end = review.at + review.text.length + 2;
  return { code: "E_INVALID", rank: 2, at: review.at, end, reason: EMPTY_REVIEW, path, cause };
}

function shown(node: LineNode): string {
  return collapseSpaces(node.text);
}
