/**
 * The body's section headers and the lines under them.
 *
 * A header is a whole line: its name, case-insensitive, alone (with or
 * without its colon) or followed by its colon and inline names.
 */

import P from "parsimmon";
import { lineMatcher, lineOf, linesBut } from "./leaves";
import { COMMUNITY_REVIEWS, LIST_HEADER, SECTION_HEADER_LINE, SEE_ALL } from "./patterns";
import type { LineBlock, LineNode, ListSectionKind, ListSectionNode } from "./tree";

/** Lines of synopsis or of names, as one range: any line but a section header. */
export const contentLines: P.Parser<LineBlock> = /* @__PURE__ */ linesBut(SECTION_HEADER_LINE);

/** `Starring:`, `Directed by:` or `Also Available On:`, names and all. */
const listHeader = /* @__PURE__ */ lineOf({ startsWith: "sda", pattern: LIST_HEADER }, "a section header");

/** Which section a header opens, by its first letter (the three differ). */
const KIND_BY_INITIAL: Readonly<Record<string, ListSectionKind>> = { s: "cast", d: "directors", a: "availableOn" };

/** A list section: its header, then the lines of names below it. */
export const listSection: P.Parser<ListSectionNode> = /* @__PURE__ */ P.seqMap(
  listHeader,
  contentLines,
  (header, lines) => {
    // The header matched LIST_HEADER, whose names hold no colon: the inline
    // names are what follows the first colon. (Reading them this way, rather
    // than from named groups, saves building a match on every section.)
    const colon = header.text.indexOf(":");
    return {
      kind: KIND_BY_INITIAL[header.text.charAt(0).toLowerCase()] as ListSectionKind,
      header,
      inline: colon === -1 ? "" : header.text.slice(colon + 1),
      lines,
    };
  },
);

const communityReviews = /* @__PURE__ */ lineMatcher(COMMUNITY_REVIEWS, "c");
const seeAll = /* @__PURE__ */ lineMatcher(SEE_ALL, "s");
const EXPECTED_REVIEWS_HEADER = ["Community Reviews"];

/**
 * The reviews header, and a `See all` link alone on the next line when
 * none is glued to it: the link is not content. One leaf for the two
 * lines, as the second depends on the first.
 */
export const reviewsHeader: P.Parser<LineNode> = /* @__PURE__ */ P((input, at) => {
  const header = communityReviews(input, at);
  if (header === null) return P.makeFailure(at, EXPECTED_REVIEWS_HEADER);
  const link = header.groups.seeAll === undefined ? seeAll(input, header.end) : null;
  return P.makeSuccess((link ?? header).end, { at, text: header.text });
});
