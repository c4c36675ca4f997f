/**
 * The grammar of a whole listing, over the clean text of `lines.ts`: a
 * parsimmon language, made for one vocabulary (the header genres and the
 * certification depend on it), as parsimmon's `python-ish` example makes
 * its language for one indentation. It only recognises: values are
 * converted and checked by the record builder (`src/record/`).
 *
 * A problem never stops the reading: an alternative of `recovery.ts`
 * reads past the offending line and returns a problem node in its place.
 * So the parse always succeeds, and one walk over the tree
 * ({@link problemsOf}) collects the problems in text order.
 */

import P from "parsimmon";
import type { Vocabulary } from "../vocabulary";
import { certification, type HeaderLine, headerGenre, rating, runtime, title, votes, year } from "./header";
import { MAX_HEADER_GENRES } from "./patterns";
import { missingYear, notAReview, onlyBlankLines, unterminatedToEnd } from "./recovery";
import { reviewRun } from "./reviews";
import { contentLines, listSection, reviewsHeader } from "./sections";
import type {
  HeaderNode,
  LineNode,
  ListingNode,
  ListingRead,
  ListSectionNode,
  ReviewList,
  ReviewsSectionNode,
  RuntimeNode,
  SyntaxProblem,
  VotesNode,
} from "./tree";

/** A listing as the language reads it: the tree but its input. */
type FilmNode = Omit<ListingNode, "input">;

/** The header up to the certification, which needs its genres. */
interface HeaderTop {
  title: HeaderLine<LineNode>;
  rating: HeaderLine<LineNode> | null;
  votes: HeaderLine<VotesNode> | null;
  genres: HeaderLine<LineNode>[];
  year: HeaderLine<LineNode> | SyntaxProblem<"E_MISSING_YEAR">;
  runtime: HeaderLine<RuntimeNode> | null;
}

/** What follows `Community Reviews`: runs of reviews, and the problems between them. */
type ReviewItem =
  | ReviewList
  | SyntaxProblem
  | { readonly problem: SyntaxProblem<"E_UNTERMINATED_REVIEW">; readonly textEnd: number };

/** The rules of the language, by the type of their values. */
interface ListingSpec {
  listing: FilmNode | SyntaxProblem<"E_EMPTY">;
  film: FilmNode;
  header: HeaderNode;
  sections: ListSectionNode[];
  reviews: ReviewsSectionNode;
  reviewItems: ReviewItem[];
}

/** The language of listings for one vocabulary. */
/* @__NO_SIDE_EFFECTS__ */
export function listingLanguage(vocabulary: Vocabulary): P.TypedLanguage<ListingSpec> {
  const genre = headerGenre(vocabulary);
  const certificationAfter = certification(vocabulary);
  return P.createLanguage<ListingSpec>({
    // A listing, or a text of blank lines only (E_EMPTY).
    listing: (r) => P.alt(r.film, onlyBlankLines),

    // The header, the synopsis, the list sections in any order
    // (their order is a refiner's, to point at the offending header), then
    // the reviews or nothing: every other line is synopsis or names.
    film: (r) =>
      P.seqMap(r.header, contentLines, r.sections, r.reviews.fallback(null), (header, synopsis, sections, reviews) => ({
        header,
        synopsis,
        sections,
        reviews,
      })),

    // The header's lines in their fixed order, each but the title and the
    // year optional, and at most ten genres; each line's leaf reads past
    // the season lines after it (E_SERIES). The certification's rule needs
    // this header's genres (a header genre is never one): it comes by `chain`.
    header: () =>
      P.seqObj<HeaderTop>(
        ["title", title],
        ["rating", rating.fallback(null)],
        ["votes", votes.fallback(null)],
        ["genres", genre.atMost(MAX_HEADER_GENRES)],
        ["year", P.alt(year, missingYear)],
        ["runtime", runtime.fallback(null)],
      ).chain((top) =>
        certificationAfter(top.genres)
          .fallback(null)
          .map((line) => headerNode(top, line)),
      ),

    // `Starring:`, `Directed by:` and `Also Available On:`, as often as they come.
    sections: () => listSection.many(),

    // `Community Reviews` and everything after it.
    reviews: (r) => P.seqMap(reviewsHeader, r.reviewItems, reviewsSection),

    // Runs of reviews; between them, a review that never closes, or lines
    // where a review should open.
    reviewItems: () => P.alt<ReviewItem>(reviewRun, unterminatedToEnd, notAReview).many(),
  });
}

/** The header node: its lines, and its problems in text order. */
function headerNode(top: HeaderTop, certification: HeaderLine<LineNode> | null): HeaderNode {
  const year = "code" in top.year ? null : top.year;
  const problems: SyntaxProblem[] = [];
  const add = (line: HeaderLine<unknown> | null) => {
    if (line !== null) problems.push(...line.series);
  };
  add(top.title);
  add(top.rating);
  add(top.votes);
  for (const genre of top.genres) add(genre);
  if (year === null) problems.push(top.year as SyntaxProblem);
  add(year);
  add(top.runtime);
  add(certification);
  return {
    title: top.title.node,
    rating: top.rating?.node ?? null,
    votes: top.votes?.node ?? null,
    genres: top.genres.map((genre) => genre.node),
    year: year?.node ?? null,
    runtime: top.runtime?.node ?? null,
    certification: certification?.node ?? null,
    problems,
  };
}

/** The reviews section: the reviews in order, and the problems between them. */
function reviewsSection(header: LineNode, items: ReviewItem[]): ReviewsSectionNode {
  const runs: ReviewList[] = [];
  const problems: SyntaxProblem[] = [];
  for (const item of items) {
    if (item instanceof Int32Array) runs.push(item);
    else if ("problem" in item) {
      problems.push(item.problem);
      runs.push(Int32Array.of(item.problem.at, item.textEnd));
    } else problems.push(item);
  }
  // The common case, one run, is used as it is.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: shortcut; the runs joined are the same
  const reviews = runs.length === 1 ? (runs[0] as ReviewList) : Int32Array.from(runs.flatMap((run) => [...run]));
  return { header, reviews, problems };
}

/**
 * The problems of a tree, in text order: one walk over the nodes that
 * hold them.
 */
export function problemsOf(tree: FilmNode): readonly SyntaxProblem[] {
  const { header, reviews } = tree;
  if (reviews === null) return header.problems;
  // Stryker disable next-line ConditionalExpression: shortcut; most listings have no problem
  if (reviews.problems.length === 0) return header.problems;
  return header.problems.concat(reviews.problems);
}

/** The reader of one vocabulary: clean text → tree and problems. */
/* @__NO_SIDE_EFFECTS__ */
export function listingReader(vocabulary: Vocabulary): (input: string) => ListingRead {
  const { listing } = listingLanguage(vocabulary);
  return (input) => {
    const result = listing.parse(input);
    // Every line is read by some rule, a problem's among them.
    // Stryker disable next-line ConditionalExpression,BlockStatement,StringLiteral: unreachable guard
    if (!result.status) throw new Error(`film-listing: the grammar stopped at offset ${result.index.offset}`);
    const { value } = result;
    if ("code" in value) return { tree: null, problems: [value] };
    const tree: ListingNode = {
      input,
      header: value.header,
      synopsis: value.synopsis,
      sections: value.sections,
      reviews: value.reviews,
    };
    return { tree, problems: problemsOf(value) };
  };
}
