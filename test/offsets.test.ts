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
