import { describe, expect, test } from "vitest";
import { locateJsonPath, readJson } from "../../src/cli/json-text";

describe("readJson", () => {
  test.each([
    ['{"title": "Nosferatu"}', { title: "Nosferatu" }],
    ['\uFEFF{"title": "Nosferatu"}', { title: "Nosferatu" }],
    [' [1, -2.5e3, true, false, null, "a\\u00e9\\n"] ', [1, -2500, true, false, null, "aé\n"]],
    ["0", 0],
  ])("reads %j", (text, value) => {
    expect(readJson(text)).toEqual({ ok: true, value });
  });

  test("finds the error in any depth of nesting, without recursion", () => {
    expect(readJson(`${"[".repeat(100_000)}1,]`)).toEqual({
      ok: false,
      reason: "line 1, column 100003: unexpected ']'",
    });
  });

  test.each([
    "[0, -1, 12, 1.25, -0.5e10, 1e+5, 2E-3, 3e7]",
    "[true, false, null]",
    '["a b", "\\"\\\\\\/\\b\\f\\n\\r\\t", "\\u00e9\\uABcd", "é😀"]',
    '{"a": {"b": [{}, []]}, "c": "d"}',
    " \t\r\n[\t1 ,\n2 ]",
  ])("reads the whole of the JSON value %j before the text that follows it", (valid) => {
    expect(JSON.parse(valid)).toBeDefined();
    const lines = valid.split(/\r\n|\r|\n/);
    const column = (lines.at(-1) as string).length + 2;
    expect(readJson(`${valid} x`)).toEqual({
      ok: false,
      reason: `line ${lines.length}, column ${column}: unexpected 'x'`,
    });
  });

  test.each([
    ["notjson", "line 1, column 2: unexpected 'o'"],
    ["", "line 1, column 1: unexpected end of the text"],
    ["\uFEFF", "line 1, column 2: unexpected end of the text"],
    ["\uFEFFx", "line 1, column 2: unexpected 'x'"],
    ['{\n  "title": "Vertigo",\n}', "line 3, column 1: unexpected '}'"],
    ['{\r\n  "a": 1\r\n  "b": 2}', "line 3, column 3: unexpected '\"'"],
    ['{\r  "a" 1}', "line 2, column 7: unexpected '1'"],
    ['{"a": 1', "line 1, column 8: unexpected end of the text"],
    ["[1, 2", "line 1, column 6: unexpected end of the text"],
    ["[1 2]", "line 1, column 4: unexpected '2'"],
    ["[,]", "line 1, column 2: unexpected ','"],
    ["{,}", "line 1, column 2: unexpected ','"],
    ["{1: 2}", "line 1, column 2: unexpected '1'"],
    ["[tru]", "line 1, column 5: unexpected ']'"],
    ["[nul", "line 1, column 5: unexpected end of the text"],
    ["[01]", "line 1, column 3: unexpected '1'"],
    ["[-]", "line 1, column 2: unexpected '-'"],
    ["[1.]", "line 1, column 3: unexpected '.'"],
    ['["a\tb"]', "line 1, column 4: unexpected '\\t'"],
    ['["a\\x"]', "line 1, column 5: unexpected 'x'"],
    ['["a\\u12G4"]', "line 1, column 6: unexpected '1'"],
    ['["a\\u12', "line 1, column 6: unexpected '1'"],
    ['["a\\u12"]', "line 1, column 6: unexpected '1'"],
    ['["a\nb"]', "line 1, column 4: unexpected '\\n'"],
    ['["abc', "line 1, column 6: unexpected end of the text"],
    ['["a\\', "line 1, column 5: unexpected end of the text"],
    ["[1] 2", "line 1, column 5: unexpected '2'"],
    ["[1]\n\u001B", "line 2, column 1: unexpected '\\u001B'"],
    ["[1] 😀", "line 1, column 5: unexpected '😀'"],
    ['{"a": [1, {"b": }]}', "line 1, column 17: unexpected '}'"],
    ['{"a" : 1 , "b" : [ ] , }', "line 1, column 24: unexpected '}'"],
  ])("refuses %j: %s", (text, reason) => {
    expect(readJson(text)).toEqual({ ok: false, reason });
  });
});

describe("locateJsonPath", () => {
  const record =
    '{\n  "title": "Vertigo",\n  "cast": ["Kim Novak", "James Stewart"],\n  "reviews": [{ "text": "A dream." }]\n}\n';

  test.each([
    [[], { line: 1, column: 1 }],
    [["title"], { line: 2, column: 12 }],
    [["cast"], { line: 3, column: 11 }],
    [["cast", 0], { line: 3, column: 12 }],
    [["cast", 1], { line: 3, column: 25 }],
    [["reviews", 0, "text"], { line: 4, column: 25 }],
    [["reviews", 0], { line: 4, column: 15 }],
    // Past the text: the deepest value on the way.
    [["rating"], { line: 1, column: 1 }],
    [["cast", 2], { line: 3, column: 11 }],
    [["reviews", 0, "author"], { line: 4, column: 15 }],
    [["title", "x"], { line: 2, column: 12 }],
  ] as const)("finds %j", (path, position) => {
    expect(locateJsonPath(record, path)).toEqual(position);
  });

  test("a key that holds brackets, commas or colons in its string is read whole", () => {
    const text = '{"a,]": {"b": 1}, "c": [{"d": "[,:]"}, 2]}';
    expect(locateJsonPath(text, ["c", 1])).toEqual({ line: 1, column: 40 });
    expect(locateJsonPath(text, ["a,]", "b"])).toEqual({ line: 1, column: 15 });
  });

  test("a value in a later container of the same name is not taken for one on the path", () => {
    const text = '{"x": {"y": 1}, "z": {"y": 2}}';
    expect(locateJsonPath(text, ["z", "y"])).toEqual({ line: 1, column: 28 });
    expect(locateJsonPath(text, ["x", "q"])).toEqual({ line: 1, column: 7 });
  });

  test("reads numbers of several characters as one value", () => {
    expect(locateJsonPath("[1234, -5.5e3, true, 7]", [3])).toEqual({ line: 1, column: 22 });
  });

  test("lines end at LF, CRLF and CR alike", () => {
    expect(locateJsonPath('{\r\n"a":\r1,\n"b": 2}', ["b"])).toEqual({ line: 4, column: 6 });
  });
});
