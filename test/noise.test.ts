/**
 * The noise rule of docs/layout.md ("Lines and noise") for the invisible
 * format characters: which are dropped, where the zero-width joiners stay,
 * and that positions still point into the text as given.
 */

import { describe, expect, test } from "vitest";
import { inspectListing, parseListing, safeParseListing } from "../src/index";
import { cleanText, hasEdgeSpace, hasNoise } from "../src/lines";
import { referenceDate } from "./support/film";

const options = { referenceDate };
const title = (text: string) => parseListing(`${text}\n1948`, options).title;

describe("invisible format characters are dropped", () => {
  test.each([
    ["soft hyphen", "\u00AD"],
    ["left-to-right mark", "\u200E"],
    ["right-to-left mark", "\u200F"],
    ["Arabic letter mark", "\u061C"],
    ["left-to-right embedding", "\u202A"],
    ["right-to-left embedding", "\u202B"],
    ["pop directional formatting", "\u202C"],
    ["left-to-right override", "\u202D"],
    ["right-to-left override", "\u202E"],
    ["left-to-right isolate", "\u2066"],
    ["right-to-left isolate", "\u2067"],
    ["first strong isolate", "\u2068"],
    ["pop directional isolate", "\u2069"],
    ["zero-width space", "\u200B"],
    ["word joiner", "\u2060"],
    ["zero-width no-break space", "\uFEFF"],
  ])("the %s, inside a word and at a line's edges", (_, char) => {
    expect(title(`${char}Ballet${char}school${char}`)).toBe("Balletschool");
    expect(parseListing(`Title\n${char}1948${char}\n${char}133 min`, options)).toMatchObject({
      year: 1948,
      runtimeMinutes: 133,
    });
  });
});

describe("zero-width joiners", () => {
  test.each([
    ["a family emoji", "👨\u200D👩\u200D👧", "👨\u200D👩\u200D👧"],
    ["a flag with the emoji presentation selector", "🏳\uFE0F\u200D🌈", "🏳\uFE0F\u200D🌈"],
    ["a skin tone before the joiner", "👩🏽\u200D💻", "👩🏽\u200D💻"],
    ["a Persian word with a non-joiner", "می\u200Cخواهم", "می\u200Cخواهم"],
    ["a Devanagari word with a joiner", "क्\u200Dष", "क्\u200Dष"],
    ["a Bengali word with a non-joiner", "র\u200Cয", "র\u200Cয"],
    ["a joiner with a mark dropped beside it", "👨\u200E\u200D\u200B👩", "👨\u200D👩"],
  ])("are kept inside %s", (_, text, expected) => {
    expect(title(text)).toBe(expected);
  });

  test.each([
    ["between two Latin letters", "A\u200DB", "AB"],
    ["between a letter and an emoji", "A\u200C🎬", "A🎬"],
    ["after a space", "می \u200Cخواهم", "می خواهم"],
    ["at the start of a line", "\u200Dمی", "می"],
    ["at the end of a line", "👨\u200D", "👨"],
    ["between Arabic and a digit", "می\u200C1", "می1"],
  ])("are dropped %s", (_, text, expected) => {
    expect(title(text)).toBe(expected);
  });
});

describe("positions count the dropped characters", () => {
  test("an error after bidi marks and soft hyphens points at the original column and offset", () => {
    const text = "\u202BTi\u00ADtle\u202C\n\u200F\u00AD7.5\n1948";
    const result = safeParseListing(text, options);
    expect(result.success ? null : result.error).toMatchObject({
      code: "E_INVALID",
      line: 2,
      column: 3,
      offset: 11,
      message: "line 2, column 3: rating 7.5 is outside 0–5",
    });
  });

  test("an error on a line after a kept joiner points at the original column", () => {
    const text = "👨\u200D👩\n1948\nStarring: می\u200Cخواهم\nStarring: again";
    const result = safeParseListing(text, options);
    expect(result.success ? null : result.error).toMatchObject({
      code: "E_DUPLICATE_SECTION",
      line: 4,
      column: 1,
      offset: text.indexOf("Starring: again"),
    });
  });

  test("a missing year at the end of a line of joiners and marks is placed after its last character", () => {
    const text = "Title\nگل\u200Cها\u200F\u200B";
    const result = safeParseListing(text, options);
    expect(result.success ? null : result.error).toMatchObject({
      code: "E_MISSING_YEAR",
      line: 2,
      column: 6,
      offset: 11,
    });
  });
});

