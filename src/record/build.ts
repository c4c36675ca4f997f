/**
 * Grammar tree → record: one builder for every entry point. It always
 * collects the issues of the record (section order, values out of range,
 * warnings) and tells its spans to the sink it is given; `parseListing`,
 * `inspectListing` and an error's `issues` read the same run.
 *
 * The steps, in order: the section order and the trailing run (refiners
 * after the grammar), the names, the numbers, then the check of the values
 * the input decides.
 */

import type { Film } from "../film";
import { forEachLine } from "../grammar/block";
import { collapseSpaces } from "../grammar/patterns";
import type { LineBlock, LineNode, ListingNode, ListSectionKind } from "../grammar/tree";
import type { Vocabulary } from "../vocabulary";
import type { RecordIssues } from "./issues";
import { SectionNames, UniqueNames } from "./names";
import { runtimeMinutes, voteCount } from "./numbers";
import { checkSectionOrder } from "./section-order";
import type { SpanSink } from "./spans";
import { trailingRun } from "./trailing-run";
import { checkValues, readReviews } from "./values";

/**
 * A {@link Film} whose title and year may be missing (`null`): what an
 * inspection reads from text that is not a whole listing.
 *
 * @example
 * ```ts
 * const { film } = inspectListing("The Red Shoes\nDrama\n133 min");
 * film.title; // "The Red Shoes"
 * film.year; // null
 * film.runtimeMinutes; // 133
 * ```
 *
 * @group Record
 */
export type PartialFilm = { [Key in keyof Film]: Key extends "title" | "year" ? Film[Key] | null : Film[Key] };

/** A record being built, whose refused values are taken out. */
export type DraftFilm = { -readonly [Key in keyof PartialFilm]: PartialFilm[Key] };

/** One run of the builder: the tree, what reading it needs, and where its findings go. */
export interface RecordRun {
  readonly tree: ListingNode;
  readonly vocabulary: Vocabulary;
  /** The last valid release year. */
  readonly latestYear: number;
  readonly issues: RecordIssues;
  readonly spans: SpanSink;
}

/** Turns the tree into the record of every valid value, noting every problem on the way. */
export function buildRecord(run: RecordRun): PartialFilm {
  const { tree, vocabulary, issues, spans } = run;
  const { header, input } = tree;
  checkSectionOrder(tree.sections, issues);
  const genres = headerGenres(run);
  const badges = new UniqueNames();
  const { region, keptEnd } = trailingRun(run, genres, badges);
  // A block of lines without the trailing run, which it ends.
  const kept = (block: LineBlock): LineBlock => (block === region ? { start: block.start, end: keptEnd } : block);

  const names: Record<ListSectionKind, SectionNames> = {
    cast: new SectionNames("cast", spans),
    directors: new SectionNames("directors", spans),
    availableOn: new SectionNames("availableOn", spans),
  };
  for (const section of tree.sections) {
    const list = names[section.kind];
    const { header: line, inline } = section;
    list.addLine(inline, line.at + line.text.length - inline.length);
    forEachLine(input, kept(section.lines), (start, end) => list.addLine(input.slice(start, end), start));
  }

  const synopsis = kept(tree.synopsis);
  const reviews = readReviews(tree, spans);
  const record: DraftFilm = {
    title: collapseSpaces(header.title.text),
    rating: header.rating && Number(header.rating.text),
    voteCount: header.votes && voteCount(header.votes),
    genres: genres.names,
    year: header.year && Number(header.year.text),
    runtimeMinutes: header.runtime && runtimeMinutes(header.runtime),
    certification: header.certification && collapseSpaces(header.certification.text),
    synopsis: joinLines(synopsis, input),
    cast: names.cast.names,
    directors: names.directors.names,
    badges: badges.names,
    availableOn: names.availableOn.names,
    reviews: reviews.kept,
  };
  checkValues(run, record, reviews);
  spans.values(record, tree, synopsis);
  if (record.certification !== null && !vocabulary.certifications.has(record.certification.toLowerCase())) {
    issues.warn(
      "W_CERTIFICATION_SHAPE",
      header.certification as LineNode,
      ["certification"],
      `certification "${record.certification}" is not in the certification vocabulary; it was read by its shape`,
    );
  }
  return record;
}

/** The header's genres, each kept once, with a warning for each outside the genre vocabulary. */
function headerGenres({ tree, vocabulary, issues, spans }: RecordRun): UniqueNames {
  const genres = new UniqueNames();
  for (const genre of tree.header.genres) {
    const text = collapseSpaces(genre.text);
    if (!genres.add(text)) continue;
    const index = genres.names.length - 1;
    spans.item("genres", index, genre.at, genre.at + genre.text.length);
    if (!vocabulary.genres.has(text.toLowerCase())) {
      issues.warn("W_UNKNOWN_GENRE", genre, ["genres", index], `genre "${text}" is not in the genre vocabulary`);
    }
  }
  return genres;
}

const BLANK_LINES = /\n{2,}/g;

/**
 * A block's lines as one value, one line break between lines, runs of
 * spaces collapsed; `null` for none. One slice of `input`, with no string
 * made per line (a synopsis may have a million lines).
 */
function joinLines(block: LineBlock, input: string): string | null {
  if (block.end === block.start) return null;
  const text = input.slice(block.start, block.end);
  // Lines are trimmed, so a run of spaces never spans a line break.
  return collapseSpaces(text.replace(BLANK_LINES, "\n"));
}
