import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ERROR_CODES, formatCodeFrame, type ListingError, safeParseListing } from "../src/index";

const referenceDate = new Date("2026-11-25T00:00:00Z");
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
      "  1 | \uFEFFTitle
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
    const parseCodes = ERROR_CODES.filter((code) => code !== "E_UNREPRESENTABLE");
    for (const code of parseCodes) expect(examples.some(([documented]) => documented === code)).toBe(true);
  });

  test.each(examples)("the %s example gives the message shown", (code, listing, message) => {
    const error = errorOf(listing);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});