describe("unpaired surrogates", () => {
  test("stay as written in a line that noise is cleaned from, and the value's span finds them", () => {
    const text = "Title\n1948\nStarring: Ann\u00A0\ud83c Lee\udfac, Bo\u00AD Ray";
    const film = parseListing(text);
    expect(film.cast).toEqual(["Ann \ud83c Lee\udfac", "Bo Ray"]);
    const { spans } = inspectListing(text);
    const cast = spans
      .filter((span) => span.path[0] === "cast")
      .map((span) => text.slice(span.start.offset, span.end.offset));
    expect(cast).toEqual(["Ann\u00A0\ud83c Lee\udfac", "Bo\u00AD Ray"]);
  });

  test("stay whole across the long runs and buffers of a long noisy line", () => {
    const line = `${"é\u00A0".repeat(300_000)}\ud83c${"é\u00A0".repeat(300_000)}🎬`;
    const film = parseListing(`Title\n1948\n${line}`);
    expect(film.synopsis).toBe(line.replace(/\u00A0/g, " ").trimEnd());
  });

  test("stay whole in a long noisy line dense with emoji, pairs split across buffers", () => {
    const line = `${"é\u00A0🎬\u200B".repeat(200_001)}x`;
    const film = parseListing(`Title\n1948\n${line}`);
    expect(film.synopsis).toBe(line.replace(/\u00A0/g, " ").replace(/\u200B/g, ""));
  });
});

describe("edge spaces after blank lines", () => {
  test.each([
    ["a line after blank lines that starts with spaces", "The Red Shoes\n\n\n\n  1948\n\n\n133 min"],
    ["a line before blank lines that ends with spaces", "The Red Shoes\n1948  \n\n\n\n133 min"],
  ])("are trimmed: %s", (_, text) => {
    const film = parseListing(text, options);
    expect([film.title, film.year, film.runtimeMinutes]).toEqual(["The Red Shoes", 1948, 133]);
  });
});

describe("space-like characters count as a plain space", () => {
  test.each([
    ["tab", "\t"],
    ["line tabulation", "\v"],
    ["form feed", "\f"],
    ["no-break space", "\u00A0"],
    ["Ogham space mark", "\u1680"],
    ["en quad, the first of the general spaces", "\u2000"],
    ["hair space, the last of the general spaces", "\u200A"],
    ["line separator", "\u2028"],
    ["paragraph separator", "\u2029"],
    ["narrow no-break space", "\u202F"],
    ["medium mathematical space", "\u205F"],
    ["ideographic space", "\u3000"],
  ])("the %s, inside a value and at a line's edges", (_, char) => {
    expect(title(`${char}The${char}Red Shoes${char}`)).toBe("The Red Shoes");
    expect(parseListing(`Title\n${char}1948${char}\n133${char}min`, options)).toMatchObject({
      year: 1948,
      runtimeMinutes: 133,
    });
  });
});

describe("a text of noise alone", () => {
  test("is blank: E_EMPTY at its start", () => {
    const result = safeParseListing("\u200B\u2060\uFEFF", options);
    expect(result.success ? null : result.error).toMatchObject({
      code: "E_EMPTY",
      line: 1,
      column: 1,
      offset: 0,
      message: "line 1, column 1: expected a film listing, found only blank lines",
      expected: ["a title"],
      found: "the end",
    });
  });
});

describe("spaces at a line's edge with no other noise", () => {
  test.each([
    ["at the start of the text", " The Red Shoes\n1948\n133 min"],
    ["at the end of the text", "The Red Shoes\n1948\n133 min "],
    ["before a line break", "The Red Shoes \n1948\n133 min"],
    ["after a line break", "The Red Shoes\n 1948\n133 min"],
    ["after a blank line", "The Red Shoes\n\n 1948\n133 min"],
  ])("are trimmed: %s", (_, text) => {
    const film = parseListing(text, options);
    expect([film.title, film.year, film.runtimeMinutes]).toEqual(["The Red Shoes", 1948, 133]);
  });
});

describe("where zero-width joiners join", () => {
  // Each character stands on both sides of a joiner: the joiner stays exactly when the character joins.
  test.each([
    ["U+0600, the first of the Arabic block", 0x600, true],
    ["U+06FF, the last of the Arabic block", 0x6ff, true],
    ["U+0700, Syriac, between the Arabic blocks", 0x700, false],
    ["U+0750, the first of the Arabic Supplement", 0x750, true],
    ["U+077F, the last of the Arabic Supplement", 0x77f, true],
    ["U+0780, Thaana, after the Arabic Supplement", 0x780, false],
    ["U+089F, just before the Arabic Extended-A", 0x89f, false],
    ["U+08A0, the first of the Arabic Extended-A", 0x8a0, true],
    ["U+08FF, the last of the Arabic Extended-A", 0x8ff, true],
    ["U+0900, the first of Devanagari", 0x900, true],
    ["U+0DFF, the last of Sinhala", 0xdff, true],
    ["U+0E00, Thai, after Sinhala", 0xe00, false],
    ["U+FB4F, just before the Arabic Presentation Forms-A", 0xfb4f, false],
    ["U+FB50, the first of the Arabic Presentation Forms-A", 0xfb50, true],
    ["U+FDFF, the last of the Arabic Presentation Forms-A", 0xfdff, true],
    ["U+FE50, a small form between the presentation forms", 0xfe50, false],
    ["U+FE70, the first of the Arabic Presentation Forms-B", 0xfe70, true],
    ["U+FEFC, the last Arabic letter of the Presentation Forms-B", 0xfefc, true],
    ["U+FF21, a fullwidth letter", 0xff21, false],
    ["U+4E2D, a Han character", 0x4e2d, false],
    ["U+1F400, an emoji whose second code unit is the first low surrogate", 0x1f400, true],
    ["U+1F3FF, a skin tone whose second code unit is the last low surrogate", 0x1f3ff, true],
  ])("beside %s: %s", (_, codePoint, kept) => {
    const char = String.fromCodePoint(codePoint);
    expect(title(`${char}\u200D${char}`)).toBe(kept ? `${char}\u200D${char}` : `${char}${char}`);
  });
});

