import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { codeFrame } from "../src/errors";
import { ERROR_CODES, formatCodeFrame, inspectListing, ListingError, safeParseListing } from "../src/index";
import { LineWalker } from "../src/line-walker";
import { referenceDate } from "./support/film";

const errorOf = (text: string): ListingError => {
  const result = safeParseListing(text, { referenceDate });
  if (result.success) throw new Error("expected an error");
  return result.error;
};

describe("formatCodeFrame", () => {
  test("shows the line with its neighbours and a caret under the column", () => {
    const text = "The Red Shoes\n7.5\n1948";
    expect(formatCodeFrame(errorOf(text), text)).toMatchInlineSnapshot(`
      "  1 | The Red Shoes
      > 2 | 7.5
          | ^
        3 | 1948"
    `);
  });

  test("puts the caret after the last character for an error at the end", () => {
    const text = "The Red Shoes\nDrama\n\n";
    expect(formatCodeFrame(errorOf(text), text)).toMatchInlineSnapshot(`
      "  1 | The Red Shoes
      > 2 | Drama
          |      ^
        3 |"
    `);
  });

  test("keeps the caret under an indented line's first character, tabs shown as spaces", () => {
    const text = "\uFEFFTitle\r\n\t  1 Season\r\n2019";
    const error = errorOf(text);
    expect(error).toMatchObject({ code: "E_SERIES", line: 2, column: 4 });
    expect(formatCodeFrame(error, text)).toMatchInlineSnapshot(`
      "  1 | ⟨U+FEFF⟩Title
      > 2 |    1 Season
          |    ^
        3 | 2019"
    `);
  });

  test("widens the gutter for two-digit line numbers", () => {
    const text = `Title\n${"Drama\n".repeat(8)}133 min`;
    expect(formatCodeFrame(errorOf(text), text)).toMatchInlineSnapshot(`
      "   9 | Drama
      > 10 | 133 min
           | ^"
    `);
  });

  test("shows a long line as a window around the column", () => {
    const position = { line: 1, column: 150, offset: 149 };
    const frame = formatCodeFrame(position, `${"a".repeat(149)}X${"b".repeat(200)}`);
    const [shown, caret] = frame.split("\n");
    expect(shown).toBe(`> 1 | …${"a".repeat(40)}X${"b".repeat(39)}…`);
    expect(caret?.indexOf("^")).toBe(shown?.indexOf("X"));
  });

  test("shows a long neighbouring line from its start, whatever the error's column", () => {
    const position = { line: 2, column: 150, offset: 350 };
    const text = `${"n".repeat(200)}\n${"a".repeat(149)}X${"b".repeat(200)}\n${"m".repeat(200)}`;
    expect(formatCodeFrame(position, text).split("\n")).toEqual([
      `  1 | ${"n".repeat(80)}…`,
      `> 2 | …${"a".repeat(40)}X${"b".repeat(39)}…`,
      `    | ${" ".repeat(41)}^`,
      `  3 | ${"m".repeat(80)}…`,
    ]);
  });

  test("shows the first 80 characters of a long line when the column is near its start", () => {
    const position = { line: 1, column: 3, offset: 2 };
    const line = `ab${"X"}${"c".repeat(120)}`;
    expect(formatCodeFrame(position, line).split("\n")).toEqual([`> 1 | ${line.slice(0, 80)}…`, `    |   ^`]);
  });

  test("shows the last 80 characters of a long line when the column is near its end", () => {
    const line = `${"a".repeat(120)}X${"b".repeat(2)}`;
    const position = { line: 1, column: 121, offset: 120 };
    const [shown, caret] = formatCodeFrame(position, line).split("\n");
    expect(shown).toBe(`> 1 | …${"a".repeat(77)}Xbb`);
    expect(caret).toBe(`    | ${" ".repeat(78)}^`);
  });

  test("shows a line of exactly 80 characters whole", () => {
    const line = `X${"a".repeat(79)}`;
    expect(formatCodeFrame({ line: 1, column: 1, offset: 0 }, line).split("\n")).toEqual([`> 1 | ${line}`, "    | ^"]);
  });
});

