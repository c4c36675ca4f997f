/**
 * The body's section headers (SPEC 1.3) and the lines under them.
 *
 * A header is a whole line: its name, case-insensitive, alone (with or
 * without its colon) or followed by its colon and inline names.
 */

import P from "parsimmon";
import { line } from "./leaves";
import type { LineNode, ListSectionKind, ListSectionNode } from "./tree";

const NAMES = String.raw`(?: *:(?<names>[^\n]*))?`;
const STARRING = new RegExp(`starring${NAMES}`, "i");
const DIRECTED_BY = new RegExp(`directed +by${NAMES}`, "i");
const ALSO_AVAILABLE_ON = new RegExp(`also +available +on${NAMES}`, "i");

/** `Community Reviews`, an optional colon and an optional glued `See all`. */
const COMMUNITY_REVIEWS = /community +reviews *:?(?: *(?<seeAll>see +all))?/i;

/** Any section header, for the lines that must not be one. */
export const SECTION_HEADER = new RegExp(
  [STARRING, DIRECTED_BY, ALSO_AVAILABLE_ON, COMMUNITY_REVIEWS]
    .map((pattern) => pattern.source.replace(/\(\?<\w+>/g, "("))
    .join("|"),
  "i",
);

/** A line of synopsis or of names: anything but a section header. */
export const contentLine: P.Parser<LineNode> = line(
  new RegExp(`(?!(?:${SECTION_HEADER.source})(?:\\n|$))[^\\n]+`, "i"),
  "a line of text",
);

function listHeader(pattern: RegExp, description: string, kind: ListSectionKind) {
  return line(pattern, description).map(({ at, text, groups }) => ({
    kind,
    header: { at, text },
    inline: groups.names ?? "",
  }));
}

/** `Starring:`, `Directed by:` or `Also Available On:`, and the lines below it. */
export const listSection: P.Parser<ListSectionNode> = P.seqMap(
  P.alt(
    listHeader(STARRING, "Starring:", "cast"),
    listHeader(DIRECTED_BY, "Directed by:", "directors"),
    listHeader(ALSO_AVAILABLE_ON, "Also Available On:", "availableOn"),
  ),
  contentLine.many(),
  (header, lines) => ({ ...header, lines }),
);

const seeAll = line(/see +all/i, "See all");

/**
 * The reviews header. A `See all` link glued to it or alone on the next
 * line is not content.
 */
export const reviewsHeader: P.Parser<LineNode> = line(COMMUNITY_REVIEWS, "Community Reviews").chain(
  ({ at, text, groups }) => {
    const header = { at, text };
    return groups.seeAll === undefined ? seeAll.atMost(1).map(() => header) : P.succeed(header);
  },
);
