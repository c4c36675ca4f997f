/**
 * `formatListing`: a Film record → listing text in the reference layout,
 * written so that `parseListing` reads the same record back.
 */

import { checkedRecord, type FieldPath, label } from "./checked-record";
import { ListingError } from "./errors";
import type { Film, FilmSchema } from "./film";
import { isCertification, isGenreShaped, LINE_SHAPES, MAX_HEADER_GENRES } from "./grammar/patterns";
import { SPACE_LIKE as SPACE_LIKE_CHARACTERS, withoutInvisible } from "./lines";
import { checkOptions } from "./options";
import { latestYearFor, type ParseOptions, safeParseListing } from "./parse";
import { isSuffixAt } from "./record/names";
import { type Vocabulary, vocabularyFor } from "./vocabulary";

/**
 * Options of {@link formatListing}: the options the text will be parsed
 * with. A release year is checked against `referenceDate`, and badges and
 * certifications against the vocabularies these options make.
 *
 * @example
 * ```ts
 * const options: FormatOptions = { referenceDate: new Date("2026-11-25") };
 * const film = parseListing("The Red Shoes\n4.3\n1948\n133 min", options);
 * // parseListing reads back what formatListing writes: the same record.
 * JSON.stringify(parseListing(formatListing(film, options), options)) === JSON.stringify(film); // true
 * ```
 *
 * @group Output
 */
export type FormatOptions = ParseOptions;

interface Problem {
  readonly path: FieldPath;
  /** Why, in plain words, without the field's name. */
  readonly why: string;
}

// The noise of the lines-and-noise rule, which a value must not hold to read back as written.
const LINE_BREAK = /[\r\n]/;
const SPACE_LIKE = /* @__PURE__ */ new RegExp(SPACE_LIKE_CHARACTERS.source);
const EDGE_SPACE = /^ | $/;

