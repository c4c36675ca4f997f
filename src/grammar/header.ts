/**
 * The header block (SPEC 1.2): title, rating, vote count, header genres,
 * year, runtime and certification, in that fixed order.
 */

import P from "parsimmon";
import type { Vocabulary } from "../vocabulary";
import { map } from "./combinators";
import { anyLineBut, EXPECTED, line, lineMatcher, refuse } from "./leaves";
import { SECTION_HEADER } from "./sections";
import type { LineNode, RuntimeNode, VotesNode } from "./tree";

/** A release year: exactly four digits. */
const YEAR = /\d{4}/;

/** A rating: a plain number that is not four digits (those are years). */
const RATING = /(?!\d{4}(?:\n|$))\d+(?:\.\d+)?/;

/** A vote count: `(398)`, `(1,234)`, `( 1.2K )`, `(3.4m)`. */
const VOTES = /\( *(?<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<fraction>\d+))? *(?<unit>[km])? *\)/i;

const HOURS = String.raw`(?<hours>\d+) *(?:hours?|hrs?|h)`;
const MINUTES = String.raw`(?<minutes>\d+) *(?:minutes?|mins?|m)`;

/** A runtime: hours and/or minutes, `133 min`, `2h13m`, `2 hours`. */
const RUNTIME = new RegExp(`${HOURS}(?: *${MINUTES})?|${MINUTES.replace("minutes>", "onlyMinutes>")}`, "i");

/** A series' season count, which no film listing has. */
export const SEASONS = /\d+ *seasons?/i;

/** Lines that end the header genres: the year, and what may not come before it. */
const NOT_A_GENRE = {
  startsWith: /[\dsdac]/i,
  pattern: new RegExp(
    `${YEAR.source}|${RUNTIME.source.replace(/\(\?<\w+>/g, "(?:")}|${SEASONS.source}|${SECTION_HEADER.source}`,
    "i",
  ),
};

/** A certification by shape: one short token with a digit or in capitals. */
const CERTIFICATION_TOKEN = /^[A-Za-z0-9][A-Za-z0-9+\-/]{0,9}$/;
const HAS_DIGIT = /\d/;
const HAS_LOWER_CASE = /[a-z]/;
const SECTION_HEADER_LINE = new RegExp(`^(?:${SECTION_HEADER.source})$`, "i");

/** The first non-blank line, whatever it says. */
export const title: P.Parser<LineNode> = anyLineBut(EXPECTED.title);

export const rating: P.Parser<LineNode> = line(RATING, "a rating like 4.3");

export const votes: P.Parser<VotesNode> = map(line(VOTES, "a vote count like (398)"), ({ at, text, groups }) => ({
  at,
  text,
  whole: groups.whole ?? "",
  fraction: groups.fraction ?? "",
  unit: groups.unit ?? "",
}));

export const headerGenre: P.Parser<LineNode> = anyLineBut("a genre", NOT_A_GENRE);

export const year: P.Parser<LineNode> = line(YEAR, EXPECTED.year);

export const runtime: P.Parser<RuntimeNode> = map(line(RUNTIME, "a runtime like 2h 13m"), ({ at, text, groups }) => ({
  at,
  text,
  hours: groups.hours,
  minutes: groups.minutes ?? groups.onlyMinutes,
}));

/** Fails at a `2 Seasons` line: the page is a series (E_SERIES). */
export const notSeries: P.Parser<null> = refuse(SEASONS, EXPECTED.film);

/**
 * A certification: a name from the vocabulary, or a token of its shape that
 * is not a genre (of the vocabulary or of this header), a badge or a
 * section header; or `null`, consuming nothing. Made per parse, as it
 * depends on the header genres.
 */
export function certification(
  vocabulary: Vocabulary,
): (headerGenres: readonly LineNode[]) => P.Parser<LineNode | null> {
  const isCertification = (text: string, headerGenres: readonly LineNode[]) => {
    const lower = text.toLowerCase();
    if (vocabulary.certifications.has(lower.includes("  ") ? lower.replace(/ {2,}/g, " ") : lower)) return true;
    return (
      CERTIFICATION_TOKEN.test(text) &&
      (HAS_DIGIT.test(text) || !HAS_LOWER_CASE.test(text)) &&
      !vocabulary.genres.has(lower) &&
      !vocabulary.badges.has(lower) &&
      !SECTION_HEADER_LINE.test(text) &&
      !headerGenres.some((genre) => genre.text.toLowerCase() === lower)
    );
  };
  return (headerGenres) =>
    P((input, start) => {
      const reply = match(input, start, (text) => isCertification(text, headerGenres));
      return reply === null ? P.makeSuccess(start, null) : reply;
    });
}

const match = lineMatcher(/[^\n]+/);
