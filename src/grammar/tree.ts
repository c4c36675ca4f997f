/**
 * The raw tree the grammar returns: recognised text with the offset of each
 * line in the clean text (see `lines.ts`), and the problems met on the way
 * as nodes of their own. Values are not converted or checked here; the
 * record builder (`src/record/`) does that.
 */

/** A recognised line: its text and where it starts in the clean text. */
export interface LineNode {
  readonly at: number;
  readonly text: string;
}

/**
 * Lines of synopsis or of names, one after another (blank lines between
 * them ignored), as the range of the clean text they cover: from the first
 * line's start to just after the last line's last character. A block of
 * no lines has `end === start`. Held as a range rather than a node per
 * line: a synopsis may have millions of lines (see `block.ts`).
 */
export interface LineBlock {
  readonly start: number;
  readonly end: number;
}

/** A vote count, split into its parts: `(1,234.5K)` → `1,234`, `5`, `K`. */
export interface VotesNode extends LineNode {
  readonly whole: string;
  readonly fraction: string;
  readonly unit: string;
}

/** A runtime: `2h 13m` → hours `2`, minutes `13`. */
export interface RuntimeNode extends LineNode {
  readonly hours: string | undefined;
  readonly minutes: string | undefined;
}

/** The fixed-order block at the top of a listing: the header block. */
export interface HeaderNode {
  readonly title: LineNode;
  readonly rating: LineNode | null;
  readonly votes: VotesNode | null;
  readonly genres: readonly LineNode[];
  /** `null` when the header has no year (E_MISSING_YEAR). */
  readonly year: LineNode | null;
  readonly runtime: RuntimeNode | null;
  readonly certification: LineNode | null;
  /** The lines the header read past, in text order: season lines (E_SERIES), a missing year (E_MISSING_YEAR). */
  readonly problems: readonly SyntaxProblem[];
}

/** The sections whose lines are comma-separated names. */
export type ListSectionKind = "cast" | "directors" | "availableOn";

/** `Starring:`, `Directed by:` or `Also Available On:` and its lines. */
export interface ListSectionNode {
  readonly kind: ListSectionKind;
  /** The header line. */
  readonly header: LineNode;
  /** The names after the header's colon, if any. */
  readonly inline: string;
  readonly lines: LineBlock;
}

/**
 * Reviews one after another, as offsets in the clean text, two numbers a
 * review: review `i` opens at `bounds[2 * i]` (its opening quote), and its
 * text, not yet trimmed, runs from just after that quote to
 * `bounds[2 * i + 1]` (its closing quote, or the end of the input for a
 * review that never closes). Held as numbers rather than a node per
 * review: a page may hold hundreds of thousands of one-line reviews, and a
 * node each would cost more than the record.
 */
export type ReviewList = Int32Array;

/** `Community Reviews` and the reviews after it. */
export interface ReviewsSectionNode {
  readonly header: LineNode;
  /** Every review, an unterminated one included. */
  readonly reviews: ReviewList;
  /**
   * The lines read past (E_REVIEW_START) and a review that never closes
   * (E_UNTERMINATED_REVIEW), in text order: a review that never closes runs
   * to the end, so it is the last review, and its problem the last problem.
   */
  readonly problems: readonly SyntaxProblem[];
}

/** The whole listing as the grammar recognised it. */
export interface ListingNode {
  /** The clean text the tree was read from; every node's `at` is an offset in it. */
  readonly input: string;
  readonly header: HeaderNode;
  readonly synopsis: LineBlock;
  readonly sections: readonly ListSectionNode[];
  readonly reviews: ReviewsSectionNode | null;
}

/** The codes of the problems the grammar finds. */
export type SyntaxProblemCode = "E_EMPTY" | "E_SERIES" | "E_MISSING_YEAR" | "E_UNTERMINATED_REVIEW" | "E_REVIEW_START";

/**
 * A problem the grammar met and read past, as a node of the tree: at the
 * line starting at `at` (clean offset), or at the end of the input when
 * `at` is its length.
 */
export interface SyntaxProblem<Code extends SyntaxProblemCode = SyntaxProblemCode> {
  readonly code: Code;
  readonly at: number;
}

/** What the grammar read, and the problems it met on the way, in text order. */
export interface ListingRead {
  /** `null` when the text holds nothing but blank lines (E_EMPTY). */
  readonly tree: ListingNode | null;
  readonly problems: readonly SyntaxProblem[];
}
