// Run by the benchmark in a child process per shape: parses one large
// input of `MEMORY_SHAPES` and prints its size, the process's resident set
// before the input was made, and its peak, as one JSON line.

import { safeParseListing } from "../../dist/index.js";
import { MEMORY_SHAPES } from "./shapes.mjs";

const [shape, size] = [process.argv[2], Number(process.argv[3])];
safeParseListing("Warm\n1948", {}); // load everything the parse uses
const baseline = process.memoryUsage().rss;
const text = MEMORY_SHAPES[shape](size);
const result = safeParseListing(text, { referenceDate: new Date("2026-11-25T00:00:00Z") });
const peak = process.resourceUsage().maxRSS * 1024;
console.log(
  JSON.stringify({ size: text.length, baseline, peak, outcome: result.success ? "parsed" : result.error.code }),
);
