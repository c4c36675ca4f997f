import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { inspectListing, parseListing, safeParseListing } from "../src/index";
import { inspectText } from "../src/inspect";
import { setupFor } from "../src/options";
import { referenceDate } from "./support/film";

const INSPECT = join(import.meta.dirname, "..", "fixtures", "inspect");
/** Fixtures are checked against a fixed day, so that year bounds never drift. */
const options = { referenceDate };

const slugs = readdirSync(INSPECT)
  .filter((name) => name.endsWith(".txt"))
  .map((name) => name.slice(0, -".txt".length))
  .sort();

describe("inspection fixtures", () => {
  test.each(slugs)("inspect/%s.txt inspects to the film and issues of its .json", (slug) => {
    const text = readFileSync(join(INSPECT, `${slug}.txt`), "utf8");
    const expected = readFileSync(join(INSPECT, `${slug}.json`), "utf8");
    const { film, issues } = inspectListing(text, options);
    // Compared as text, so that key order counts too.
    expect(`${JSON.stringify({ film, issues }, null, 2)}\n`).toBe(expected);
  });

  test.each(slugs)("inspect/%s.txt fails parseListing exactly when it has an error issue", (slug) => {
    const text = readFileSync(join(INSPECT, `${slug}.txt`), "utf8");
    const { film, issues } = inspectListing(text, options);
    const result = safeParseListing(text, options);
    if (result.success) {
      expect(issues.every((issue) => issue.severity === "warning")).toBe(true);
      expect(result.data).toStrictEqual(film);
    } else {
      expect(result.error.issues).toStrictEqual(issues);
    }
  });

  test("covers the recovery of every error code a text can have, and both warnings", () => {
    const codes = new Set(
      slugs.flatMap((slug) =>
        inspectListing(readFileSync(join(INSPECT, `${slug}.txt`), "utf8"), options).issues.map((issue) => issue.code),
      ),
    );
    expect([...codes].sort()).toEqual(
      [
        "E_DUPLICATE_SECTION",
        "E_EMPTY",
        "E_INVALID",
        "E_MISSING_YEAR",
        "E_REVIEW_START",
        "E_SECTION_ORDER",
        "E_SERIES",
        "E_UNTERMINATED_REVIEW",
        "W_CERTIFICATION_SHAPE",
        "W_UNKNOWN_GENRE",
      ].sort(),
    );
  });

  test("a real page of another layout is refused by parseListing, and inspection reads no year from it", () => {
    const text = readFileSync(join(INSPECT, "real-pluto-tv-film-page.txt"), "utf8");
    expect(() => parseListing(text, options)).toThrow(
      expect.objectContaining({ code: "E_MISSING_YEAR", line: 9, column: 1 }),
    );
    expect(inspectListing(text, options).film.year).toBeNull();
  });
});

const inspect = (lines: readonly string[]) => inspectListing(lines.join("\n"), options);
const codesAt = (lines: readonly string[]) =>
  inspect(lines).issues.map((issue) => `${issue.code} ${issue.line}:${issue.column}`);

