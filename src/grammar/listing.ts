/**
 * The grammar of a whole listing, over the clean text of `lines.ts`.
 * It only recognises: values are converted and checked in `record.ts`.
 */

import P from "parsimmon";
import type { Vocabulary } from "../vocabulary";
import { chain, end, many, map, optional, sequence, untilEnd } from "./combinators";
import { certification, headerGenre, notSeries, rating, runtime, title, votes, year } from "./header";
import { blankLines } from "./leaves";
import { review } from "./reviews";
import { contentLine, listSection, reviewsHeader } from "./sections";
import type { HeaderNode, ListingNode, ReviewsSectionNode } from "./tree";

interface ListingSpec {
  listing: ListingNode;
  header: HeaderNode;
  body: Omit<ListingNode, "header">;
  reviews: ReviewsSectionNode;
}

/** The grammar for one vocabulary (the certification rule depends on it). */
export function listingGrammar(vocabulary: Vocabulary): P.Parser<ListingNode> {
  const certificationAfter = certification(vocabulary);
  return P.createLanguage<ListingSpec>({
    // Blank lines, the header block, then the body, to the end.
    listing: (r) => map(sequence(blankLines, r.header, r.body), ([, header, body]) => ({ header, ...body })),

    // The fixed-order header block. A series' `2 Seasons` line is refused
    // everywhere before the synopsis; the certification comes last, as its
    // rule needs the header genres (a header genre is never one).
    header: () =>
      chain(
        sequence(
          title,
          optional(rating),
          optional(votes),
          many(headerGenre),
          notSeries,
          year,
          notSeries,
          optional(runtime),
          notSeries,
        ),
        ([titleLine, ratingLine, votesLine, genres, , yearLine, , runtimeLine]) =>
          map(
            certificationAfter(genres),
            (certificationLine): HeaderNode => ({
              title: titleLine,
              rating: ratingLine,
              votes: votesLine,
              genres,
              year: yearLine,
              runtime: runtimeLine,
              certification: certificationLine,
            }),
          ),
      ),

    // The synopsis, the name sections in any order (their order is checked
    // with the record, to point at the offending header), then the reviews
    // or the end. Parsimmon's `alt` keeps the further failure of the two,
    // so an error inside the reviews is the one reported.
    body: (r) =>
      map(
        sequence(notSeries, many(contentLine), many(listSection), P.alt(r.reviews, end)),
        ([, synopsis, sections, reviews]) => ({ synopsis, sections, reviews }),
      ),

    // Everything after the reviews header belongs to the reviews.
    reviews: () => map(sequence(reviewsHeader, untilEnd(review)), ([header, reviews]) => ({ header, reviews })),
  }).listing;
}
