/**
 * Hints: advice on an issue whose cause is not where its line suggests. The
 * header stops at a line that is no year when that line holds several
 * header values side by side (`4.4 (1.2K)`, `1948 · 133 min · NR`), or when
 * the text is a whole page's, navigation first, with the listing further
 * down. Both read the clean text on their own, apart from the grammar.
 */

import type { ListingIssueCode } from "./errors";
import { lineEnd } from "./grammar/patterns";
import { CERTIFICATIONS, DEFAULT_VOCABULARY } from "./vocabulary";

/**
 * The advice for an issue of `code` at clean offset `at`, or `undefined`.
 * Only a header that stops before its year gets one: the listing has no
 * other line on which a misplaced value or a page's menu would stop it.
 */
export function hintFor(code: ListingIssueCode, at: number, clean: string): string | undefined {
  if (code !== "E_MISSING_YEAR" || at >= clean.length) return undefined;
  return severalValues(lineAt(clean, at)) ?? listingFurtherDown(clean, at);
}

/** The names of the header values, as a hint lists them. */
const VALUE_NAMES = {
  rating: "a rating",
  votes: "a vote count",
  year: "a year",
  runtime: "a runtime",
  certification: "a certification",
} as const;

type ValueKind = keyof typeof VALUE_NAMES;

/**
 * One header value at the start of the rest of a line, each kind its group.
 * The runtime comes before the rating and the year, which its digits would
 * otherwise be read as; the rating refuses four digits, a year's.
 */
const HEADER_VALUE =
  /(?:(?<runtime>\d+ ?(?:h|hrs?|hours?)(?: ?\d+ ?(?:m|mins?|minutes?))?|\d+ ?(?:m|mins?|minutes?))|(?<votes>\( ?\d[\d,.]* ?[km]? ?\))|(?<year>\d{4})|(?<rating>\d+(?:\.\d+)?))(?![\w.])/iy;

/** What may stand between two values on one line: spaces and the separators pages print. */
const SEPARATOR = /[ ·•|,/–—-]*/y;

/**
 * The hint for a line made only of header values of two kinds or more,
 * which the layout puts on lines of their own: `4.4 (1.2K)` is a rating and
 * a vote count.
 */
function severalValues(line: string): string | undefined {
  const kinds = new Set<ValueKind>();
  let index = 0;
  while (index < line.length) {
    SEPARATOR.lastIndex = index;
    SEPARATOR.test(line);
    index = SEPARATOR.lastIndex;
    if (index === line.length) break;
    const kind = valueAt(line, index);
    if (kind === undefined) return undefined;
    kinds.add(kind.kind);
    index = kind.end;
  }
  if (kinds.size < 2) return undefined;
  const names = [...kinds].map((kind) => VALUE_NAMES[kind]);
  return `this line holds ${listed(names)} together: a listing has each header value on a line of its own`;
}

/** The header value that starts at `index` of `line`, and where it ends. */
function valueAt(line: string, index: number): { kind: ValueKind; end: number } | undefined {
  HEADER_VALUE.lastIndex = index;
  const match = HEADER_VALUE.exec(line);
  if (match !== null) {
    const groups = match.groups as Record<ValueKind, string | undefined>;
    const kind = (Object.keys(VALUE_NAMES) as ValueKind[]).find((name) => groups[name] !== undefined);
    // Stryker disable next-line ConditionalExpression: one group of HEADER_VALUE always matched
    if (kind !== undefined) return { kind, end: HEADER_VALUE.lastIndex };
  }
  const word = /[^ ·•|,/–—]+/y;
  word.lastIndex = index;
  const certification = word.exec(line)?.[0];
  if (certification !== undefined && CERTIFICATION_NAMES.has(certification)) {
    return { kind: "certification", end: index + certification.length };
  }
  return undefined;
}

const CERTIFICATION_NAMES: ReadonlySet<string> = /* @__PURE__ */ new Set(CERTIFICATIONS);

/** `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** A header never holds more lines between its title and its year than this: rating, votes and ten genres. */
const MOST_LINES_BEFORE_YEAR = 12;