describe("recovery", () => {
  test("skips every line after the reviews header up to the one that opens a review, with one issue", () => {
    const lines = ["T", "1948", "Community Reviews", "Read more", "", "Show spoilers", "“Sharp.”", '"Fun."'];
    const { film, issues } = inspect(lines);
    expect(film.reviews).toEqual([{ text: "Sharp." }, { text: "Fun." }]);
    expect(issues.map((issue) => [issue.code, issue.line, issue.end.line, issue.end.column])).toEqual([
      ["E_REVIEW_START", 4, 4, 10],
    ]);
  });

  test("leaves out an unterminated review that holds no text, with no second issue", () => {
    const { film, issues } = inspect(["T", "1948", "Community Reviews", '"Fine."', '"']);
    expect(film.reviews).toEqual([{ text: "Fine." }]);
    expect(issues.map((issue) => issue.code)).toEqual(["E_UNTERMINATED_REVIEW"]);
  });

  test("leaves out only the last review when it is unterminated and holds no text", () => {
    const { film, issues } = inspect(["T", "1948", "Community Reviews", '"One."', '"Two."', '"  ']);
    expect(film.reviews).toEqual([{ text: "One." }, { text: "Two." }]);
    expect(issues.map((issue) => [issue.code, issue.line])).toEqual([["E_UNTERMINATED_REVIEW", 6]]);
  });

  test("tells of an empty last review after a skipped line: only an unterminated one is left out", () => {
    const { film, issues } = inspect(["T", "1948", "Community Reviews", "Read more", '"One."', '"  "']);
    expect(film.reviews).toEqual([{ text: "One." }]);
    expect(issues.map((issue) => [issue.code, issue.line, issue.path])).toEqual([
      ["E_REVIEW_START", 4, undefined],
      ["E_INVALID", 6, ["reviews", 1, "text"]],
    ]);
  });

  test("leaves a refused vote count out of the record and keeps the other values", () => {
    const { film, issues } = inspect(["T", "4.3", "(2.5)", "1948", "90 min"]);
    expect([film.rating, film.voteCount, film.year, film.runtimeMinutes]).toEqual([4.3, null, 1948, 90]);
    expect(issues).toStrictEqual([
      {
        code: "E_INVALID",
        severity: "error",
        line: 3,
        column: 1,
        offset: 6,
        end: { line: 3, column: 6, offset: 11 },
        reason: "vote count (2.5) is not a whole number",
        message: "line 3, column 1: vote count (2.5) is not a whole number",
        path: ["voteCount"],
      },
    ]);
  });

  test("a syntax issue has expected and found, and no path", () => {
    expect(inspect(["T", "Drama", "133 min"]).issues).toStrictEqual([
      {
        code: "E_MISSING_YEAR",
        severity: "error",
        line: 3,
        column: 1,
        offset: 8,
        end: { line: 3, column: 8, offset: 15 },
        reason: 'expected a year like 1948, found "133 min"',
        message: 'line 3, column 1: expected a year like 1948, found "133 min"',
        expected: ["a year like 1948"],
        found: "133 min",
      },
    ]);
  });

  test.each([
    ["blank lines", ['"', "", "", ""]],
    ["spaces", ['"   ']],
  ])("leaves out an unterminated review that holds only %s, with no second issue", (_, review) => {
    const { film, issues } = inspect(["T", "1948", "Community Reviews", '"Fine."', ...review]);
    expect(film.reviews).toEqual([{ text: "Fine." }]);
    expect(issues.map((issue) => [issue.code, issue.line])).toEqual([["E_UNTERMINATED_REVIEW", 5]]);
  });

  test("keeps an unterminated review that holds text, after its blank lines", () => {
    const { film, issues } = inspect(["T", "1948", "Community Reviews", '"Fine.', "", "Really."]);
    expect(film.reviews).toEqual([{ text: "Fine.\n\nReally." }]);
    expect(issues.map((issue) => [issue.code, issue.line, issue.end.line, issue.end.column])).toEqual([
      ["E_UNTERMINATED_REVIEW", 4, 6, 8],
    ]);
  });

  test("names the grammar's first problem as the error, though a section problem comes first in the text", () => {
    const lines = ["T", "1948", "Directed by: A", "Starring: B", "Community Reviews", "Oops", '"Fine."'];
    expect(codesAt(lines)).toEqual(["E_SECTION_ORDER 4:1", "E_REVIEW_START 6:1"]);
    const result = safeParseListing(lines.join("\n"), options);
    expect(result.error?.code).toBe("E_REVIEW_START");
    expect(result.error?.issues.map((issue) => issue.code)).toEqual(["E_SECTION_ORDER", "E_REVIEW_START"]);
  });

  test("names the first section problem before any value out of range", () => {
    const lines = ["T", "9.5", "1948", "Directed by: A", "Starring: B", "Starring: C"];
    expect(codesAt(lines)).toEqual(["E_INVALID 2:1", "E_SECTION_ORDER 5:1", "E_DUPLICATE_SECTION 6:1"]);
    expect(safeParseListing(lines.join("\n"), options).error?.code).toBe("E_SECTION_ORDER");
  });

  test("reads a section after two out of order as out of order too", () => {
    const lines = ["T", "1948", "Also Available On: X", "Starring: B", "Directed by: A"];
    expect(codesAt(lines)).toEqual(["E_SECTION_ORDER 4:1", "E_SECTION_ORDER 5:1"]);
    expect(inspect(lines).film).toMatchObject({ cast: ["B"], directors: ["A"], availableOn: ["X"] });
  });

  test("a missing year leaves the other values' issues in place", () => {
    const { film, issues } = inspect(["T", "7.5", "(12.5)", "Drama"]);
    expect(issues.map((issue) => [issue.code, issue.path, issue.line])).toEqual([
      ["E_INVALID", ["rating"], 2],
      ["E_INVALID", ["voteCount"], 3],
      ["E_MISSING_YEAR", undefined, 4],
    ]);
    expect(film).toMatchObject({ rating: null, voteCount: null, genres: ["Drama"], year: null });
  });

  test("a missing year lets the stopping line be read as the certification", () => {
    const { film, issues } = inspect(["T", "Drama", "Starring", "x"]);
    expect(issues.map((issue) => issue.code)).toEqual(["E_MISSING_YEAR"]);
    expect(film).toMatchObject({ genres: ["Drama"], year: null, cast: ["x"], synopsis: null });
    // "Drama" after it ends the region of the trailing run: a detail genre, not the synopsis.
    expect(inspect(["T", "PG-13", "Drama"]).film).toMatchObject({
      year: null,
      certification: "PG-13",
      genres: ["Drama"],
      synopsis: null,
    });
  });

  test("lists each empty review after the first with its own line, end and path, through noise", () => {
    const text = 'T\r\n1948\r\nCommunity Reviews\r\n""\r\n\u00A0""\u00A0\r\nnot a review\r\n""\r\n"Fine."\r\n""\r\n""';
    const empty = (line: number, offset: number, index: number) => ({
      code: "E_INVALID",
      severity: "error",
      line,
      column: 1,
      offset,
      end: { line, column: 3, offset: offset + 2 },
      reason: "review is empty",
      message: `line ${line}, column 1: review is empty`,
      path: ["reviews", index, "text"],
    });
    const inspection = inspectListing(text, options);
    expect(inspection.issues).toEqual([empty(4, 28, 0), empty(9, 65, 3), empty(10, 69, 4)]);
    expect(inspection.film.reviews).toEqual([{ text: '"\nnot a review\n"' }, { text: "Fine." }]);
    const result = safeParseListing(text, options);
    expect(result.success || result.error.issues).toEqual(inspection.issues);
    expect(result.success || [result.error.line, result.error.column]).toEqual([4, 1]);
  });

  test("an invalid option is still a TypeError", () => {
    const referenceDate = new Date(Number.NaN);
    expect(() => inspectListing("T\n1948", { referenceDate })).toThrow(TypeError);
    expect(() => safeParseListing("T\n1948", { referenceDate })).toThrow(TypeError);
  });
});

