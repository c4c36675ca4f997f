import { describe, expect, test } from "vitest";
import { duration, Progress } from "../src/cli/progress";

/** A stand-in for stderr that records what is written, and a clock moved by hand. */
function setup(isTTY: boolean, total: number, enabled = true, columns?: number) {
  const written: string[] = [];
  let now = 0;
  const stream = { isTTY, columns, write: (text: string) => written.push(text) };
  const progress = new Progress(stream, total, enabled, () => now);
  return {
    progress,
    written,
    at(milliseconds: number) {
      now = milliseconds;
    },
  };
}

const CLEAR = "\r\u001b[K";

describe("batch progress", () => {
  test("stays silent during the first second", () => {
    const { progress, written, at } = setup(true, 100);
    at(999);
    progress.tick();
    progress.clear();
    expect(written).toEqual([]);
  });

  test("shows done/total, files per second, time elapsed and time left on a terminal after a second, in place", () => {
    const { progress, written, at } = setup(true, 10_000);
    for (let done = 1; done <= 1200; done++) progress.tick();
    at(1500);
    progress.tick();
    expect(written).toEqual([`${CLEAR}film-listing: 1,201/10,000 files, 801 files/s, 2s elapsed, about 11s left`]);
  });

  test("cuts the line to the terminal's width, so that it never wraps", () => {
    const { progress, written, at } = setup(true, 10_000, true, 40);
    at(1500);
    progress.tick();
    expect(written).toEqual([`${CLEAR}film-listing: 1/10,000 files, 1 files/…`]);
    expect(written[0]?.length).toBe(CLEAR.length + 39);
  });

  test.each([
    [400, "0s"],
    [59_400, "59s"],
    [65_000, "1m 05s"],
    [3_725_000, "1h 02m"],
  ])("writes %i ms as %s", (milliseconds, shown) => {
    expect(duration(milliseconds)).toBe(shown);
  });

  test("redraws at most every tenth of a second", () => {
    const { progress, written, at } = setup(true, 10);
    at(1000);
    progress.tick();
    at(1050);
    progress.tick();
    at(1100);
    progress.tick();
    expect(written).toEqual([
      `${CLEAR}film-listing: 1/10 files, 1 files/s, 1s elapsed, about 9s left`,
      `${CLEAR}film-listing: 3/10 files, 3 files/s, 1s elapsed, about 3s left`,
    ]);
  });

  test("clears the line once at the end", () => {
    const { progress, written, at } = setup(true, 2);
    at(2000);
    progress.tick();
    progress.clear();
    progress.clear();
    expect(written).toEqual([`${CLEAR}film-listing: 1/2 files, 1 files/s, 2s elapsed, about 2s left`, CLEAR]);
  });

  test("never draws when stderr is not a terminal", () => {
    const { progress, written, at } = setup(false, 2);
    at(5000);
    progress.tick();
    progress.clear();
    expect(written).toEqual([]);
  });

  test("never draws with --quiet", () => {
    const { progress, written, at } = setup(true, 2, false);
    at(5000);
    progress.tick();
    progress.clear();
    expect(written).toEqual([]);
  });
});
