/**
 * The body's section headers (SPEC 1.3) and the lines under them.
 *
 * A header is a whole line: its name, case-insensitive, alone (with or
 * without its colon) or followed by its colon and inline names.
 */

import P from "parsimmon";
import { fail, many, map, sequence, succeed } from "./combinators";
import { anyLineBut, line, lineMatcher } from "./leaves";
import type { LineNode, ListSectionNode } from "./tree";

/**
 * `Starring:`, `Directed by:` or `Also Available On:`, with the names after
 * the colon. One expression for the three, so that a line is tried once.
 */
const LIST_HEADER =
  /(?:(?<cast>starring)|(?<directors>directed +by)|(?<availableOn>also +available +on))(?: *:(?<names>[^\n]*))?/i;

/** `Community Reviews`, an optional colon and an optional glued `See all`. */
const COMMUNITY_REVIEWS = /community +reviews *:?(?: *(?<seeAll>see +all))?/i;

/** Any section header, for the lines that must not be one. */
export const SECTION_HEADER = new RegExp(
  [LIST_HEADER, COMMUNITY_REVIEWS].map((pattern) => pattern.source.replace(/\(\?<\w+>/g, "(?:")).join("|"),
  "i",
);

/** A line of synopsis or of names: anything but a section header. */
export const contentLine: P.Parser<LineNode> = anyLineBut("a line of text", {
  startsWith: "sdac",
  pattern: SECTION_HEADER,
});

const listHeader = line(LIST_HEADER, "a section header (Starring:, Directed by:, Also Available On:)", "sda");

/** `Starring:`, `Directed by:` or `Also Available On:`, and the lines below it. */
export const listSection: P.Parser<ListSectionNode> = map(
  sequence(listHeader, many(contentLine)),
  ([{ at, text, groups }, lines]) => ({
    kind: groups.cast !== undefined ? "cast" : groups.directors !== undefined ? "directors" : "availableOn",
    header: { at, text },
    inline: groups.names ?? "",
    lines,
  }),
);

const reviewsHeaderLine = lineMatcher(COMMUNITY_REVIEWS, "c");
const seeAllLine = lineMatcher(/see +all/i, "s");
const EXPECTED_REVIEWS_HEADER = ["Community Reviews"];

/**
 * The reviews header. A `See all` link glued to it or alone on the next
 * line is not content.
 */
export const reviewsHeader: P.Parser<LineNode> = P((input, start) => {
  const header = reviewsHeaderLine(input, start);
  if (header === null) return fail(start, EXPECTED_REVIEWS_HEADER);
  const link = header.value.groups.seeAll === undefined ? seeAllLine(input, header.index) : null;
  return succeed((link ?? header).index, { at: start, text: header.value.text });
});