describe("warnings", () => {
  test("flag header genres outside the vocabulary once each, and no vocabulary genre in any case", () => {
    const { issues } = inspect(["T", "drama", "Dance", "dance", "Ballet", "1948"]);
    expect(issues.map((issue) => [issue.code, issue.line, issue.path])).toEqual([
      ["W_UNKNOWN_GENRE", 3, ["genres", 1]],
      ["W_UNKNOWN_GENRE", 5, ["genres", 2]],
    ]);
  });

  test("do not flag a genre the options add, nor a certification of the vocabulary in any case", () => {
    expect(inspectListing("T\nDance\n1948\ntv-ma", { ...options, genres: ["Dance"] }).issues).toEqual([]);
    expect(inspectListing("T\n1948\nTous publics", { ...options, certifications: ["Tous Publics"] }).issues).toEqual(
      [],
    );
  });

  test("flag a certification read by its shape, with the line as its end", () => {
    const [warning] = inspect(["T", "1948", "MA15+"]).issues;
    expect(warning).toStrictEqual({
      code: "W_CERTIFICATION_SHAPE",
      severity: "warning",
      line: 3,
      column: 1,
      offset: 7,
      end: { line: 3, column: 6, offset: 12 },
      reason: 'certification "MA15+" is not in the certification vocabulary; it was read by its shape',
      message:
        'line 3, column 1: certification "MA15+" is not in the certification vocabulary; it was read by its shape',
      path: ["certification"],
    });
  });
});

