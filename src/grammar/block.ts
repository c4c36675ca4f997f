/**
 * Blocks of lines (see {@link LineBlock}): read as a range of the clean
 * text, and walked line by line only where a value needs its lines.
 */

import { afterBlankLines, lineEnd } from "./patterns";
import type { LineBlock } from "./tree";

const NEWLINE = 10;

/** Calls `visit` with the start and end of each line of `block`, in order. */
export function forEachLine(input: string, block: LineBlock, visit: (start: number, end: number) => void): void {
  for (let start = block.start; start < block.end; ) {
    const end = lineEnd(input, start);
    visit(start, end);
    start = afterBlankLines(input, end);
  }
}

/**
 * The start of the line of `block` that ends at `end` (a line end of the
 * block, after its start).
 */
export function lineStartBefore(input: string, block: LineBlock, end: number): number {
  return Math.max(block.start, input.lastIndexOf("\n", end - 1) + 1);
}

/**
 * The end of the line of `block` before the one starting at `start`, or
 * `block.start` when that line is the first.
 */
export function lineEndBefore(input: string, block: LineBlock, start: number): number {
  let end = start;
  while (end > block.start && input.charCodeAt(end - 1) === NEWLINE) end--;
  return end;
}
