import { describe, expect, test } from "vitest";
import { formatCodeFrame } from "../src/errors";
import { jsonVisible, visible, visibleAt } from "../src/visible";

describe("visible", () => {
  test.each([
    ["plain text", "The Red Shoes", "The Red Shoes"],
    ["an escape sequence", "Red\u001b[2JShoes", "Red\\u001B[2JShoes"],
    ["a carriage return that would overwrite the line", "ok\rforged", "ok\\rforged"],
    ["a line feed that would start a new line", "a.txt\nb.txt:1:1: E_FAKE", "a.txt\\nb.txt:1:1: E_FAKE"],
    ["a tab", "a\tb", "a\\tb"],
    ["DEL and a C1 control (CSI)", "a\u007fb\u009bc", "a\\u007Fb\\u009Bc"],
    ["a zero-width space", "Red\u200BShoes", "Red⟨U+200B⟩Shoes"],
    ["a right-to-left override", "txt.\u202Eexe", "txt.⟨U+202E⟩exe"],
    ["an isolate and a soft hyphen", "a\u2066b\u00ADc", "a⟨U+2066⟩b⟨U+00AD⟩c"],
    ["a byte-order mark", "\uFEFFTitle", "⟨U+FEFF⟩Title"],
    ["a line separator", "a\u2028b", "a⟨U+2028⟩b"],
    ["an unpaired surrogate", "a\uD800b", "a⟨U+D800⟩b"],
    ["a tag character", "a\u{E0041}b", "a⟨U+E0041⟩b"],
    ["a zero-width joiner between two ASCII letters", "a\u200Db", "a⟨U+200D⟩b"],
    ["a zero-width joiner at the end", "👨\u200D", "👨⟨U+200D⟩"],
  ])("escapes %s", (_, text, shown) => {
    expect(visible(text)).toBe(shown);
  });

  test.each([
    ["an emoji sequence", "👨\u200D👩\u200D👧"],
    ["Persian with a zero-width non-joiner", "می\u200Cخواهم"],
    ["accents, CJK and non-breaking spaces", "Amélie 天国と地獄\u00A0x"],
  ])("keeps %s as written", (_, text) => {
    expect(visible(text)).toBe(text);
  });

  test("maps an index of the text to its place in the escaped text", () => {
    const text = "a\u001bb\u200Bc";
    expect(visibleAt(text, 0)).toEqual({ text: "a\\u001Bb⟨U+200B⟩c", index: 0 });
    expect(visibleAt(text, 1).index).toBe(1);
    expect(visibleAt(text, 2).index).toBe(7);
    expect(visibleAt(text, 3).index).toBe(8);
    expect(visibleAt(text, 4).index).toBe(16);
    expect(visibleAt(text, 5).index).toBe(17);
  });

  test("stays linear on a million control characters", () => {
    const text = "\u001b".repeat(1_000_000);
    expect(visible(text).length).toBe(6_000_000);
  });
});

describe("jsonVisible", () => {
  test("escapes C1 controls, directional and invisible characters, and keeps the JSON value", () => {
    const value = { title: "a\u009b2Jb\u202Ec\u200Bd\u2028e", cast: ["👨\u200D👩"] };
    const json = jsonVisible(JSON.stringify(value, null, 2));
    expect(json).toBe('{\n  "title": "a\\u009B2Jb\\u202Ec\\u200Bd\\u2028e",\n  "cast": [\n    "👨\u200D👩"\n  ]\n}');
    expect(JSON.parse(json)).toEqual(value);
  });

  test("escapes a tag character as its two surrogates", () => {
    expect(jsonVisible(JSON.stringify("\u{E0041}"))).toBe('"\\uDB40\\uDC41"');
  });
});

describe("formatCodeFrame with control and invisible characters", () => {
  test("shows an escape sequence escaped and keeps the caret under the column", () => {
    const text = "Title\n\u001b[31m7.5\n1948";
    expect(formatCodeFrame({ line: 2, column: 6, offset: 11 }, text)).toBe(
      ["  1 | Title", "> 2 | \\u001B[31m7.5", "    |           ^", "  3 | 1948"].join("\n"),
    );
  });

  test("shows invisible characters on the lines around the error too", () => {
    const text = "Red\u200BShoes\n7.5\u202E";
    expect(formatCodeFrame({ line: 2, column: 4, offset: 13 }, text)).toBe(
      ["  1 | Red⟨U+200B⟩Shoes", "> 2 | 7.5⟨U+202E⟩", "    |    ^"].join("\n"),
    );
  });

  test("keeps the caret under its character in a long line's window", () => {
    const line = `${"\u0007".repeat(100)}X${"y".repeat(100)}`;
    const frame = formatCodeFrame({ line: 1, column: 101, offset: 100 }, line).split("\n");
    const caret = frame[1]?.indexOf("^") ?? -1;
    expect(frame[0]?.[caret]).toBe("X");
  });
});