describe("spans", () => {
  test("cover every value and list item where it was read, in text order", () => {
    const text = [
      "Vertigo",
      "4.4",
      "Mystery",
      "1958",
      "2 hr 8 min",
      "PG",
      "A detective follows a woman.",
      "Directed by:  Alfred Hitchcock ",
      "mystery",
      "Thriller",
      "hd",
      "Also Available On: Max,  Prime Video",
      "Community Reviews",
      '" Dizzying. "',
      '"',
      "Gripping.",
      '"',
    ].join("\n");
    const { spans } = inspectListing(text, options);
    expect(spans.map((span) => [span.path.join("."), text.slice(span.start.offset, span.end.offset)])).toEqual([
      ["title", "Vertigo"],
      ["rating", "4.4"],
      ["genres.0", "Mystery"],
      ["year", "1958"],
      ["runtimeMinutes", "2 hr 8 min"],
      ["certification", "PG"],
      ["synopsis", "A detective follows a woman."],
      ["directors.0", "Alfred Hitchcock"],
      ["genres.1", "Thriller"],
      ["badges.0", "hd"],
      ["availableOn.0", "Max"],
      ["availableOn.1", "Prime Video"],
      ["reviews.0.text", "Dizzying."],
      ["reviews.1.text", "Gripping."],
    ]);
    expect(spans[7]).toEqual({
      path: ["directors", 0],
      start: { line: 8, column: 15, offset: 82 },
      end: { line: 8, column: 31, offset: 98 },
    });
  });

  test("of a trailing run point at the first line of each new genre and badge, repeats left out", () => {
    const text = "T\nWeird Genre\n1948\nA film.\nWeird  genre\n4K\nMusic\nweird genre\n4k";
    const { film, spans } = inspectListing(text, options);
    expect([film.genres, film.badges, film.synopsis]).toEqual([["Weird Genre", "Music"], ["4K"], "A film."]);
    const at = (line: number, column: number, offset: number) => ({ line, column, offset });
    expect(spans.filter((span) => span.path[0] === "genres" || span.path[0] === "badges")).toEqual([
      { path: ["genres", 0], start: at(2, 1, 2), end: at(2, 12, 13) },
      { path: ["badges", 0], start: at(6, 1, 40), end: at(6, 3, 42) },
      { path: ["genres", 1], start: at(7, 1, 43), end: at(7, 6, 48) },
    ]);
  });

  test("leave out values that are null after an error, and a review left out", () => {
    const { spans } = inspect(["T", "7.5", "1948", "0 min", "Community Reviews", '""', '"Ok."']);
    expect(spans.map((span) => span.path.join("."))).toEqual(["title", "year", "reviews.0.text"]);
  });
});

