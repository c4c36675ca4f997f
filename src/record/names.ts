/**
 * Names: the section lines split at commas (a comma before a suffix such
 * as `Jr.` does not split), and lists of names kept once. The printer
 * reads the suffix rule here too, so that it writes what this splits.
 *
 * Equivalent mutants, marked "shortcut": the look at a suffix's initial
 * before its expression, the step over a run of commas (each would give an
 * empty name, dropped), and when {@link UniqueNames} starts its set. Each
 * changes the cost, not the names.
 */

import { collapseSpaces } from "../grammar/patterns";
import type { ListField, SpanSink } from "./spans";

/**
 * What follows a comma that does not split names, up to the next comma or
 * the end: a suffix (`Sammy Davis, Jr.` is one name).
 */
const SUFFIX_AFTER_COMMA = / *(?:Jr\.?|Sr\.?|II|III|IV) *(?:,|$)/y;
/** The first letters of the suffixes: J, S, I. */
const SUFFIX_INITIALS = new Set([74, 83, 73]);

const SPACE = 32;

/** Whether a suffix (after any spaces) runs from `at` to the next comma or the end of `text`. */
export function isSuffixAt(text: string, at: number): boolean {
  let initial = at;
  while (text.charCodeAt(initial) === SPACE) initial++;
  // Most commas are followed by no suffix at all: look at the initial first.
  // Stryker disable next-line ConditionalExpression: shortcut
  if (!SUFFIX_INITIALS.has(text.charCodeAt(initial))) return false;
  SUFFIX_AFTER_COMMA.lastIndex = at;
  return SUFFIX_AFTER_COMMA.test(text);
}

/**
 * The index of the first comma from `from` on that splits names, or the
 * end. Each comma is looked at once: a lookahead for the suffix and the
 * comma after it would read a list of suffixes again at every comma.
 */
function nextSeparator(text: string, from: number): number {
  for (let comma = text.indexOf(",", from); comma !== -1; comma = text.indexOf(",", comma + 1)) {
    if (!isSuffixAt(text, comma + 1)) return comma;
  }
  return text.length;
}

/** The names of one list section, line by line. */
export class SectionNames {
  readonly names: string[] = [];
  readonly #field: ListField;
  readonly #spans: SpanSink;

  constructor(field: ListField, spans: SpanSink) {
    this.#field = field;
    this.#spans = spans;
  }

  /**
   * Adds the names of one line (`text`, starting at clean offset `at`),
   * split at commas, each trimmed with its spaces collapsed.
   */
  addLine(text: string, at: number): void {
    const { names } = this;
    for (let from = 0; ; ) {
      const to = nextSeparator(text, from);
      // Each walk stops by itself: at `to`, a comma or the end, and at the
      // name's first character.
      let start = from;
      while (text.charCodeAt(start) === SPACE) start++;
      if (start < to) {
        let end = to;
        while (text.charCodeAt(end - 1) === SPACE) end--;
        this.#spans.item(this.#field, names.length, at + start, at + end);
        names.push(collapseSpaces(text.slice(start, end)));
      }
      if (to === text.length) return;
      from = to + 1;
      // A run of commas holds only empty names, which are dropped: all but its
      // last comma are stepped over at once (the last may come before a suffix).
      // Stryker disable next-line ConditionalExpression: shortcut
      while (text.startsWith(",,", from)) from++;
    }
  }
}

/** How many names {@link UniqueNames} scans before it keeps a set. */
const SCANNED_NAMES = 16;

/**
 * Names without repeats, compared case-insensitively, first spelling kept.
 * A handful of names are scanned, which beats a set; past that a set of
 * their keys is made, so that thousands of names cost thousands of steps,
 * not millions.
 */
export class UniqueNames {
  readonly names: string[] = [];
  /** The keys so far, made with the first. */
  #keys: string[] | undefined;
  #set: Set<string> | undefined;

  /** Adds `name` unless it is a repeat; whether it was added. `key` is its lower case, when known. */
  add(name: string, key = name.toLowerCase()): boolean {
    const keys = this.#keys;
    if (keys === undefined) {
      this.#keys = [key];
    } else if (this.#set === undefined) {
      if (keys.includes(key)) return false;
      keys.push(key);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: shortcut
      if (keys.length > SCANNED_NAMES) this.#set = new Set(keys);
    } else {
      if (this.#set.has(key)) return false;
      this.#set.add(key);
    }
    this.names.push(name);
    return true;
  }
}
