/**
 * Where each value of the record was read, in clean-text offsets. Only an
 * inspection asks: a parse passes {@link NO_SPANS}, and an app that only
 * parses does not bundle {@link SpanList}.
 */

import type { FieldPath } from "../checked-record";
import type { LineBlock, LineNode, ListingNode, ReviewNode } from "../grammar/tree";
import type { PartialFilm } from "./build";

/** What the record builder tells of where it read each value. */
export interface SpanSink {
  /** A list's item, `field[index]`, read from `start` to `end`. */
  item(field: string, index: number, start: number, end: number): void;
  /** The spans of the values read from one line or a block of lines, once the record is made. */
  values(record: PartialFilm, tree: ListingNode, synopsis: LineBlock, reviews: readonly ReviewNode[]): void;
}

/** The sink of a reading that asks for no spans. */
export const NO_SPANS: SpanSink = { item() {}, values() {} };

const SPACE = 32;
const NEWLINE = 10;
const isTrimmed = (code: number) => code === SPACE || code === NEWLINE;

/**
 * The spans of an inspection, in the order they were read: for each, its
 * path and its clean-text offsets (`end` exclusive), in three lists rather
 * than an object each, as a list may hold hundreds of thousands.
 */
export class SpanList implements SpanSink {
  readonly paths: FieldPath[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  item(field: string, index: number, start: number, end: number): void {
    this.#push([field, index], start, end);
  }

  values(record: PartialFilm, tree: ListingNode, synopsis: LineBlock, reviews: readonly ReviewNode[]): void {
    const { header } = tree;
    this.#line(["title"], header.title);
    if (record.rating !== null) this.#line(["rating"], header.rating as LineNode);
    if (record.voteCount !== null) this.#line(["voteCount"], header.votes as LineNode);
    if (record.year !== null) this.#line(["year"], header.year as LineNode);
    if (record.runtimeMinutes !== null) this.#line(["runtimeMinutes"], header.runtime as LineNode);
    if (record.certification !== null) this.#line(["certification"], header.certification as LineNode);
    if (synopsis.end > synopsis.start) this.#push(["synopsis"], synopsis.start, synopsis.end);
    let index = 0;
    for (const review of reviews) {
      // Only the reviews the record keeps, those with text.
      if (record.reviews[index]?.text !== review.text.trim()) continue;
      // A kept review holds some text: both walks stop at it.
      const { text, at } = review;
      let start = 0;
      let end = text.length;
      while (isTrimmed(text.charCodeAt(start))) start++;
      while (isTrimmed(text.charCodeAt(end - 1))) end--;
      this.#push(["reviews", index, "text"], at + 1 + start, at + 1 + end);
      index++;
    }
  }

  /** A span over one whole line. */
  #line(path: FieldPath, line: LineNode): void {
    this.#push(path, line.at, line.at + line.text.length);
  }

  #push(path: FieldPath, start: number, end: number): void {
    this.paths.push(path);
    this.starts.push(start);
    this.ends.push(end);
  }
}
