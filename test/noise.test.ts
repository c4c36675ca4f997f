/**
 * The noise rule of docs/layout.md ("Lines and noise") for the invisible
 * format characters: which are dropped, where the zero-width joiners stay,
 * and that positions still point into the text as given.
 */

import { describe, expect, test } from "vitest";
import { inspectListing, parseListing, safeParseListing } from "../src/index";

const options = { referenceDate: new Date("2026-11-25T00:00:00Z") };
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
