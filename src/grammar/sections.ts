/**
 * The body's section headers and the lines under them.
 *
 * A header is a whole line: its name, case-insensitive, alone (with or
 * without its colon) or followed by its colon and inline names.
 */

import { linesBut } from "./block";
import { FAILURE, makeParser, map, type Parser, sequence, succeed } from "./combinators";
import { lineMatcher, lineOfKind } from "./leaves";
import type { LineBlock, LineNode, ListSectionKind, ListSectionNode } from "./tree";

/**
 * `Starring:`, `Directed by:` or `Also Available On:`, with the names after
 * the colon. One expression for the three, so that a line is tried once.
 */
const LIST_HEADER = /(?:starring|directed +by|also +available +on)(?: *:[^\n]*)?/iy;

/**
 * `Community Reviews`, an optional colon and an optional glued `See all`.
 * Written so that each run of spaces has one place to go: ` *:?(?: *…)?`
 * would try every split of a long run between its two stars.
 */
const COMMUNITY_REVIEWS = /community +reviews *(?:: *)?(?<seeAll>see +all)?/iy;

/** Any section header, for the lines that must not be one. */
export const SECTION_HEADER = /* @__PURE__ */ new RegExp(`${LIST_HEADER.source}|${COMMUNITY_REVIEWS.source}`, "iy");

/** Lines of synopsis or of names: any but a section header. */
export const contentLines: Parser<LineBlock> = linesBut({ startsWith: "sdac", pattern: SECTION_HEADER });

const listHeader = lineOfKind({ startsWith: "sda", pattern: LIST_HEADER });

/** Which section a header opens, by its first letter (the three differ). */
const KIND_BY_INITIAL: Readonly<Record<string, ListSectionKind>> = { s: "cast", d: "directors", a: "availableOn" };

/** `Starring:`, `Directed by:` or `Also Available On:`, and the lines below it. */
export const listSection: Parser<ListSectionNode> = map(sequence(listHeader, contentLines), ([header, lines]) => {
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
});

const reviewsHeaderLine = lineMatcher(COMMUNITY_REVIEWS, "c");
const seeAllLine = lineMatcher(/see +all/iy, "s");

/**
 * The reviews header. A `See all` link glued to it or alone on the next
 * line is not content.
 */
export const reviewsHeader: Parser<LineNode> = makeParser((input, start) => {
  const header = reviewsHeaderLine(input, start);
  if (header === null) return FAILURE;
  const link = header.value.groups.seeAll === undefined ? seeAllLine(input, header.index) : null;
  return succeed((link ?? header).index, { at: start, text: header.value.text });
});