describe("characters the cleaning copies as written", () => {
  test.each([
    ["the first high surrogate", "\uD800"],
    ["the last low surrogate", "\uDFFF"],
  ])("%s, unpaired and the only surrogate of a noisy line", (_, char) => {
    expect(title(`Ann\u00A0Lee ${char}`)).toBe(`Ann Lee ${char}`);
  });

  test("an unpaired high surrogate before a joining letter leaves the letter to join", () => {
    expect(title("\uD83D\u0628\u200D\u0628")).toBe("\uD83D\u0628\u200D\u0628");
  });

  test("an unpaired low surrogate after a character that is no high surrogate joins nothing", () => {
    // Read as a pair, U+D7FF and U+DE70 would make U+FE70, an Arabic presentation form.
    expect(title("\uD7FF\uDE70\u200D\u0628")).toBe("\uD7FF\uDE70\u0628");
  });

  test("an unpaired high surrogate before a joining presentation form leaves it to join", () => {
    // Read as a pair, U+D800 and U+FE70 would make U+12270, a cuneiform sign, which joins nothing.
    expect(title("\uD800\uFE70\u200D\u0628")).toBe("\uD800\uFE70\u200D\u0628");
  });

  test("U+0080 alone in a piece of the cleaning stays U+0080, not the euro sign of windows-1252", () => {
    expect(cleanText("\u0080\u00A0")).toBe("\u0080");
  });

  test("an unpaired surrogate alone in a piece of the cleaning stays as written", () => {
    expect(cleanText("\uD83C\u00A0")).toBe("\uD83C");
  });

  test("an unpaired low surrogate after another joins nothing", () => {
    expect(title("\uDC00\uDC00\u200D\u0628")).toBe("\uDC00\uDC00\u0628");
  });

  test("a joiner between two long runs of joining letters, alone in the cleaning buffer", () => {
    const run = "\u0628".repeat(16);
    expect(title(`${run}\u200D${run}`)).toBe(`${run}\u200D${run}`);
  });

  test("a word longer than the cleaning buffer, in a noisy text", () => {
    const word = "x".repeat(300_000);
    expect(parseListing(`Title\u00A0\n1948\n${word}`, options).synopsis).toBe(word);
  });

  test("more line breaks than the cleaning buffer holds, in a noisy text: an error after them is on its line", () => {
    const text = `Title\u00A0\n${"\n".repeat(300_000)}7.5\n1948`;
    const result = safeParseListing(text, options);
    expect(result.success ? null : result.error).toMatchObject({
      code: "E_INVALID",
      line: 300_002,
      column: 1,
      offset: 300_007,
      message: "line 300002, column 1: rating 7.5 is outside 0–5",
    });
  });

  test("joiners of a line longer than the cleaning buffer, one of them where the buffer is full", () => {
    // Nine characters before the line put every joiner at an even place of the buffer, its last one included.
    const synopsis = `${"ب\u200C".repeat(150_000)}ب`;
    expect(parseListing(`abc\n1948\n${synopsis}`, options).synopsis).toBe(synopsis);
  });

  test("a run of spaces longer than the cleaning buffer, inside a review of a noisy text", () => {
    const review = `Slow${" ".repeat(300_000)}and grand.`;
    const film = parseListing(`Title\u00A0\n1948\nCommunity Reviews\n"${review}"`, options);
    expect(film.reviews).toEqual([{ text: review }]);
  });
});

describe("the cleaning's shortcut", () => {
  test.each([
    ["plain text", false, "The Red Shoes\n1948"],
    ["a no-break space", true, "The\u00A0Red Shoes"],
    ["a carriage return", true, "The Red Shoes\r\n1948"],
    ["a zero-width space", true, "The Red\u200BShoes"],
    ["an ideographic space", true, "The Red\u3000Shoes"],
  ])("%s: noise %s", (_, expected, text) => {
    expect(hasNoise(text)).toBe(expected);
  });

  test.each([
    ["one line", false, "The Red Shoes"],
    ["a space second", false, "A Red Shoe"],
    ["lines with inner spaces", false, "The Red Shoes\nA story of ballet.\n\n\nDrama"],
    ["a leading space", true, " The Red Shoes"],
    ["a trailing space", true, "The Red Shoes "],
    ["a space before a line break", true, "The Red Shoes \n1948"],
    ["a space after a line break", true, "The Red Shoes\n 1948"],
    ["a space after blank lines", true, "The Red Shoes\n\n\n 1948"],
  ])("%s: an edge space %s", (_, expected, text) => {
    expect(hasEdgeSpace(text)).toBe(expected);
  });
});
