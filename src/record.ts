/**
 * Grammar tree → validated Film: the trailing run of detail genres and
 * badges (the trailing run), names split at commas, numbers converted exactly, the
 * section order checked, and the record validated with zod.
 */

import type { core } from "zod";
import { ListingError, type ListingErrorCode, type Position } from "./errors";
import { type Film, MIN_YEAR, parsedFilmSchema } from "./film";
import { collapseSpaces } from "./grammar/leaves";
import type { LineNode, ListingNode, ListSectionKind, ListSectionNode, VotesNode } from "./grammar/tree";
import type { Vocabulary } from "./vocabulary";

/** What turning a tree into a record needs besides the tree. */
export interface RecordContext {
  readonly vocabulary: Vocabulary;
  /** The last valid release year. */
  readonly latestYear: number;
  /** Maps a clean-text offset to the original input. */
  readonly locate: (at: number) => Position;
}

/** Section order; the reviews come last and run to the end. */
const SECTION_RANK: Readonly<Record<ListSectionKind, number>> = { cast: 0, directors: 1, availableOn: 2 };
const SECTION_TITLE: Readonly<Record<ListSectionKind, string>> = {
  cast: "Starring:",
  directors: "Directed by:",
  availableOn: "Also Available On:",
};

/**
 * A comma between names, unless a suffix follows it (`Sammy Davis, Jr.` is
 * one name).
 */
const NAME_SEPARATOR = /,(?! *(?:Jr\.?|Sr\.?|II|III|IV) *(?:,|$))/;

/** Turns the grammar's tree into a validated {@link Film}. */
export function toFilm(tree: ListingNode, context: RecordContext): Film {
  checkSectionOrder(tree.sections, context);
  const { header } = tree;
  let cast: ListSectionNode | undefined;
  let directors: ListSectionNode | undefined;
  let availableOn: ListSectionNode | undefined;
  for (const section of tree.sections) {
    if (section.kind === "cast") cast = section;
    else if (section.kind === "directors") directors = section;
    else availableOn = section;
  }

  // The region before the services ends with the trailing run; it is the
  // last of synopsis, cast and directors that the listing has.
  const regionEnd = directors?.lines ?? cast?.lines ?? tree.synopsis;
  const genres = new UniqueNames();
  for (const genre of header.genres) genres.add(collapseSpaces(genre.text));
  const badges = new UniqueNames();
  const runStart = trailingRun(regionEnd, header.genres, context.vocabulary, genres, badges);
  const kept = (lines: readonly LineNode[]) => (lines === regionEnd ? lines.slice(0, runStart) : lines);

  const synopsis = kept(tree.synopsis);
  const record: Film = {
    title: collapseSpaces(header.title.text),
    rating: header.rating && Number(header.rating.text),
    voteCount: header.votes && voteCount(header.votes),
    genres: genres.names,
    year: Number(header.year.text),
    runtimeMinutes: header.runtime && Number(header.runtime.hours ?? 0) * 60 + Number(header.runtime.minutes ?? 0),
    certification: header.certification && collapseSpaces(header.certification.text),
    synopsis: joinLines(synopsis),
    cast: cast === undefined ? [] : names(cast.inline, kept(cast.lines)),
    directors: directors === undefined ? [] : names(directors.inline, kept(directors.lines)),
    badges: badges.names,
    availableOn: availableOn === undefined ? [] : names(availableOn.inline, availableOn.lines),
    reviews: (tree.reviews?.reviews ?? []).map((review) => ({ text: review.text.trim() })),
  };

  // Validation of what the input decides (see `parsedFilmSchema`); the
  // record's other values are valid by construction.
  const result = parsedFilmSchema(context.latestYear).safeParse(record);
  if (result.success) return record;
  throw invalid(result.error.issues[0] as core.$ZodIssue, tree, context);
}

/** Lines as one value, each with its runs of spaces collapsed; `null` for none. */
function joinLines(lines: readonly LineNode[]): string | null {
  if (lines.length === 0) return null;
  if (lines.length === 1) return collapseSpaces((lines[0] as LineNode).text);
  return lines.map((line) => collapseSpaces(line.text)).join("\n");
}

/** Each section at most once, in order; a repeat wins over disorder. */
function checkSectionOrder(sections: readonly ListSectionNode[], context: RecordContext): void {
  const seen = new Set<ListSectionKind>();
  let lastRank = -1;
  for (const section of sections) {
    const rank = SECTION_RANK[section.kind];
    let code: ListingErrorCode | undefined;
    let reason = "";
    if (seen.has(section.kind)) {
      code = "E_DUPLICATE_SECTION";
      reason = `${SECTION_TITLE[section.kind]} appears a second time`;
    } else if (rank < lastRank) {
      code = "E_SECTION_ORDER";
      const after = Object.keys(SECTION_RANK).find((kind) => SECTION_RANK[kind as ListSectionKind] === lastRank);
      reason = `${SECTION_TITLE[section.kind]} must come before ${SECTION_TITLE[after as ListSectionKind]}`;
    }
    if (code !== undefined) {
      const allowed = (Object.keys(SECTION_RANK) as ListSectionKind[])
        .filter((kind) => SECTION_RANK[kind] > lastRank && !seen.has(kind))
        .map((kind) => SECTION_TITLE[kind]);
      throw new ListingError({
        code,
        reason,
        ...context.locate(section.header.at),
        expected: [...allowed, "Community Reviews", "the end"],
        found: section.header.text,
      });
    }
    seen.add(section.kind);
    lastRank = rank;
  }
}

