import { describe, expect, test } from "vitest";
import { cleanText } from "../src/lines";
import { OffsetMap } from "../src/offsets";

/** Every position of `offsets`, asked in the given order, each as [at, after]. */
function positions(source: string, offsets: readonly number[]) {
  const map = new OffsetMap(source, cleanText(source));
  return new Map(offsets.map((offset) => [offset, [map.at(offset), map.after(offset)]]));
}

describe("OffsetMap", () => {
  const source = "\u00A0Title\u200B \r\nDrama\u00A0\u00A0x\r\r\n\n1948\rA\tline \u00A0";
  const clean = cleanText(source);
  const offsets = Array.from({ length: clean.length + 1 }, (_, offset) => offset);

  test("maps clean offsets on lines that noise changed to their original characters", () => {
    expect(clean).toBe("Title\nDrama  x\n\n\n1948\nA line");
    const map = new OffsetMap(source, clean);
    expect(map.at(0)).toEqual({ line: 1, column: 2, offset: 1 });
    expect(map.after(5)).toEqual({ line: 1, column: 7, offset: 6 });
    expect(map.at(6)).toEqual({ line: 2, column: 1, offset: 10 });
    expect(map.at(12)).toEqual({ line: 2, column: 7, offset: 16 });
    expect(map.at(17)).toEqual({ line: 5, column: 1, offset: 22 });
    expect(map.at(22)).toEqual({ line: 6, column: 1, offset: 27 });
    expect(map.after(28)).toEqual({ line: 6, column: 7, offset: 33 });
    expect(map.end()).toEqual({ line: 6, column: 7, offset: 33 });
  });

  test("gives the same positions whatever order they are asked in", () => {
    const forward = positions(source, offsets);
    expect(positions(source, [...offsets].reverse())).toEqual(forward);
    expect(
      positions(
        source,
        offsets.map((_, index) => offsets[(index * 7) % offsets.length] as number),
      ),
    ).toEqual(forward);
  });

  test("after a rewind, walks from the first line again with the same positions", () => {
    const map = new OffsetMap(source, clean);
    const first = offsets.map((offset) => map.at(offset));
    map.rewind();
    expect(offsets.map((offset) => map.at(offset))).toEqual(first);
  });
});

describe("OffsetMap on every kind of line", () => {
  // Line 1 has noise at both ends and inside, line 2 is empty, line 3 blank but
  // for noise, line 4 empty, line 5 starts with a space and holds a dropped
  // character; the lines end with CRLF, CR, LF, LF and CR, and the last has no
  // line break.
  const source = "\u200BAb\u00A0c\u00AD \r\n\r\u00A0\u200B\n\n x\u2060y\rz";
  const clean = cleanText(source);
  const at = [
    { line: 1, column: 2, offset: 1 },
    { line: 1, column: 3, offset: 2 },
    { line: 1, column: 4, offset: 3 },
    { line: 1, column: 5, offset: 4 },
    { line: 1, column: 6, offset: 5 },
    { line: 2, column: 1, offset: 9 },
    { line: 3, column: 1, offset: 10 },
    { line: 4, column: 1, offset: 13 },
    { line: 5, column: 2, offset: 15 },
    { line: 5, column: 4, offset: 17 },
    { line: 5, column: 5, offset: 18 },
    { line: 6, column: 1, offset: 19 },
    { line: 6, column: 2, offset: 20 },
  ];
  // After each clean character that is not a line break: just after its original character.
  const after = new Map([
    [0, { line: 1, column: 1, offset: 0 }],
    [1, { line: 1, column: 3, offset: 2 }],
    [2, { line: 1, column: 4, offset: 3 }],
    [3, { line: 1, column: 5, offset: 4 }],
    [4, { line: 1, column: 6, offset: 5 }],
    [9, { line: 5, column: 3, offset: 16 }],
    [10, { line: 5, column: 5, offset: 18 }],
    [12, { line: 6, column: 2, offset: 20 }],
  ]);

  test("places each clean offset on its original character, a line's end just after its last one", () => {
    expect(clean).toBe("Ab c\n\n\n\nxy\nz");
    const map = new OffsetMap(source, clean);
    expect(at.map((_, offset) => map.at(offset))).toEqual(at);
    const backward = new OffsetMap(source, clean);
    expect(at.map((_, offset) => backward.at(at.length - 1 - offset)).reverse()).toEqual(at);
  });

  test("places the end of each value just after its last original character", () => {
    const map = new OffsetMap(source, clean);
    expect(new Map([...after.keys()].map((offset) => [offset, map.after(offset)]))).toEqual(after);
    const backward = new OffsetMap(source, clean);
    const keys = [...after.keys()].reverse();
    expect(new Map(keys.map((offset) => [offset, backward.after(offset)] as const).reverse())).toEqual(after);
    expect(map.end()).toEqual({ line: 6, column: 2, offset: 20 });
  });

  test("places the end of a text of blank lines at its start", () => {
    const blank = "\u00A0\n\r\n";
    expect(new OffsetMap(blank, cleanText(blank)).end()).toEqual({ line: 1, column: 1, offset: 0 });
  });
});

describe("OffsetMap at the edges of its lines", () => {
  const source = "Ti\u00ADtle\r\nDra\u200Bma\u00A0\nx";
  const clean = cleanText(source);

  test("maps a line behind the walk, with noise inside it, again from its own breaks", () => {
    expect(clean).toBe("Title\nDrama\nx");
    const map = new OffsetMap(source, clean);
    expect(map.at(12)).toEqual({ line: 3, column: 1, offset: 16 });
    expect(map.at(3)).toEqual({ line: 1, column: 5, offset: 4 });
    expect(map.at(9)).toEqual({ line: 2, column: 5, offset: 12 });
    expect(map.after(5)).toEqual({ line: 1, column: 7, offset: 6 });
  });

  test("places the end of a span that ends with a line break at the end of that line", () => {
    const map = new OffsetMap(source, clean);
    expect(map.after(6)).toEqual({ line: 1, column: 7, offset: 6 });
    expect(map.after(12)).toEqual({ line: 2, column: 7, offset: 14 });
  });

  test("matches a clean space to the original space, not to a dropped character before it", () => {
    const spaced = "a\u00AD\u00A0b";
    const map = new OffsetMap(spaced, cleanText(spaced));
    expect(map.at(1)).toEqual({ line: 1, column: 3, offset: 2 });
  });

  test("reads an offset past the end of the text as the end of its last line", () => {
    const map = new OffsetMap(source, clean);
    expect(map.at(clean.length + 5)).toEqual({ line: 3, column: 2, offset: 17 });
  });
});
