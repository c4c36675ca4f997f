/**
 * The issues an inspection keeps: the first `limit` in text order, and the
 * one that names the error, however many a text holds. The rest are only
 * counted, so that memory is bounded by the limit, not by the text.
 */

import { IssueRank, type RecordIssue } from "./record/issues";

/** An issue and the order it was noted in, which breaks ties of position. */
interface Noted {
  readonly issue: RecordIssue;
  readonly order: number;
}

/** Whether `a` comes after `b` in text order. */
const after = (a: Noted, b: Noted): boolean =>
  a.issue.at > b.issue.at || (a.issue.at === b.issue.at && a.order > b.order);

export class KeptIssues {
  readonly limit: number;
  /** How many issues were noted and not kept. */
  dropped = 0;
  /** The kept issues, as a heap whose top is the last in text order. */
  readonly #heap: Noted[] = [];
  #noted = 0;
  /** The first issue of the lowest rank: the one that names the error. */
  #first: Noted | undefined;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Notes an issue; issues of equal position keep the order they were noted in. */
  push(issue: RecordIssue): void {
    const noted = { issue, order: this.#noted++ };
    // Stryker disable next-line EqualityOperator: an issue of equal rank noted later never names the error
    if (issue.rank < (this.#first?.issue.rank ?? IssueRank.warning)) this.#first = noted;
    const heap = this.#heap;
    if (heap.length < this.limit) {
      heap.push(noted);
      this.#up(heap.length - 1);
      return;
    }
    this.dropped++;
    // The common case: issues come in text order, each after every kept one.
    const top = heap[0];
    if (top === undefined || !after(top, noted)) return;
    heap[0] = noted;
    this.#down(0);
  }

  /**
   * Counts `count` issues of `rank` from `at` on that {@link push} would
   * drop, without their being made; whether it did.
   */
  skips(rank: IssueRank, at: number, count: number): boolean {
    const top = this.#heap[0];
    if (this.#heap.length < this.limit || top === undefined || top.issue.at > at) return false;
    if (rank < (this.#first?.issue.rank ?? IssueRank.warning)) return false;
    this.#noted += count;
    this.dropped += count;
    return true;
  }

  /** The issue that names the error: the first noted of the lowest rank (warnings never). */
  first(): RecordIssue | undefined {
    return this.#first?.issue;
  }

  /**
   * The kept issues in text order, with the one that names the error after
   * them when it was not kept; and how many others were not kept.
   */
  result(): { readonly issues: RecordIssue[]; readonly more: number } {
    const kept = this.#heap.slice().sort((a, b) => a.issue.at - b.issue.at || a.order - b.order);
    const first = this.#first;
    if (first === undefined || this.dropped === 0 || this.#heap.includes(first)) {
      return { issues: kept.map((noted) => noted.issue), more: this.dropped };
    }
    kept.push(first);
    return { issues: kept.map((noted) => noted.issue), more: this.dropped - 1 };
  }

  #up(index: number): void {
    const heap = this.#heap;
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!after(heap[child] as Noted, heap[parent] as Noted)) break;
      [heap[child], heap[parent]] = [heap[parent] as Noted, heap[child] as Noted];
      child = parent;
    }
  }

  #down(index: number): void {
    const heap = this.#heap;
    let parent = index;
    for (;;) {
      let last = parent;
      for (const child of [2 * parent + 1, 2 * parent + 2]) {
        if (child < heap.length && after(heap[child] as Noted, heap[last] as Noted)) last = child;
      }
      if (last === parent) return;
      [heap[last], heap[parent]] = [heap[parent] as Noted, heap[last] as Noted];
      parent = last;
    }
  }
}
