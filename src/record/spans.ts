/**
 * Where each value of the record was read, in clean-text offsets. Only an
 * inspection asks: a parse passes {@link NO_SPANS}, and an app that only
 * parses does not bundle {@link SpanList}.
 */

import type { FieldPath } from "../checked-record";
import type { LineBlock, LineNode, ListingNode, ReviewNode } from "../grammar/tree";
import type { PartialFilm } from "./build";

/** Where a value was read from, in clean-text offsets (`end` exclusive). */
export interface RecordSpan {
  readonly path: FieldPath;
  readonly start: number;
  readonly end: number;
}

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

/** The spans of an inspection, in the order they were read. */
export class SpanList implements SpanSink {
  readonly spans: RecordSpan[] = [];

  item(field: string, index: number, start: number, end: number): void {
    this.spans.push({ path: [field, index], start, end });
  }

  values(record: PartialFilm, tree: ListingNode, synopsis: LineBlock, reviews: readonly ReviewNode[]): void {
    const { header } = tree;
    this.#line(["title"], header.title);
    if (record.rating !== null) this.#line(["rating"], header.rating as LineNode);
    if (record.voteCount !== null) this.#line(["voteCount"], header.votes as LineNode);
    if (record.year !== null) this.#line(["year"], header.year as LineNode);
    if (record.runtimeMinutes !== null) this.#line(["runtimeMinutes"], header.runtime as LineNode);
    if (record.certification !== null) this.#line(["certification"], header.certification as LineNode);
    if (synopsis.end > synopsis.start)
      this.spans.push({ path: ["synopsis"], start: synopsis.start, end: synopsis.end });
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
      this.spans.push({ path: ["reviews", index, "text"], start: at + 1 + start, end: at + 1 + end });
      index++;
    }
  }

  /** A span over one whole line. */
  #line(path: FieldPath, line: LineNode): void {
    this.spans.push({ path, start: line.at, end: line.at + line.text.length });
  }
}
