/**
 * `film-listing parse`: parses inputs one by one and streams each
 * result out (pretty JSON, NDJSON, a file per input, or a drift report), so
 * that memory does not grow with the batch. One bad input never stops it.
 */

import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import type { Readable } from "node:stream";
import {
  type Film,
  formatCodeFrame,
  type ListingError,
  type ParseOptions,
  type SafeParseListingResult,
  safeParseListing,
} from "../index";
import { checkAgainstCommitted, type Drift, recordJson } from "./check";
import { describeFsError, type Input, readAll } from "./inputs";
import { Progress, type ProgressStream } from "./progress";

/** Where a batch writes: stdout for results, stderr for failures, the summary and progress. */
export interface Streams {
  readonly stdin: Readable;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & ProgressStream;
}

/** How the results of a batch are written. */
export type Output =
  /** One record as pretty JSON on stdout. */
  | { readonly kind: "pretty" }
  /** One line per input on stdout: `{"path": …, "film": …}`. */
  | { readonly kind: "ndjson" }
  /** A `<name>.json` file per input, in `dir`. */
  | { readonly kind: "files"; readonly dir: string }
  /** Nothing written: each input is compared with the JSON beside it. */
  | { readonly kind: "check" };

/** What a batch does besides reading its inputs. */
export interface BatchOptions {
  readonly output: Output;
  /**
   * What is written for each record, and its key in NDJSON lines: the
   * record itself as `film` unless given (`--schema-org` gives toSchemaOrg).
   */
  readonly project?: { readonly key: string; readonly map: (film: Film) => unknown } | undefined;
  /** No summary and no progress; failures are still printed. */
  /** Options for every parse of the batch (`--reference-date`). */
  readonly parseOptions: ParseOptions;
  readonly quiet: boolean;
  /** Print the summary line at the end (batches, not a single pretty result). */
  readonly summary: boolean;
}

/** The counts of a batch, as its summary line gives them. */
export interface BatchCounts {
  parsed: number;
  failed: number;
  drifted: number;
  /** `--check` only: inputs that failed with the code and position their JSON expects. */
  expectedErrors: number;
}

/**
 * Parses every input in order and writes its result as `options.output`
 * says; prints each failure to stderr as `path:line:column: CODE reason`
 * with its code frame, and ends with a summary line. Returns the counts;
 * the exit status is 1 when any input failed or drifted.
 *
 * @example
 * ```ts
 * const counts = await runBatch(await expandInputs(["fixtures"]), { output: { kind: "check" }, … }, streams);
 * // stderr: "film-listing: 45 parsed, 32 expected errors, 0 failed, 0 drifted in 0.04s"
 * counts; // { parsed: 45, failed: 0, drifted: 0, expectedErrors: 32 }
 * ```
 */