describe("code frames of many issues", () => {
  // 20,000 empty reviews, each an issue, and lines of every kind of break.
  const text = `Title\r\n1948\rCommunity Reviews\n${'""\n'.repeat(10_000)}${'""\r\n'.repeat(10_000)}`;
  const { issues } = inspectListing(text, { referenceDate, maxIssues: Number.POSITIVE_INFINITY });
  const lineCount = text.split(/\r\n|\r|\n/).length;

  test("the frames of every issue, in text order, read the text once in all", () => {
    expect(issues).toHaveLength(20_000);
    const lines = new LineWalker(text);
    const frames = issues.map((issue) => codeFrame(lines, issue));
    // Each character once, and each line break once.
    expect(lines.walked).toBeLessThanOrEqual(text.length + lineCount);
    expect(frames[0]).toBe(["  3 | Community Reviews", '> 4 | ""', "    | ^", '  5 | ""'].join("\n"));
    expect(frames.at(-1)).toBe(['  20002 | ""', '> 20003 | ""', "        | ^", "  20004 |"].join("\n"));
  });

  test("formatCodeFrame gives the same frames, asked in any order, for texts in turn", () => {
    const lines = new LineWalker(text);
    const expected = issues.map((issue) => codeFrame(lines, issue));
    const order = [19_999, 0, 5, 4, 10_000, 9_999, 17, 19_998];
    for (const index of order) {
      const issue = issues[index] as (typeof issues)[number];
      expect(formatCodeFrame(issue, text)).toBe(expected[index]);
      // Another text between two frames of the first.
      expect(formatCodeFrame({ line: 2, column: 1, offset: 2 }, "a\nb\nc")).toBe("  1 | a\n> 2 | b\n    | ^\n  3 | c");
    }
  });

  test("a frame reads only the window of a long line, so issues on it cost no more than on a short one", () => {
    const long = `${"a".repeat(1_000_000)}\n${"b".repeat(1_000_000)}`;
    const lines = new LineWalker(long);
    for (let column = 1; column <= 1_000_000; column += 1000) codeFrame(lines, { line: 2, column, offset: 0 });
    expect(lines.walked).toBeLessThanOrEqual(long.length + 2);
  });

  test("a position past the last line frames the lines that exist, without a caret", () => {
    expect(formatCodeFrame({ line: 4, column: 1, offset: 0 }, "a\nb\nc")).toBe("  3 | c");
    expect(formatCodeFrame({ line: 9, column: 1, offset: 0 }, "a\nb\nc")).toBe("");
  });
});

