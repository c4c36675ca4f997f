/**
 * The grammar of a whole listing, over the clean text of `lines.ts`.
 * It only recognises: values are converted and checked in `record.ts`.
 */

import P from "parsimmon";
import type { Vocabulary } from "../vocabulary";
import { chainStep, end, many, map, optional, sequence, succeed, untilEnd } from "./combinators";
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
  const certificationAt = certification(vocabulary);
  const opening = sequence(
    title,
    optional(rating),
    optional(votes),
    many(headerGenre),
    notSeries,
    year,
    notSeries,
    optional(runtime),
    notSeries,
  );
  return P.createLanguage<ListingSpec>({
    // Blank lines, the header block, then the body, to the end.
    listing: (r) =>
      map(sequence(blankLines, r.header, r.body), ([, header, body]) => ({
        header,
        synopsis: body.synopsis,
        sections: body.sections,
        reviews: body.reviews,
      })),

    // The fixed-order header block. A series' `2 Seasons` line is refused
    // everywhere before the synopsis. The certification comes last and is
    // stepped by hand, as its rule needs the header genres of this parse (a
    // header genre is never one); a parser made per parse would cost more.
    header: () =>
      chainStep(opening, ([titleLine, ratingLine, votesLine, genres, , yearLine, , runtimeLine], input, index) => {
        const certificationLine = certificationAt(input, index, genres);
        return succeed(certificationLine?.index ?? index, {
          title: titleLine,
          rating: ratingLine,
          votes: votesLine,
          genres,
          year: yearLine,
          runtime: runtimeLine,
          certification: certificationLine?.value ?? null,
        });
      }),

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
