/**
 * The grammar of a whole listing, over the clean text of `lines.ts`.
 * It only recognises: values are converted and checked in `record.ts`.
 *
 * The listing is read line by line, in the layout's order, and a problem
 * never stops the reading: the reader notes it and goes on at a line
 * boundary, skipping the offending line or reading it again as the next
 * part of the layout, never guessing inside a line. So one pass serves
 * both `parseListing`, which fails on the first problem, and
 * `inspectListing`, which reports them all. On a valid listing no problem
 * is noted and nothing is allocated for them.
 */

import type { Vocabulary } from "../vocabulary";
import { many, type SuccessReply, step } from "./combinators";
import {
  certification,
  headerGenre,
  isGenreShaped,
  isSeasons,
  MAX_HEADER_GENRES,
  rating,
  runtime,
  title,
  votes,
  year,
} from "./header";
import { afterBlankLines, lineEnd } from "./leaves";
import { opens, review, unterminatedReview } from "./reviews";
import { contentLines, listSection, reviewsHeader } from "./sections";
import type {
  LineBlock,
  LineNode,
  ListingNode,
  ListingRead,
  ReviewNode,
  ReviewsSectionNode,
  SyntaxProblem,
  SyntaxProblemCode,
} from "./tree";

const listSections = many(listSection);

const NOTHING: ListingRead = { tree: null, problems: [{ code: "E_EMPTY", at: 0 }] };

/** The reader for one vocabulary (the certification rule depends on it). */
/* @__NO_SIDE_EFFECTS__ */
export function listingReader(vocabulary: Vocabulary): (input: string) => ListingRead {
  const certificationAt = certification(vocabulary);
  return (input) => {
    let problems: SyntaxProblem[] | undefined;
    const note = (code: SyntaxProblemCode, at: number) => {
      problems ??= [];
      problems.push({ code, at });
    };
    // A `1 Season` or `N Seasons` line anywhere before the synopsis marks a
    // series (E_SERIES); it is skipped, as if it were not there.
    const pastSeasons = (index: number): number => {
      let at = index;
      while (isSeasons(input, at)) {
        note("E_SERIES", at);
        at = afterBlankLines(input, lineEnd(input, at));
      }
      return at;
    };

    // Blank lines, then the title: the first non-blank line, whatever it says.
    let index = afterBlankLines(input, 0);
    const titleReply = step(title, input, index);
    if (!titleReply.status) return NOTHING;
    index = pastSeasons(titleReply.index);

    const ratingReply = step(rating, input, index);
    const ratingLine = ratingReply.status ? ratingReply.value : null;
    if (ratingReply.status) index = pastSeasons(ratingReply.index);

    const votesReply = step(votes, input, index);
    const votesLine = votesReply.status ? votesReply.value : null;
    if (votesReply.status) index = pastSeasons(votesReply.index);

    // Header genres: genre-shaped lines up to the year, at most ten.
    const genres: LineNode[] = [];
    while (genres.length < MAX_HEADER_GENRES) {
      const reply = step(headerGenre, input, index);
      if (!reply.status || !isGenreShaped(reply.value.text, vocabulary)) break;
      genres.push(reply.value);
      index = pastSeasons(reply.index);
    }

    // The year. Without one, the header goes on from the line that stopped
    // the genres, as if the year had stood just before it (E_MISSING_YEAR).
    const yearReply = step(year, input, index);
    const yearLine = yearReply.status ? yearReply.value : null;
    if (yearReply.status) index = yearReply.index;
    else note("E_MISSING_YEAR", index);
    index = pastSeasons(index);

    const runtimeReply = step(runtime, input, index);
    const runtimeLine = runtimeReply.status ? runtimeReply.value : null;
    if (runtimeReply.status) index = runtimeReply.index;
    index = pastSeasons(index);

    // The certification's rule needs this header's genres (a header genre
    // is never one), so it is a step run by hand.
    const certificationReply = certificationAt(input, index, genres);
    const certificationLine = certificationReply?.value ?? null;
    if (certificationReply !== null) index = certificationReply.index;
    index = pastSeasons(index);

    // The synopsis, then the name sections in any order (their order is
    // checked with the record, to point at the offending header).
    const synopsis = step(contentLines, input, index) as SuccessReply<LineBlock>;
    const sections = step(listSections, input, synopsis.index) as SuccessReply<ListingNode["sections"]>;
    index = sections.index;

    // What is left is the reviews section or nothing: every other line is
    // a content line or a list section.
    const reviews = readReviews(input, index, note);

    const tree: ListingNode = {
      input,
      header: {
        title: titleReply.value,
        rating: ratingLine,
        votes: votesLine,
        genres,
        year: yearLine,
        runtime: runtimeLine,
        certification: certificationLine,
      },
      synopsis: synopsis.value,
      sections: sections.value,
      reviews,
    };
    return { tree, problems };
  };
}

/**
 * `Community Reviews` and the reviews after it, to the end. A line where a
 * review should open but does not (E_REVIEW_START) is skipped, with the
 * lines after it up to the next one that opens; a review that never closes
 * (E_UNTERMINATED_REVIEW) runs to the end and is kept.
 */
function readReviews(
  input: string,
  start: number,
  note: (code: SyntaxProblemCode, at: number) => void,
): ReviewsSectionNode | null {
  const header = step(reviewsHeader, input, start);
  if (!header.status) return null;
  const reviews: ReviewNode[] = [];
  for (let index = header.index; index < input.length; ) {
    const reply = step(review, input, index);
    if (reply.status) {
      reviews.push(reply.value);
      index = reply.index;
    } else if (opens(input.charCodeAt(index))) {
      note("E_UNTERMINATED_REVIEW", index);
      reviews.push(unterminatedReview(input, index));
      break;
    } else {
      note("E_REVIEW_START", index);
      do index = afterBlankLines(input, lineEnd(input, index));
      while (index < input.length && !opens(input.charCodeAt(index)));
    }
  }
  return { header: header.value, reviews };
}
