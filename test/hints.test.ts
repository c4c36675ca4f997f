import { describe, expect, test } from "vitest";
import { githubIssue, issueReport } from "../src/cli/report";
import { paletteFor } from "../src/cli/terminal";
import { inspectListing, type ListingError, parseListing, safeParseListing } from "../src/index";

/** The error of a text that must fail. */
function errorOf(text: string): ListingError {
  const result = safeParseListing(text);
  if (result.success) throw new Error(`parsed: ${JSON.stringify(text)}`);
  return result.error;
}

const SIDE_BY_SIDE = "a listing has each header value on a line of its own";

describe("a line that holds several header values", () => {
  test.each([
    ["Casablanca\n4.4 (1.2K)\n1942", "a rating and a vote count"],
    ["Casablanca\n4.4 · (1,234)\nDrama\n1942", "a rating and a vote count"],
    ["The Red Shoes\n1948 · 133 min · NR\nA ballet.", "a year, a runtime and a certification"],
    ["The Red Shoes\n1948 | 2h 13m | PG-13", "a year, a runtime and a certification"],
    ["The Red Shoes\n4.3\n(398)\n1948, 133 min", "a year and a runtime"],
  ])("%j: the hint names what the line holds", (text, held) => {
    const error = errorOf(text);
    expect(error.code).toBe("E_MISSING_YEAR");
    expect(error.hint).toBe(`this line holds ${held} together: ${SIDE_BY_SIDE}`);
    expect(error.message).toBe(`line ${error.line}, column 1: ${error.reason}; hint: ${error.hint}`);
    const [issue] = error.issues;
    expect(issue?.hint).toBe(error.hint);
    expect(issue?.message).toBe(error.message);
  });

  test("inspectListing gives the issue the same hint, last among its keys", () => {
    const [issue] = inspectListing("Casablanca\n4.4 (1.2K)\n1942").issues;
    expect(Object.keys(issue ?? {}).at(-1)).toBe("hint");
    expect(issue).toMatchObject({
      code: "E_MISSING_YEAR",
      line: 2,
      found: "4.4 (1.2K)",
      hint: `this line holds a rating and a vote count together: ${SIDE_BY_SIDE}`,
    });
  });

  test.each([
    ["one value out of place", "The Red Shoes\nDrama\n133 min\n1948"],
    ["a rating with words", "Casablanca\n4.4 out of 5\n1942"],
    ["a vote count with words", "Casablanca\n(1.2K votes)\n1942"],
    ["a year in a sentence", "Casablanca\nReleased in 1942 by Warner\n1942"],
    ["a year with a letter", "Casablanca\n1942a (1.2K)\n1942"],
    ["the end of the text", "Casablanca\n4.4\n(1.2K)"],
    ["two values of one kind", "Casablanca\n4.4 4.5\n1942"],
  ])("no hint for %s", (_name, text) => {
    const error = errorOf(text);
    expect(error.hint).toBeUndefined();
    expect("hint" in error).toBe(false);
    expect(error.message).toBe(`line ${error.line}, column ${error.column}: ${error.reason}`);
    expect(error.issues.every((issue) => issue.hint === undefined)).toBe(true);
  });

  test("an error of another code gets no hint", () => {
    const error = errorOf("Casablanca\n9.9\n(1.2K)\n1942");
    expect(error.code).toBe("E_INVALID");
    expect("hint" in error).toBe(false);
  });
});

const PAGE = [
  "Home",
  "Movies",
  "TV Shows",
  "Sign in",
  "Casablanca",
  "4.4",
  "(1.2K)",
  "Drama",
  "Romance",
  "1942",
  "102 min",
  "PG",
  "A cynical nightclub owner.",
].join("\n");

const PAGE_HINT = (line: number, title: string): string =>
  `the listing seems to start at line ${line} (${JSON.stringify(title)}), after other text such as a page's navigation: pass the text of the listing's element, not the whole page's`;