describe("a page of a review site's layout (fixtures/real)", () => {
  const text = readFileSync(join(INSPECT, "..", "real", "review-site-film-page.txt"), "utf8");
  const menuLine = "TRENDING ON RT\tSummer Premieres\t100 Essential Westerns\t50 Best Musicals of All Time";

  test("is refused by parseListing at the first menu line that is no genre", () => {
    expect(() => parseListing(text, options)).toThrow(
      expect.objectContaining({ code: "E_MISSING_YEAR", line: 10, column: 1, offset: 102 }),
    );
  });

  test("is not passed off as a film by inspectListing: no year, an error, and its menu flagged as unknown genres", () => {
    const { film, issues } = inspectListing(text, options);
    expect(film.title).toBe("What's the Tomatometer®? Critics SIGN UP |LOG IN");
    expect(film.year).toBeNull();
    expect(film.genres).toEqual(["MOVIES & DVDS", "TV", "NEWS", "TICKETS & SHOWTIMES"]);
    expect(issues.map((issue) => [issue.code, issue.line, issue.column, issue.path ?? issue.found])).toEqual([
      ["W_UNKNOWN_GENRE", 2, 1, ["genres", 0]],
      ["W_UNKNOWN_GENRE", 4, 1, ["genres", 1]],
      ["W_UNKNOWN_GENRE", 6, 1, ["genres", 2]],
      ["W_UNKNOWN_GENRE", 8, 1, ["genres", 3]],
      ["E_MISSING_YEAR", 10, 1, `${menuLine.replace(/\t/g, " ").slice(0, 59)}…`],
    ]);
    expect(text.split("\n")[9]).toBe(menuLine);
  });
});

describe("an inspection without spans (film-listing inspect without --spans)", () => {
  test("reads the same film and issues as inspectListing, and makes no span", () => {
    const text = "The Red Shoes\n7.5\nDrama\n1948\nStarring: Moira Shearer";
    const inspection = inspectText(text, setupFor(options));
    const full = inspectListing(text, options);
    expect(inspection.film).toEqual(full.film);
    expect(inspection.issues).toEqual(full.issues);
    expect(full.spans).toHaveLength(4);
    expect(inspection.spans).toEqual([]);
  });
});