describe("ListingError", () => {
  test("is named ListingError in a stack trace and in console.log", () => {
    const { error } = safeParseListing("The Red Shoes\n7.5\n1948", { referenceDate });
    expect(ListingError.name).toBe("ListingError");
    expect(error?.stack?.split("\n")[0]).toBe("ListingError: line 2, column 1: rating 7.5 is outside 0–5");
    expect(inspect(error).split("\n")[0]).toBe("ListingError: line 2, column 1: rating 7.5 is outside 0–5");
  });

  test("cuts a long offending line short in found and in the message", () => {
    const line = `Starring: ${"Moira Shearer, ".repeat(8)}`;
    const error = errorOf(`Title\nDrama\n${line}\n1948`);
    const found = `${line.slice(0, 59)}…`;
    expect({ code: error.code, line: error.line, column: error.column, found: error.found }).toEqual({
      code: "E_MISSING_YEAR",
      line: 3,
      column: 1,
      found,
    });
    expect(error.message).toBe(`line 3, column 1: expected a year like 1948, found ${JSON.stringify(found)}`);
  });

  test("keeps an offending line of exactly 60 characters whole", () => {
    const line = `Read more ${"x".repeat(50)}`;
    const error = errorOf(`Title\n1948\nCommunity Reviews\n${line}\n"Fine."`);
    expect({ code: error.code, line: error.line, found: error.found }).toEqual({
      code: "E_REVIEW_START",
      line: 4,
      found: line,
    });
  });

  test("cuts a long last line short after collapsing a long run of spaces", () => {
    const error = errorOf(`Title\n1948\nCommunity Reviews\nRead${" ".repeat(200)}${"more ".repeat(20)}`);
    expect({ code: error.code, line: error.line, found: error.found }).toEqual({
      code: "E_REVIEW_START",
      line: 4,
      found: `${`Read ${"more ".repeat(20)}`.slice(0, 59)}…`,
    });
  });

  test("cuts a long last line short after collapsing its runs of spaces", () => {
    const error = errorOf(`Title\n1948\nCommunity Reviews\n${"Read    more ".repeat(15)}`);
    expect({ code: error.code, line: error.line, found: error.found }).toEqual({
      code: "E_REVIEW_START",
      line: 4,
      found: `${"Read more ".repeat(6).slice(0, 59)}…`,
    });
  });

  test("has a cause only when it is a validation error", () => {
    const syntax = errorOf("Title\nDrama");
    expect(Object.hasOwn(syntax, "cause")).toBe(false);
    const validation = errorOf("Title\n7.5\n1948");
    expect(Object.hasOwn(validation, "cause")).toBe(true);
  });

  test("builds its issues when they are first read, as a plain property equal to the inspection's", () => {
    // Three empty reviews and a rating out of range: the error names the rating.
    const text = 'Title\n7.5\n1948\nCommunity Reviews\n" "\n""\n"Fine."\n"\n"';
    const error = errorOf(text);
    expect([error.code, error.line, error.path]).toEqual(["E_INVALID", 2, ["rating"]]);
    expect(Object.getOwnPropertyDescriptor(error, "issues")).toEqual({
      get: expect.any(Function),
      set: undefined,
      enumerable: true,
      configurable: true,
    });
    const issues = error.issues;
    expect(error.issues).toBe(issues);
    expect(Object.getOwnPropertyDescriptor(error, "issues")).toEqual({
      value: issues,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    expect(issues).toStrictEqual(inspectListing(text, { referenceDate }).issues);
    expect(issues.map((issue) => [issue.code, issue.line, issue.path])).toEqual([
      ["E_INVALID", 2, ["rating"]],
      ["E_INVALID", 5, ["reviews", 0, "text"]],
      ["E_INVALID", 6, ["reviews", 1, "text"]],
      ["E_INVALID", 8, ["reviews", 3, "text"]],
    ]);
    expect(Object.keys(error)).toEqual([
      "name",
      "code",
      "line",
      "column",
      "offset",
      "reason",
      "expected",
      "found",
      "path",
      "issues",
    ]);
  });

  test("made by hand, lists itself as its one issue", () => {
    const error = new ListingError({
      code: "E_EMPTY",
      reason: "nothing",
      line: 1,
      column: 1,
      offset: 0,
      expected: ["a title"],
      found: "the end",
    });
    expect(error.issues).toStrictEqual([
      {
        code: "E_EMPTY",
        severity: "error",
        line: 1,
        column: 1,
        offset: 0,
        end: { line: 1, column: 1, offset: 0 },
        reason: "nothing",
        message: "line 1, column 1: nothing",
        expected: ["a title"],
        found: "the end",
      },
    ]);
    expect(Object.getOwnPropertyDescriptor(error, "issues")?.enumerable).toBe(true);
  });

  test("made by hand with an end, a path and a found value, lists them in its issue", () => {
    const end = { line: 2, column: 4, offset: 9 };
    const error = new ListingError({
      code: "E_INVALID",
      reason: "rating 7.5 is outside 0–5",
      line: 2,
      column: 1,
      offset: 6,
      end,
      path: ["rating"],
    });
    expect(error.issues).toStrictEqual([
      {
        code: "E_INVALID",
        severity: "error",
        line: 2,
        column: 1,
        offset: 6,
        end,
        reason: "rating 7.5 is outside 0–5",
        message: "line 2, column 1: rating 7.5 is outside 0–5",
        path: ["rating"],
      },
    ]);
    const syntax = new ListingError({
      code: "E_MISSING_YEAR",
      reason: "no year",
      line: 1,
      column: 1,
      offset: 0,
      expected: ["a year like 1948"],
      found: "Drama",
    });
    expect(syntax.issues).toStrictEqual([
      {
        code: "E_MISSING_YEAR",
        severity: "error",
        line: 1,
        column: 1,
        offset: 0,
        end: { line: 1, column: 1, offset: 0 },
        reason: "no year",
        message: "line 1, column 1: no year",
        expected: ["a year like 1948"],
        found: "Drama",
      },
    ]);
  });

  test("made by hand with issues, lists those issues", () => {
    const issues = safeParseListing("Title\n7.5\n(2.5)\n1948").error?.issues;
    const error = new ListingError({
      code: "E_INVALID",
      reason: "r",
      line: 2,
      column: 1,
      offset: 6,
      path: ["rating"],
      issues,
    });
    expect(error.issues).toBe(issues);
    expect(issues?.map((issue) => issue.path)).toEqual([["rating"], ["voteCount"]]);
  });
});

describe("docs/errors.md", () => {
  const docs = readFileSync(join(import.meta.dirname, "..", "docs", "errors.md"), "utf8");
  const sections = docs.split(/^## /m).slice(1);
  const examples = sections.flatMap((section) => {
    const code = section.slice(0, section.indexOf("\n")).trim();
    return [...section.matchAll(/```listing\n([\s\S]*?)\n```\s*\n[^`]*```text\n([\s\S]*?)\n```/g)].map(
      (match) => [code, match[1] ?? "", match[2] ?? ""] as const,
    );
  });

  test("documents every code, and every parse error with an example", () => {
    expect(sections.map((section) => section.slice(0, section.indexOf("\n")).trim())).toEqual([...ERROR_CODES]);
    // E_NOT_TEXT is no text, and E_UNREPRESENTABLE comes from formatListing: both have a ts example.
    const parseCodes = ERROR_CODES.filter((code) => code !== "E_UNREPRESENTABLE" && code !== "E_NOT_TEXT");
    for (const code of parseCodes) expect(examples.some(([documented]) => documented === code)).toBe(true);
  });

  test.each(examples)("the %s example gives the message shown", (code, listing, message) => {
    const error = errorOf(listing);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});