describe("a whole page's text, navigation before the listing", () => {
  test("the error says at which line the listing seems to start, and to pass the listing element's text", () => {
    const error = errorOf(PAGE);
    expect(error).toMatchObject({ code: "E_MISSING_YEAR", line: 6, found: "4.4" });
    expect(error.hint).toBe(PAGE_HINT(5, "Casablanca"));
    expect(error.message).toContain(`; hint: ${PAGE_HINT(5, "Casablanca")}`);
    // From that line on, the text is the listing.
    expect(parseListing(PAGE.split("\n").slice(4).join("\n")).title).toBe("Casablanca");
  });

  test("counts lines of the original text: CRLF, a BOM, blank lines and noise do not move it", () => {
    const noisy = `\uFEFF\r\n${PAGE.replaceAll("\n", "\r\n\r\n").replace("Casablanca", "Casa\u200Bblanca")}`;
    const error = errorOf(noisy);
    expect(error.hint).toBe(PAGE_HINT(10, "Casablanca"));
    expect(noisy.split(/\r\n/)[9]).toBe("Casa\u200Bblanca");
  });

  test.each([
    ["menus long enough to stop the header on their own", `${"Menu\n".repeat(12)}Casablanca\n4.4\n1942`, 13],
    ["a rating only", "Home\nFilms\nSign in\nCasablanca\n4.4\n1942", 4],
    ["known genres only", "Home\nFilms\nSign in\n4 items in your list\nCasablanca\nDrama\n1942", 5],
    ["blank lines above the navigation", "\n\nHome\nFilms\nSign in\nCasablanca\n4.4\n1942", 6],
    ["a rating below the listing", "Home\nFilms\nSign in\nCasablanca\n4.4\n1942\n4.5", 4],
  ])("finds the listing's start after %s", (_name, text, line) => {
    expect(errorOf(text).hint).toBe(PAGE_HINT(line, "Casablanca"));
  });

  test.each([
    ["a listing with one stray line after its title", "Casablanca\nMovies\n4.4\n(1.2K)\nDrama\n1942"],
    ["a header below with no rating, votes or known genre", "Home\nFilms\nSign in\n4 items\nCasablanca\n1942"],
    ["a title below that is itself a header value", "Home\nFilms\nSign in\n4 items\n133 min\n4.4\n1942"],
    ["no year below the stop", "Home\nFilms\nSign in\n4 items\nCasablanca\n4.4"],
    ["a rating above the navigation", "4.5\nHome\nFilms\nSign in\nCasablanca\n4.4\n1942"],
    ["a title and a vote count above the stop", "a\n(398)\n9a\nAction\n1948"],
  ])("no page hint for %s", (_name, text) => {
    expect(errorOf(text).hint).toBeUndefined();
  });
});

describe("hostile text takes linear time", () => {
  const RUN = 200_000;

  test("a line of many values names each kind once", () => {
    expect(errorOf(`T\n${"4.4 (12) ".repeat(RUN / 8)}\n1948`).hint).toBe(
      `this line holds a rating and a vote count together: ${SIDE_BY_SIDE}`,
    );
  });

  test.each([
    ["a long run of digits", `T\n4.4 ${"1".repeat(RUN)}x\n1948`],
    ["a long run of spaces in a vote count", `T\n4.4 (1${" ".repeat(RUN)}x)\n1948`],
    ["a long run of separators", `T\n4.4${" ·".repeat(RUN)}x\n1948`],
  ])("%s on a line of values", (_name, text) => {
    expect(errorOf(text).hint).toBeUndefined();
  });

  test("many year lines below a stop, each after a known genre", () => {
    const error = errorOf(`Home\n4 items\n${"Drama\n1948\n".repeat(RUN / 2)}`);
    expect(error.line).toBe(2);
    expect(error.hint).toBeUndefined();
  });

  test("a long run of known genres before a year", () => {
    expect(errorOf(`Home\nFilms\n4 items\nCasablanca\n${"Drama\n".repeat(RUN)}1942`).hint).toBeUndefined();
  });
});

describe("the command's reports", () => {
  const plain = paletteFor(false);

  test("print the hint after the code frame", () => {
    const text = "Casablanca\n4.4 (1.2K)\n1942";
    const error = errorOf(text);
    expect(issueReport("casablanca.txt", error, text, plain)).toBe(
      [
        `casablanca.txt:2:1: E_MISSING_YEAR expected a year like 1948, found "4.4 (1.2K)"`,
        "  1 | Casablanca",
        "> 2 | 4.4 (1.2K)",
        "    | ^",
        "  3 | 1942",
        `hint: this line holds a rating and a vote count together: ${SIDE_BY_SIDE}`,
        "",
      ].join("\n"),
    );
  });

  test("add the hint to a GitHub annotation's message", () => {
    const [issue] = errorOf(PAGE).issues.filter((found) => found.severity === "error");
    if (issue === undefined) throw new Error("no error issue");
    expect(githubIssue("page.txt", issue)).toBe(
      `::error file=page.txt,line=6,col=1,endLine=6,endColumn=4,title=E_MISSING_YEAR::expected a year like 1948, found "4.4"; hint: ${PAGE_HINT(5, "Casablanca")}\n`,
    );
  });
});
