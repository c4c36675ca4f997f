/**
 * Where each value of the record was read, in clean-text offsets. Only an
 * inspection asks: a parse passes {@link NO_SPANS}, and an app that only
 * parses does not bundle {@link SpanList}.
 */

import type { FieldPath } from "../checked-record";
import type { LineBlock, LineNode, ListingNode } from "../grammar/tree";
import type { PartialFilm } from "./build";

/** The lists whose items have a span each. */
export type ListField = "genres" | "cast" | "directors" | "badges" | "availableOn";

/** What the record builder tells of where it read each value. */
export interface SpanSink {
  /** A list's item, `field[index]`, read from `start` to `end`. */
  item(field: ListField, index: number, start: number, end: number): void;
  /** The text of the record's review `index`, read from `start` to `end`. */
  review(index: number, start: number, end: number): void;
  /** The spans of the values read from one line or a block of lines, once the record is made. */
  values(record: PartialFilm, tree: ListingNode, synopsis: LineBlock): void;
}

/** The sink of a reading that asks for no spans. */
export const NO_SPANS: SpanSink = { item() {}, review() {}, values() {} };

/**
 * The fields, whose index in this list is a span's kind: a value read from
 * one line (the header's, in their order) or from a block, a list's item
 * (from `genres` on), or a review's text. A span's path is kept as its
 * kind until the span is placed, as a list may hold hundreds of thousands
 * of items.
 */
const FIELDS = [
  "title",
  "rating",
  "voteCount",
  "year",
  "runtimeMinutes",
  "certification",
  "synopsis",
  "genres",
  "cast",
  "directors",
  "badges",
  "availableOn",
  "reviews",
] as const;
const SYNOPSIS = /* @__PURE__ */ FIELDS.indexOf("synopsis");
const FIRST_LIST = /* @__PURE__ */ FIELDS.indexOf("genres");
const REVIEW = /* @__PURE__ */ FIELDS.indexOf("reviews");

/** The numbers kept of each span: its kind, its index in a list, its start and its end. */
const STRIDE = 4;

/**
 * The spans of an inspection, in the order they were read: four numbers a
 * span in one typed array, which grows by doubling, rather than an object
 * and a path each.
 */
export class SpanList implements SpanSink {
  // Stryker disable next-line ArithmeticOperator: capacity; it grows as needed
  #data = new Int32Array(16 * STRIDE);
  #length = 0;

  /** How many spans were told. */
  get length(): number {
    return this.#length;
  }

  item(field: ListField, index: number, start: number, end: number): void {
    this.#push(FIELDS.indexOf(field), index, start, end);
  }

  review(index: number, start: number, end: number): void {
    this.#push(REVIEW, index, start, end);
  }

  values(record: PartialFilm, tree: ListingNode, synopsis: LineBlock): void {
    const { header } = tree;
    const lines = [header.title, header.rating, header.votes, header.year, header.runtime, header.certification];
    lines.forEach((line, kind) => {
      // A value the record refused, or the line does not hold, is null.
      if (record[FIELDS[kind] as keyof PartialFilm] !== null) {
        const { at, text } = line as LineNode;
        this.#push(kind, 0, at, at + text.length);
      }
    });
    if (synopsis.end > synopsis.start) this.#push(SYNOPSIS, 0, synopsis.start, synopsis.end);
  }

  /** Where span `index` starts. */
  start(index: number): number {
    return this.#data[index * STRIDE + 2] as number;
  }

  /** Where span `index` ends. */
  end(index: number): number {
    return this.#data[index * STRIDE + 3] as number;
  }

  /** The path of span `index`: a new array each time, which the caller owns. */
  path(index: number): FieldPath {
    const kind = this.#data[index * STRIDE] as number;
    const field = FIELDS[kind] as string;
    if (kind < FIRST_LIST) return [field];
    const item = this.#data[index * STRIDE + 1] as number;
    return kind === REVIEW ? [field, item, "text"] : [field, item];
  }

  #push(kind: number, index: number, start: number, end: number): void {
    let data = this.#data;
    const at = this.#length * STRIDE;
    if (at === data.length) {
      data = new Int32Array(at * 2);
      data.set(this.#data);
      this.#data = data;
    }
    data[at] = kind;
    data[at + 1] = index;
    data[at + 2] = start;
    data[at + 3] = end;
    this.#length++;
  }
}
