/**
 * A refiner after the grammar: the trailing run (docs/layout.md). The
 * region before the services ends with a run of genre and badge lines; it
 * is the last of synopsis, cast and directors that the listing has (with
 * a section repeated, its last copy). The run's lines are genres and
 * badges, not synopsis or names.
 *
 * Equivalent mutants, marked "shortcut": in {@link knownNames}, the set
 * made once (made again, it is the same set) and the length test (a longer
 * line is no name of either set).
 */

import { forEachLine, lineEndBefore, lineStartBefore } from "../grammar/block";
import { collapseSpaces } from "../grammar/patterns";
import type { LineBlock, LineNode, ListingNode } from "../grammar/tree";
import type { Vocabulary } from "../vocabulary";
import type { RecordRun } from "./build";
import type { UniqueNames } from "./names";

/** The region the trailing run ends, and where its lines before the run end. */
export interface TrailingRun {
  readonly region: LineBlock;
  /** `region.end` when there is no run. */
  readonly keptEnd: number;
}

/** The block of the tree that ends the region. */
function regionOf(tree: ListingNode): LineBlock {
  let lastCast: LineBlock | undefined;
  let lastDirectors: LineBlock | undefined;
  for (const section of tree.sections) {
    if (section.kind === "cast") lastCast = section.lines;
    else if (section.kind === "directors") lastDirectors = section.lines;
  }
  return lastDirectors ?? lastCast ?? tree.synopsis;
}

/**
 * Finds the trailing run and adds its genres and badges, in order. The run
 * is walked back once to find its start, then forward once to add the
 * names: no line is read ahead more than once, and nothing is kept per
 * line between the two walks (the run may be a synopsis of a million
 * lines; each line's text is made again instead).
 */
export function trailingRun(run: RecordRun, genres: UniqueNames, badges: UniqueNames): TrailingRun {
  const { tree, vocabulary, spans } = run;
  const { input } = tree;
  const region = regionOf(tree);
  const isKnown = knownNames(tree.header.genres, vocabulary);
  let keptEnd = region.end;
  let runStart = region.end;
  while (keptEnd > region.start) {
    const start = lineStartBefore(input, region, keptEnd);
    if (!isKnown(collapseSpaces(input.slice(start, keptEnd)))) break;
    runStart = start;
    keptEnd = lineEndBefore(input, region, start);
  }
  forEachLine(input, { start: runStart, end: region.end }, (start, end) => {
    const text = collapseSpaces(input.slice(start, end));
    const lower = text.toLowerCase();
    const badge = vocabulary.badges.get(lower);
    if (badge === undefined) {
      if (genres.add(text, lower)) spans.item("genres", genres.names.length - 1, start, end);
    } else if (badges.add(badge)) spans.item("badges", badges.names.length - 1, start, end);
  });
  return { region, keptEnd };
}

/**
 * Whether a line's text (spaces collapsed) names a badge, a genre of the
 * vocabulary or one of the header's genres, in any case. The header's
 * genres are looked up in a set, made on the first question, as most
 * listings ask none; a line longer than every name is turned away before
 * it is lower-cased (lower case is never shorter), as a synopsis line may
 * be megabytes long.
 */
function knownNames(headerGenres: readonly LineNode[], vocabulary: Vocabulary): (text: string) => boolean {
  let names: Set<string> | undefined;
  let longest = vocabulary.longestName;
  return (text) => {
    // Stryker disable next-line ConditionalExpression: shortcut
    if (names === undefined) {
      names = new Set(headerGenres.map((line) => collapseSpaces(line.text).toLowerCase()));
      for (const name of names) longest = Math.max(longest, name.length);
    }
    // Stryker disable next-line ConditionalExpression: shortcut
    if (text.length > longest) return false;
    const lower = text.toLowerCase();
    return vocabulary.badges.has(lower) || vocabulary.genres.has(lower) || names.has(lower);
  };
}