const OPENING_QUOTE = /^["“]/;
const CLOSING_QUOTE = /["”]$/;

/**
 * Renders a {@link Film} as listing text in the reference layout, so that
 * `parseListing(formatListing(film))` deep-equals `film`.
 *
 * The layout: the title; the rating; the vote count as `(398)`; every genre
 * as a header genre, one a line; the year; the runtime as `133 min`; the
 * certification; the synopsis lines; `Starring:` with the cast inline,
 * comma-separated (always written, as in the reference listing, so that the
 * synopsis never ends the region of the trailing run); `Directed by:` with the
 * directors inline when there are any (a name that is itself a suffix such
 * as `Jr.` starts a line of its own below, since a comma before it would
 * join it to the name before); the badges, one a line; `Also
 * Available On:` with the services inline; and, when there are reviews,
 * `Community Reviews` followed by each review wrapped in `"…"`. Absent
 * values are left out. The text ends with a line break.
 *
 * Its domain is every record that {@link FilmSchema} accepts and the layout
 * can express. A record it cannot write so that it reads back identically
 * is refused with a `ListingError` of code `E_UNREPRESENTABLE`, whose
 * `path` names the field (`["cast", 2]`) and whose `reason` says why:
 *
 * - a value (title, genre, certification, synopsis line, name) with a line
 *   break where the layout has none, a blank synopsis line, leading or
 *   trailing spaces, a run of spaces, a tab, a Unicode space or an invisible
 *   format character the parser drops (a zero-width character, a soft
 *   hyphen, a directional mark; a joiner joining nothing), all of which the
 *   parser cleans away;
 * - a review whose text starts or ends with white space, has a line that
 *   starts or ends with a space, or holds such noise; or that has a line
 *   ending with a quote followed by a line starting with one, which the
 *   parser splits into two reviews (a known limit of the layout);
 * - a genre that reads as a year, a runtime, a season count or a section
 *   header, or (first genre) as the absent rating or vote count; a genre
 *   that repeats another, compared case-insensitively; a genre outside the
 *   vocabulary that is not shaped like a header genre (over 40 characters,
 *   a digit, or punctuation such as `?`, `:` or `(`); an eleventh genre;
 * - a certification the parser would not recognise as one, or
 *   one that reads as a runtime when there is none;
 * - a synopsis line that is a section header, or a first synopsis line that
 *   reads as a season count, or as the absent runtime or certification;
 * - a cast, director or service name with a comma (other than before `Jr.`,
 *   `Sr.`, `II`, `III` or `IV`);
 * - a badge not spelt as in the badge vocabulary, or repeated;
 * - a year after the latest year the parser accepts (five years after the
 *   reference date), or a rating or vote count of `-0`.
 *
 * As a last guard the text is parsed again and compared with the record:
 * any other difference is refused the same way, naming the first field
 * that reads back differently.
 *
 * @param film - A record as `parseListing` returns it.
 * @param options - The options the text will be parsed with: a
 * `referenceDate` for the year bound and any added vocabulary.
 * @returns The listing text.
 * @throws {@link ListingError} `E_UNREPRESENTABLE` for a record the layout cannot
 * express; `E_INVALID` for a record {@link FilmSchema} refuses. Both carry
 * line 1, column 1, offset 0 and the field's `path`.
 * @throws `TypeError` when `film` is not an object, or `referenceDate` is
 * not a valid Date.
 *
 * @example
 * ```ts
 * const film: Film = {
 *   title: "The Red Shoes", rating: 4.3, voteCount: 398, genres: ["Drama", "Romance"],
 *   year: 1948, runtimeMinutes: 133, certification: "NR", synopsis: "A ballerina must choose.",
 *   cast: ["Moira Shearer", "Anton Walbrook"], directors: ["Michael Powell"], badges: ["AD"],
 *   availableOn: ["Max"], reviews: [{ text: "A feast." }],
 * };
 * formatListing(film);
 * // "The Red Shoes\n4.3\n(398)\nDrama\nRomance\n1948\n133 min\nNR\nA ballerina must choose.\n" +
 * // "Starring: Moira Shearer, Anton Walbrook\nDirected by: Michael Powell\nAD\n" +
 * // "Also Available On: Max\nCommunity Reviews\n\"A feast.\"\n"
 *
 * formatListing({ ...film, cast: ["Drama, Comedy"] });
 * // throws ListingError: code "E_UNREPRESENTABLE", path ["cast", 0],
 * // reason 'cast[0] "Drama, Comedy" holds a comma, which splits names …'
 * ```
 *
 * @group Output
 */
export function formatListing(film: Film, options: FormatOptions = {}): string {
  const record = checkedRecord(film, "formatListing");

  const checked = checkOptions(options);
  const vocabulary = vocabularyFor(checked);
  const problem = findProblem(record, vocabulary, latestYearFor(checked.referenceDate));
  if (problem !== undefined) throw unrepresentable(problem, valueAt(record, problem.path));

  const text = renderListing(record);
  const readBack = safeParseListing(text, options);
  // Stryker disable all: no record the rules let through is written as text that fails to parse (the
  // round-trip property checks it), so no test reaches this guard, kept for a record they would miss.
  if (!readBack.success) {
    throw unrepresentable({
      path: [],
      why: `would be written as a listing that does not parse: ${readBack.error.reason}`,
    });
  }
  // Stryker restore all
  const path = firstDifference(record, readBack.data);
  if (path !== undefined) {
    const written = valueAt(record, path);
    throw unrepresentable({ path, why: readBackDifference(written, valueAt(readBack.data, path)) }, written);
  }
  return text;
}

/**
 * The text of the reference layout, without any check (see
 * {@link formatListing}); what a refused record would have been written as.
 * Not part of the public surface.
 *
 * @example
 * ```ts
 * const film = parseListing("The Red Shoes\n1948");
 * renderListing({ ...film, cast: ["Drama, Comedy"] }); // "The Red Shoes\n1948\nStarring: Drama, Comedy\nAlso Available On:\n"
 * ```
 */
export function renderListing(film: Film): string {
  const lines: string[] = [film.title];
  if (film.rating !== null) lines.push(decimal(film.rating));
  if (film.voteCount !== null) lines.push(`(${film.voteCount})`);
  lines.push(...film.genres, String(film.year));
  if (film.runtimeMinutes !== null) lines.push(`${film.runtimeMinutes} min`);
  if (film.certification !== null) lines.push(film.certification);
  if (film.synopsis !== null) lines.push(film.synopsis);
  lines.push(...namesLines("Starring:", film.cast));
  if (film.directors.length > 0) lines.push(...namesLines("Directed by:", film.directors));
  lines.push(...film.badges, ...namesLines("Also Available On:", film.availableOn));
  if (film.reviews.length > 0) {
    lines.push("Community Reviews", ...film.reviews.map((review) => `"${review.text}"`));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A section header with its names inline, joined with `, `; a name that is
 * a suffix starts a new line, which the parser splits the same way.
 */
function namesLines(header: string, names: readonly string[]): string[] {
  const groups: string[][] = [];
  for (const name of names) {
    const last = groups.at(-1);
    // A comma before a suffix would join it to the name before.
    if (last === undefined || isSuffixAt(name, 0)) groups.push([name]);
    else last.push(name);
  }
  const [inline = "", ...below] = groups.map((group) => group.join(", "));
  return [inline.length === 0 ? header : `${header} ${inline}`, ...below];
}

/**
 * A rating as plain decimal digits, never in exponent form (`1e-7` →
 * `0.0000001`). Ratings lie in 0–5, so the only exponent `String` writes
 * is the negative one of a rating below 0.000001.
 */
function decimal(rating: number): string {
  const text = String(rating);
  const exponent = /(?<lead>\d)(?:\.(?<rest>\d+))?e-(?<power>\d+)/.exec(text)?.groups;
  if (exponent === undefined) return text;
  return `0.${"0".repeat(Number(exponent.power) - 1)}${exponent.lead}${exponent.rest ?? ""}`;
}

/** The first field, in record order, that the layout cannot express. */
function findProblem(film: Film, vocabulary: Vocabulary, latest: number): Problem | undefined {
  return (
    lineValue(["title"], film.title) ??
    negativeZero(["rating"], film.rating) ??
    negativeZero(["voteCount"], film.voteCount) ??
    genresProblem(film, vocabulary) ??
    yearProblem(film.year, latest) ??
    certificationProblem(film, vocabulary) ??
    synopsisProblem(film, vocabulary) ??
    namesProblem("cast", film.cast) ??
    namesProblem("directors", film.directors) ??
    badgesProblem(film.badges, vocabulary) ??
    namesProblem("availableOn", film.availableOn) ??
    reviewsProblem(film.reviews)
  );
}

/** A value written on a line of its own, or inline: it must survive the parser's cleaning. */
function lineValue(path: FieldPath, value: string): Problem | undefined {
  const why =
    noise(value) ?? (value.includes("  ") ? "holds a run of spaces, which the parser collapses to one" : undefined);
  return why === undefined ? undefined : { path, why };
}

function noise(value: string): string | undefined {
  if (LINE_BREAK.test(value)) return "holds a line break, where the layout has none";
  if (withoutInvisible(value) !== value) {
    return "holds an invisible character (zero-width, soft hyphen or direction mark), which the parser drops";
  }
  if (SPACE_LIKE.test(value)) return "holds a tab or a Unicode space, which the parser reads as a plain space";
  if (EDGE_SPACE.test(value)) return "starts or ends with a space, which the parser trims";
  return undefined;
}

function negativeZero(path: FieldPath, value: number | null): Problem | undefined {
  return Object.is(value, -0) ? { path, why: "is written and read back as 0" } : undefined;
}

function genresProblem(film: Film, vocabulary: Vocabulary): Problem | undefined {
  const seen = new Map<string, number>();
  for (const [index, genre] of film.genres.entries()) {
    const path = ["genres", index];
    const problem = lineValue(path, genre);
    if (problem !== undefined) return problem;
    const why = lineShape(genre) ?? firstGenreShape(film, index, genre) ?? headerGenreShape(index, genre, vocabulary);
    if (why !== undefined) return { path, why };
    const first = seen.get(genre.toLowerCase());
    if (first !== undefined) {
      return { path, why: `repeats genres[${first}]; genres are kept once, compared case-insensitively` };
    }
    seen.set(genre.toLowerCase(), index);
  }
  return undefined;
}

/** What a header genre line would be read as instead, if anything. */
function lineShape(value: string): string | undefined {
  if (LINE_SHAPES.year.test(value)) return "reads as a release year";
  if (LINE_SHAPES.runtime.test(value)) return "reads as a runtime";
  if (LINE_SHAPES.seasons.test(value)) return "reads as a season count, which marks a series";
  if (LINE_SHAPES.sectionHeader.test(value)) return "reads as a section header";
  return undefined;
}

/** Whether a genre may stand in the header: genre-shaped, and one of the first ten. */
function headerGenreShape(index: number, genre: string, vocabulary: Vocabulary): string | undefined {
  if (index >= MAX_HEADER_GENRES)
    return `is one genre too many: a listing has at most ${MAX_HEADER_GENRES} header genres`;
  if (!isGenreShaped(genre, vocabulary)) {
    return 'is not shaped like a header genre: a name outside the genre vocabulary has at most 40 characters, no digit and none of ? ! : ; | % $ # @ * = < > ( ) [ ] { } " “ ” © ® ™';
  }
  return undefined;
}

/** The first header genre follows the title when the rating or vote count is absent. */
function firstGenreShape(film: Film, index: number, genre: string): string | undefined {
  if (index !== 0 || film.voteCount !== null) return undefined;
  if (film.rating === null && LINE_SHAPES.rating.test(genre)) return "reads as the rating, which is absent";
  if (LINE_SHAPES.votes.test(genre)) return "reads as the vote count, which is absent";
  return undefined;
}

function yearProblem(year: number, latest: number): Problem | undefined {
  if (year > latest) {
    return { path: ["year"], why: `is after ${latest}, the latest year the parser accepts on the reference date` };
  }
  return LINE_SHAPES.year.test(String(year)) ? undefined : { path: ["year"], why: "is not written with four digits" };
}

function certificationProblem(film: Film, vocabulary: Vocabulary): Problem | undefined {
  const { certification } = film;
  if (certification === null) return undefined;
  const path = ["certification"];
  const problem = lineValue(path, certification);
  if (problem !== undefined) return problem;
  if (film.runtimeMinutes === null && LINE_SHAPES.runtime.test(certification)) {
    return { path, why: "reads as a runtime, which is absent" };
  }
  if (LINE_SHAPES.seasons.test(certification)) return { path, why: "reads as a season count, which marks a series" };
  if (!isCertification(certification, film.genres, vocabulary)) {
    return {
      path,
      why:
        "is not read as a certification: it must be one of the vocabulary, or one short token of letters, digits, " +
        "+, - and / with a digit or in capitals that is not a genre, a badge or a section header",
    };
  }
  return undefined;
}

function synopsisProblem(film: Film, vocabulary: Vocabulary): Problem | undefined {
  if (film.synopsis === null) return undefined;
  const path = ["synopsis"];
  const lines = film.synopsis.split("\n");
  for (const [index, line] of lines.entries()) {
    const where = `line ${index + 1}`;
    if (line === "") return { path, why: `${where} is blank, and the parser drops blank lines` };
    const why =
      noise(line) ?? (line.includes("  ") ? "holds a run of spaces, which the parser collapses to one" : undefined);
    if (why !== undefined) return { path, why: `${where} ${why}` };
    if (LINE_SHAPES.sectionHeader.test(line)) return { path, why: `${where} reads as a section header` };
  }
  const first = lines[0] as string;
  if (LINE_SHAPES.seasons.test(first)) return { path, why: "line 1 reads as a season count, which marks a series" };
  if (film.runtimeMinutes === null && film.certification === null && LINE_SHAPES.runtime.test(first)) {
    return { path, why: "line 1 reads as a runtime, which is absent" };
  }
  if (film.certification === null && isCertification(first, film.genres, vocabulary)) {
    return { path, why: "line 1 reads as a certification, which is absent" };
  }
  return undefined;
}

/** Names are written after their header, joined with `, `. */
function namesProblem(field: "cast" | "directors" | "availableOn", names: readonly string[]): Problem | undefined {
  for (const [index, name] of names.entries()) {
    const path = [field, index];
    const problem = lineValue(path, name);
    if (problem !== undefined) return problem;
    for (let comma = name.indexOf(","); comma !== -1; comma = name.indexOf(",", comma + 1)) {
      if (!isSuffixAt(name, comma + 1)) {
        return {
          path,
          why: "holds a comma, which splits names (only a comma before Jr., Sr., II, III or IV does not)",
        };
      }
    }
  }
  return undefined;
}

function badgesProblem(badges: readonly string[], vocabulary: Vocabulary): Problem | undefined {
  const seen = new Map<string, number>();
  for (const [index, badge] of badges.entries()) {
    const path = ["badges", index];
    const spelling = vocabulary.badges.get(badge.toLowerCase());
    if (spelling === undefined) return { path, why: "is not in the badge vocabulary" };
    if (spelling !== badge) return { path, why: `is spelt ${show(spelling)} in the badge vocabulary` };
    const first = seen.get(spelling);
    if (first !== undefined) return { path, why: `repeats badges[${first}]; badges are kept once` };
    seen.set(spelling, index);
  }
  return undefined;
}

function reviewsProblem(reviews: Film["reviews"]): Problem | undefined {
  for (const [index, { text }] of reviews.entries()) {
    const path = ["reviews", index, "text"];
    if (text !== text.trim()) {
      return { path, why: "starts or ends with white space or a blank line, which the parser trims" };
    }
    const lines = text.split("\n");
    for (const [number, line] of lines.entries()) {
      const why = noise(line);
      if (why !== undefined) return { path, why: `line ${number + 1} ${why}` };
    }
    const split = knownLimit(lines);
    if (split !== undefined) {
      return {
        path,
        why:
          `line ${split} ends with a quote and the next non-blank line starts with one, ` +
          "where the parser ends the review and opens another (a known limit of the layout)",
      };
    }
  }
  return undefined;
}

/** The 1-based line that would close the review early, if any. */
function knownLimit(lines: readonly string[]): number | undefined {
  let closing: number | undefined;
  for (const [index, line] of lines.entries()) {
    if (line === "") continue;
    if (closing !== undefined && OPENING_QUOTE.test(line)) return closing + 1;
    closing = CLOSING_QUOTE.test(line) ? index : undefined;
  }
  return undefined;
}

/**
 * The path of the first value that differs, in record order, or `undefined`
 * when none does. Both are records of {@link FilmSchema}'s shape, so an
 * object or a list on one side is one on the other, but past the end of the
 * shorter list, where the other side's value is `undefined`.
 */
function firstDifference(expected: unknown, actual: unknown, path: FieldPath = []): FieldPath | undefined {
  if (Object.is(expected, actual)) return undefined;
  // A string, a number, null, or undefined past the end of a list: compared as a whole.
  if (Object(expected) !== expected) return path;
  const left = expected as Record<string, unknown>;
  // Past the end of a list of reviews, the read-back has none: no keys, and each value undefined.
  const right = Object(actual) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const found = firstDifference(left[key], right[key], [...path, Array.isArray(expected) ? Number(key) : key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** How a value reads back, in words: `written` and `read` are the two sides at the path that differs. */
function readBackDifference(written: unknown, read: unknown): string {
  const how = read === undefined ? "not read back at all" : `read back as ${show(read)}`;
  return `would ${how}${written === undefined ? ", which the record does not have" : ""}`;
}

/** The value at `path`, or `undefined` where the path leads past what `value` holds. */
function valueAt(value: unknown, path: FieldPath): unknown {
  return path.reduce<unknown>((current, key) => (Object(current) as Record<string | number, unknown>)[key], value);
}

const SHOWN_LENGTH = 60;

function show(value: unknown): string {
  // JSON writes -0 as 0.
  const text = Object.is(value, -0) ? "-0" : (JSON.stringify(value) ?? String(value));
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}

/** The refusal of a record at `problem.path`, showing the value the record has there, if any. */
function unrepresentable(problem: Problem, written?: unknown): ListingError {
  const value = written === undefined ? "" : ` ${show(written)}`;
  return new ListingError({
    code: "E_UNREPRESENTABLE",
    reason: `${label(problem.path)}${value} ${problem.why}`,
    line: 1,
    column: 1,
    offset: 0,
    path: problem.path,
  });
}
