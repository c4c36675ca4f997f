import { describe, expect, test } from "vitest";
import { Progress } from "../src/cli/progress";

/** A stand-in for stderr that records what is written, and a clock moved by hand. */
function setup(isTTY: boolean, total: number, enabled = true) {
  const written: string[] = [];
  let now = 0;
  const progress = new Progress({ isTTY, write: (text: string) => written.push(text) }, total, enabled, () => now);
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

  test("shows done/total and files per second on a terminal after a second, overwriting in place", () => {
    const { progress, written, at } = setup(true, 10_000);
    for (let done = 1; done <= 1200; done++) progress.tick();
    at(1500);
    progress.tick();
    expect(written).toEqual([`${CLEAR}film-listing: 1201/10000 files, 801 files/s`]);
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
      `${CLEAR}film-listing: 1/10 files, 1 files/s`,
      `${CLEAR}film-listing: 3/10 files, 3 files/s`,
    ]);
  });

  test("clears the line once at the end", () => {
    const { progress, written, at } = setup(true, 2);
    at(2000);
    progress.tick();
    progress.clear();
    progress.clear();
    expect(written).toEqual([`${CLEAR}film-listing: 1/2 files, 1 files/s`, CLEAR]);
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