describe("maxIssues", () => {
  const starring = (count: number) => `T\n1948\n${"Starring:\n".repeat(count + 1)}`;

  test("keeps the first 1,000 issues by default, then one W_MORE_ISSUES at the end that counts the rest", () => {
    const { issues } = inspectListing(starring(2500), options);
    expect(issues).toHaveLength(1001);
    expect(issues[999]).toMatchObject({ code: "E_DUPLICATE_SECTION", line: 1003 });
    expect(issues[1000]).toEqual({
      code: "W_MORE_ISSUES",
      severity: "warning",
      line: 2503,
      column: 10,
      offset: 25016,
      end: { line: 2503, column: 10, offset: 25016 },
      reason: "1,500 more issues are not listed (maxIssues is 1,000)",
      message: "line 2503, column 10: 1,500 more issues are not listed (maxIssues is 1,000)",
      path: [],
    });
  });

  test("takes another limit, or none, and lists exactly that many with no W_MORE_ISSUES when they fit", () => {
    expect(inspectListing(starring(5), { ...options, maxIssues: 2 }).issues.map((issue) => issue.line)).toEqual([
      4, 5, 8,
    ]);
    expect(inspectListing(starring(5), { ...options, maxIssues: 5 }).issues.map((issue) => issue.code)).toEqual(
      Array(5).fill("E_DUPLICATE_SECTION"),
    );
    expect(inspectListing(starring(2500), { ...options, maxIssues: Number.POSITIVE_INFINITY }).issues).toHaveLength(
      2500,
    );
  });

  test("counts one issue past the limit in the singular", () => {
    const { issues } = inspectListing(starring(3), { ...options, maxIssues: 2 });
    expect(issues.at(-1)?.reason).toBe("1 more issue is not listed (maxIssues is 2)");
  });

  test("keeps the first issues in text order, whatever order they are found in", () => {
    // The grammar's E_REVIEW_START is found before the record's issues, but comes last.
    const text = `T\nDance\nMusik\n7.5\n1948\nStarring:\nStarring:\nCommunity Reviews\nnot a review`;
    const all = inspectListing(text, options).issues;
    expect(all.map((issue) => issue.code)).toEqual([
      "W_UNKNOWN_GENRE",
      "W_UNKNOWN_GENRE",
      "E_MISSING_YEAR",
      "E_DUPLICATE_SECTION",
      "E_REVIEW_START",
    ]);
    const three = inspectListing(text, { ...options, maxIssues: 3 }).issues;
    expect(three.slice(0, 3)).toEqual(all.slice(0, 3));
    // E_REVIEW_START names the error: listed after the others, though past the limit.
    expect(inspectListing(text, { ...options, maxIssues: 1 }).issues.map((issue) => [issue.code, issue.line])).toEqual([
      ["W_UNKNOWN_GENRE", 2],
      ["E_MISSING_YEAR", 4],
      ["W_MORE_ISSUES", 9],
    ]);
  });

  test("lists the first empty reviews up to the limit and counts the rest, skipping the reviews with text", () => {
    const text = `T\n1948\nCommunity Reviews\n""\n"good"\n""\n""\n"fine"\n""\n""\n`;
    const listed = (maxIssues: number) =>
      inspectListing(text, { ...options, maxIssues }).issues.map((issue) => [issue.code, issue.line]);
    expect(listed(2)).toEqual([
      ["E_INVALID", 4],
      ["E_INVALID", 6],
      ["W_MORE_ISSUES", 10],
    ]);
    expect(inspectListing(text, { ...options, maxIssues: 3 }).issues[3]?.reason).toBe(
      "2 more issues are not listed (maxIssues is 3)",
    );
    expect(listed(5)).toEqual([
      ["E_INVALID", 4],
      ["E_INVALID", 6],
      ["E_INVALID", 7],
      ["E_INVALID", 9],
      ["E_INVALID", 10],
    ]);
    expect(inspectListing(text, { ...options, maxIssues: 5 }).film.reviews).toEqual([
      { text: "good" },
      { text: "fine" },
    ]);
  });

  test("counts the empty reviews past the limit when a later problem names the error", () => {
    // The last `""` opens a review that the line after it does not let close.
    const text = `T\n1948\nCommunity Reviews\n""\n""\n""\n""\n""\nnot a review`;
    const result = safeParseListing(text, { ...options, maxIssues: 2 });
    expect(result.error).toMatchObject({ code: "E_UNTERMINATED_REVIEW", line: 8 });
    const issues = result.error?.issues ?? [];
    expect(issues.map((issue) => [issue.code, issue.line])).toEqual([
      ["E_INVALID", 4],
      ["E_INVALID", 5],
      ["E_UNTERMINATED_REVIEW", 8],
      ["W_MORE_ISSUES", 9],
    ]);
    expect(issues[3]?.reason).toBe("2 more issues are not listed (maxIssues is 2)");
    expect(issues).toEqual(inspectListing(text, { ...options, maxIssues: 2 }).issues);
  });

  test("an error's issues are capped alike and hold the issue that names it", () => {
    const text = `T\n1948\n${"Starring:\n".repeat(1500)}Community Reviews\nnot a review`;
    const result = safeParseListing(text, options);
    expect(result.error).toMatchObject({ code: "E_REVIEW_START", line: 1504 });
    const issues = result.error?.issues ?? [];
    expect(issues).toEqual(inspectListing(text, options).issues);
    expect(issues).toHaveLength(1002);
    expect(issues[1000]).toMatchObject({ code: "E_REVIEW_START", line: 1504, column: 1 });
    expect(issues[1001]).toMatchObject({
      code: "W_MORE_ISSUES",
      reason: "499 more issues are not listed (maxIssues is 1,000)",
    });
  });

  test.each([0, -1, 1.5, Number.NaN, "10", null])("refuses maxIssues %j with a TypeError", (maxIssues) => {
    expect(() => inspectListing("T\n1948", { maxIssues: maxIssues as number })).toThrow(TypeError);
    expect(() => safeParseListing("T\n1948", { maxIssues: maxIssues as number })).toThrow(
      /maxIssues must be a whole number from 1/,
    );
  });
});
