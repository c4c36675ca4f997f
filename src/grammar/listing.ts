/**
 * The grammar of a whole listing, over the clean text of `lines.ts`.
 * It only recognises: values are converted and checked in `record.ts`.
 */

import P from "parsimmon";
import type { Vocabulary } from "../vocabulary";
import { certification, headerGenre, notSeries, rating, runtime, title, votes, year } from "./header";
import { blankLines, optional } from "./leaves";
import { review } from "./reviews";
import { contentLine, listSection, reviewsHeader } from "./sections";
import type { HeaderNode, LineNode, ListingNode, ListSectionNode, ReviewsSectionNode } from "./tree";

interface ListingSpec {
  listing: ListingNode;
  header: HeaderNode;
  body: Omit<ListingNode, "header">;
  reviews: ReviewsSectionNode;
}

/** The grammar for one vocabulary (the certification rule depends on it). */
export function listingGrammar(vocabulary: Vocabulary): P.Parser<ListingNode> {
  return P.createLanguage<ListingSpec>({
    // Blank lines, the header block, then the body, to the end.
    listing: (r) => P.seqMap(blankLines, r.header, r.body, (_, header, body) => ({ header, ...body })),

    // Title, rating, votes and genres; the certification rule then needs
    // the genres, since a header genre is never a certification. A series'
    // `2 Seasons` line is refused everywhere before the synopsis.
    header: () =>
      P.seq(title, optional(rating), optional(votes), notSeries.then(headerGenre).many()).chain(
        ([titleLine, ratingLine, votesLine, genres]) =>
          P.seqMap(
            year,
            notSeries.then(optional(runtime)),
            notSeries.then(optional(certification(vocabulary, genres))),
            notSeries,
            (yearLine, runtimeLine, certificationLine): HeaderNode => ({
              title: titleLine,
              rating: ratingLine,
              votes: votesLine,
              genres,
              year: yearLine,
              runtime: runtimeLine,
              certification: certificationLine && { at: certificationLine.at, text: certificationLine.text },
            }),
          ),
      ),

    // The synopsis, the name sections in any order (their order is checked
    // with the record, to point at the offending header), then the reviews,
    // which run to the end.
    body: (r) =>
      P.seqMap(
        contentLine.many(),
        listSection.many(),
        P.alt(
          r.reviews,
          P.eof.map(() => null),
        ),
        (synopsis: LineNode[], sections: ListSectionNode[], reviews) => ({ synopsis, sections, reviews }),
      ),

    // Everything after the reviews header belongs to the reviews.
    reviews: () => P.seqMap(reviewsHeader, review.many(), P.eof, (header, reviews) => ({ header, reviews })),
  }).listing;
}