export async function runBatch(
  inputs: readonly Input[],
  options: BatchOptions,
  streams: Streams,
): Promise<BatchCounts> {
  const { stdout, stderr } = streams;
  const counts: BatchCounts = { parsed: 0, failed: 0, drifted: 0, expectedErrors: 0 };
  const started = performance.now();
  const progress = new Progress(stderr, inputs.length, !options.quiet);
  const writtenTo = new Map<string, string>();
  const madeFolders = new Set<string>();
  const key = options.project?.key ?? "film";
  const project = options.project?.map ?? ((film: Film): unknown => film);

  const fail = (message: string): void => {
    progress.clear();
    stderr.write(`${message}\n`);
    counts.failed++;
  };

  for (const input of inputs) {
    await handle(input);
    progress.tick();
    // Files are read and written synchronously, which is several times
    // faster per file than promises; between files the event loop runs, so
    // that a signal or the progress line gets its turn.
    await new Promise(setImmediate);
  }
  progress.clear();

  if (options.summary && !options.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const expected =
      options.output.kind === "check"
        ? `${counts.expectedErrors} expected ${counts.expectedErrors === 1 ? "error" : "errors"}, `
        : "";
    stderr.write(
      `film-listing: ${counts.parsed} parsed, ${expected}${counts.failed} failed, ${counts.drifted} drifted in ${seconds}s\n`,
    );
  }
  return counts;

  async function handle(input: Input): Promise<void> {
    if (input.kind === "unreadable") return fail(`${input.path}: ${input.reason}`);
    let text: string;
    try {
      text = input.kind === "stdin" ? await readAll(streams.stdin) : readFileSync(input.path, "utf8");
    } catch (error) {
      return fail(`${input.path}: ${describeFsError(error)}`);
    }
    let result: SafeParseListingResult;
    try {
      result = safeParseListing(text, options.parseOptions);
    } catch (error) {
      // Not a ListingError: a fault of the parser, reported like any failure so that the batch goes on.
      return fail(`${input.path}: internal error: ${error instanceof Error ? error.message : String(error)}`);
    }

    if (options.output.kind === "check") {
      const outcome = await checkAgainstCommitted(input.path, result);
      if (outcome.kind === "parsed") counts.parsed++;
      else if (outcome.kind === "expected-error") counts.expectedErrors++;
      else if (outcome.kind === "drifted") {
        counts.drifted++;
        progress.clear();
        await write(stdout, driftReport(input.path, outcome.expectedPath, outcome.drifts));
      } else if (!result.success) fail(failureReport(input.path, result.error, text));
      return;
    }

    if (!result.success) return fail(failureReport(input.path, result.error, text));
    const value = project(result.data);
    switch (options.output.kind) {
      case "pretty":
        await write(stdout, recordJson(value));
        break;
      case "ndjson":
        await write(stdout, `${JSON.stringify({ path: input.path, [key]: value })}\n`);
        break;
      case "files": {
        const target = outputPathFor(options.output.dir, input);
        const earlier = writtenTo.get(target);
        if (earlier !== undefined) return fail(`${input.path}: ${target} was already written for ${earlier}`);
        try {
          writeAtomically(target, recordJson(value), madeFolders);
        } catch (error) {
          return fail(`${input.path}: cannot write ${target}: ${describeFsError(error)}`);
        }
        writtenTo.set(target, input.path);
        break;
      }
    }
    counts.parsed++;
  }
}

/**
 * The failure line `path:line:column: CODE reason`, then the code frame.
 *
 * @example
 * ```ts
 * failureReport("bad.txt", error, "The Red Shoes\n7.5\n1948");
 * // "bad.txt:2:1: E_INVALID rating 7.5 is outside 0–5\n  1 | The Red Shoes\n> 2 | 7.5\n    | ^\n  3 | 1948"
 * ```
 */
export function failureReport(path: string, error: ListingError, text: string): string {
  return `${path}:${error.line}:${error.column}: ${error.code} ${error.reason}\n${formatCodeFrame(error, text)}`;
}

/** `path: drifted from x.json`, then one indented `field: old → new` line per drift. */
function driftReport(path: string, expectedPath: string, drifts: readonly Drift[]): string {
  const lines = drifts.map((drift) => `  ${drift.field}: ${drift.old} → ${drift.new}`);
  return `${path}: drifted from ${expectedPath}\n${lines.join("\n")}\n`;
}

/**
 * `<name>.json` in `dir` for an input named as a file; an input found in a
 * folder keeps its place below that folder (`a/b/x.txt` → `dir/b/x.json`
 * for the argument `a`), so that two `x.txt` in different folders do not
 * overwrite each other. Standard input is written as `stdin.json`.
 */
function outputPathFor(dir: string, input: Input): string {
  const relative = input.kind === "file" ? input.relative : "stdin.txt";
  return join(dir, `${relative.slice(0, relative.length - extname(relative).length)}.json`);
}

/**
 * Writes `text` to a temporary file beside `target`, then renames it over
 * `target`; synchronously, so that no signal is handled halfway.
 */
function writeAtomically(target: string, text: string, made: Set<string>): void {
  const folder = dirname(target);
  if (!made.has(folder)) {
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  const temporary = join(folder, `.${randomBytes(6).toString("hex")}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, "utf8");
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Exits with `status`. Signals are handled between inputs only (each file
 * is written synchronously), so an interrupted batch leaves whole `.json`
 * files and no temporary ones.
 *
 * @example
 * ```ts
 * process.once("SIGINT", () => interrupt(130));
 * ```
 */
export function interrupt(status: number): void {
  process.exit(status);
}

/** Writes to a stream, waiting for it to drain when its buffer is full. */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once("drain", resolve);
  });
}