/**
 * The hint for a page's whole text: a header (a title, then a rating, a
 * vote count or known genres, then a year) further down, after at least
 * two other lines, such as a menu's, and before any rating or vote count.
 * One stray line after a title is more likely a misplaced value than a
 * page.
 *
 * One walk forward over the lines, none of them kept: the text may be
 * megabytes of short lines, and an array of them would cost several times
 * its size. A title found above a year stands after the two first non-blank
 * lines were seen, and a rating or vote count after it does not matter.
 */
function listingFurtherDown(clean: string, at: number): string | undefined {
  const stopped = lineNumberAt(clean, at) - 1;
  let first = -1;
  let second = -1;
  let firstValue = -1;
  for (let line = 0, start = 0; start <= clean.length; line++) {
    const end = lineEnd(clean, start);
    if (end > start) {
      if (first === -1) first = line;
      else if (second === -1) second = line;
      if (firstValue === -1 && (matchesLine(RATING_LINE, clean, start) || matchesLine(VOTES_LINE, clean, start))) {
        firstValue = line;
      }
      if (line >= stopped && matchesLine(YEAR_LINE, clean, start)) {
        const title = titleAbove(clean, line, start);
        if (
          title !== undefined &&
          second !== -1 &&
          title.line > second &&
          (firstValue === -1 || title.line < firstValue)
        ) {
          return `the listing seems to start at line ${title.line + 1} (${JSON.stringify(title.text)}), after other text such as a page's navigation: pass the text of the listing's element, not the whole page's`;
        }
      }
    }
    start = end + 1;
  }
  return undefined;
}

/**
 * The title line of a header whose year is line `year` (starting at clean
 * offset `yearStart`): above it, known genres, then at most a vote count
 * and a rating, at least one of them, then a title that is no header value
 * itself.
 */
function titleAbove(clean: string, year: number, yearStart: number): { line: number; text: string } | undefined {
  const stop = Math.max(-1, year - 1 - MOST_LINES_BEFORE_YEAR);
  let index = year - 1;
  // The bounds of line `index`.
  let end = yearStart - 1;
  let start = lineStartBefore(clean, end);
  const up = () => {
    index--;
    end = start - 1;
    start = lineStartBefore(clean, end);
  };
  let values = 0;
  const skip = (test: (start: number, end: number) => boolean, most: number): void => {
    for (let taken = 0; index > stop && taken < most; up()) {
      if (end === start) continue;
      if (!test(start, end)) return;
      taken++;
      values++;
    }
  };
  skip((from, to) => DEFAULT_VOCABULARY.genres.has(clean.slice(from, to).toLowerCase()), MOST_LINES_BEFORE_YEAR);
  skip((from) => matchesLine(VOTES_LINE, clean, from), 1);
  skip((from) => matchesLine(RATING_LINE, clean, from), 1);
  while (index > stop && end === start) up();
  if (values === 0 || index <= stop) return undefined;
  const title = clean.slice(start, end);
  return valueAt(title, 0)?.end === title.length ? undefined : { line: index, text: title };
}

/** Whether the clean line starting at `start` is a whole match of `pattern`. */
function matchesLine(pattern: RegExp, clean: string, start: number): boolean {
  pattern.lastIndex = start;
  return pattern.test(clean);
}

/** Where the clean line that ends at `end` starts (0 for the first line, and above it). */
function lineStartBefore(clean: string, end: number): number {
  // lastIndexOf reads a negative index as 0, which may hold a line break.
  return end <= 0 ? 0 : clean.lastIndexOf("\n", end - 1) + 1;
}

// Whole clean lines: each is tried at a line's start, and ends at its end.
const YEAR_LINE = /\d{4}(?![^\n])/y;
const VOTES_LINE = /\( ?\d[\d,.]* ?[km]? ?\)(?![^\n])/iy;
const RATING_LINE = /\d(?:\.\d+)?(?![^\n])/y;

/** The clean line that holds offset `at`. */
function lineAt(clean: string, at: number): string {
  return clean.slice(lineStartBefore(clean, at), lineEnd(clean, at));
}

/** The 1-based number of the line that holds clean offset `at`: line breaks are those of the original text. */
function lineNumberAt(clean: string, at: number): number {
  let number = 1;
  for (let index = clean.indexOf("\n"); index !== -1 && index < at; index = clean.indexOf("\n", index + 1)) number++;
  return number;
}