/**
 * The run of genre and badge lines that ends the region: adds
 * its genres and badges, in order, and returns the index of its first line
 * (`lines.length` for no run).
 */
function trailingRun(
  lines: readonly LineNode[],
  headerGenres: readonly LineNode[],
  vocabulary: Vocabulary,
  genres: UniqueNames,
  badges: UniqueNames,
): number {
  // Walk back over the run, keeping each line's collapsed text for the
  // second, forward pass that adds the names in order.
  const texts: string[] = [];
  let start = lines.length;
  while (start > 0) {
    const text = collapseSpaces((lines[start - 1] as LineNode).text);
    const lower = text.toLowerCase();
    const known =
      vocabulary.badges.has(lower) ||
      vocabulary.genres.has(lower) ||
      headerGenres.some((genre) => collapseSpaces(genre.text).toLowerCase() === lower);
    if (!known) break;
    texts.push(text);
    start--;
  }
  for (let index = texts.length - 1; index >= 0; index--) {
    const text = texts[index] as string;
    const badge = vocabulary.badges.get(text.toLowerCase());
    if (badge === undefined) genres.add(text);
    else badges.add(badge);
  }
  return start;
}

/** Names split at commas, on a section's header line and the lines below it. */
function names(inline: string, lines: readonly LineNode[]): string[] {
  const result: string[] = [];
  const add = (text: string) => {
    for (const name of text.includes(",") ? text.split(NAME_SEPARATOR) : [text]) {
      const trimmed = collapseSpaces(name.trim());
      if (trimmed !== "") result.push(trimmed);
    }
  };
  add(inline);
  for (const line of lines) add(line.text);
  return result;
}

/**
 * Names without repeats, compared case-insensitively, first spelling kept.
 * Lists here hold a handful of names, so a scan beats a Set.
 */
class UniqueNames {
  readonly names: string[] = [];
  readonly #keys: string[] = [];

  add(name: string): void {
    const key = name.toLowerCase();
    if (this.#keys.includes(key)) return;
    this.#keys.push(key);
    this.names.push(name);
  }
}

/**
 * The vote count, computed on the digits so that `(4.1M)` is exactly
 * 4100000. A count that is not whole comes out fractional, for the schema
 * to refuse.
 */
function voteCount({ whole, fraction, unit }: VotesNode): number {
  if (fraction === "" && unit === "" && !whole.includes(",")) return Number(whole);
  const digits = whole.replace(/,/g, "");
  const exponent = unit === "" ? 0 : unit.toLowerCase() === "k" ? 3 : 6;
  const significant = fraction.replace(/0+$/, "");
  if (significant.length <= exponent) return Number(digits + significant.padEnd(exponent, "0"));
  return Number(`${digits}${significant.slice(0, exponent)}.${significant.slice(exponent)}`);
}

/** A zod issue as a ListingError at the line the value came from. */
function invalid(issue: core.$ZodIssue, tree: ListingNode, context: RecordContext): ListingError {
  const [field, index] = issue.path;
  const { header } = tree;
  const fields: Record<string, { node: LineNode | null | undefined; reason: (found: string) => string }> = {
    rating: { node: header.rating, reason: (found) => `rating ${found} is outside 0–5` },
    voteCount: {
      node: header.votes,
      reason: (found) =>
        issue.code === "too_big" ? `vote count ${found} is too large` : `vote count ${found} is not a whole number`,
    },
    year: {
      node: header.year,
      reason: (found) => `year ${found} is outside ${MIN_YEAR}–${context.latestYear}`,
    },
    runtimeMinutes: {
      node: header.runtime,
      reason: (found) =>
        issue.code === "too_small" ? `runtime ${found} is not positive` : `runtime ${found} is too long`,
    },
    reviews: {
      node: typeof index === "number" ? tree.reviews?.reviews[index] : undefined,
      reason: () => "review is empty",
    },
  };
  const described = fields[String(field)];
  const node = described?.node ?? header.title;
  return new ListingError({
    code: "E_INVALID",
    reason:
      described === undefined ? `${String(field)}: ${issue.message}` : described.reason(collapseSpaces(node.text)),
    ...context.locate(node.at),
    path: issue.path.map((key) => (typeof key === "symbol" ? String(key) : key)),
    cause: issue,
  });
}
