/**
 * A batch: reads inputs one by one, hands each text to the command's
 * library call, and streams each result out (pretty JSON, NDJSON, a file per
 * input, or a drift report), so that memory does not grow with the batch.
 * One bad input never stops it; Ctrl-C and SIGTERM stop it between inputs.
 */

import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Readable } from "node:stream";
import { getHeapStatistics } from "node:v8";
import { jsonVisible, visible } from "../visible";
import { type BatchCounts, driftReport, githubDrift, summary, updateReport } from "./batch-report";
import { type Actual, checkAgainstCommitted, errorExpectationOf, expectedPathFor, recordJson } from "./check";
import { decodeText } from "./decode";
import { jsonFilesBelow, OutputFiles, outputPathFor, realOrResolved } from "./files";
import {
  describeFsError,
  formatSize,
  type Input,
  isInsideFolder,
  type Read,
  readRegularFile,
  readStream,
} from "./inputs";
import { count, Progress } from "./progress";
import { githubCommand, githubIssue, type IssueLike, issueReport, type Reporter } from "./report";
import { STOP_SIGNALS, StopSignals } from "./signals";
import type { Output as Stream } from "./terminal";

/** Inputs larger than this, in bytes, let signals through between the steps of their handling. */
const LARGE_INPUT = 1024 * 1024;

/** Runs one synchronous step of an input's handling. */
type Step = <T>(work: () => T) => Promise<T>;

/** The outputs that name a `.json` file after each input. */
const WRITES_FILES: ReadonlySet<Output["kind"]> = new Set(["files", "check", "update"]);

/** Where a batch reads standard input and writes: records on stdout; failures, the summary and progress on stderr. */
export interface Streams {
  readonly stdin: Readable;
  readonly stdout: Stream;
  readonly stderr: Stream;
}

/** How the results of a batch are written. */
export type Output =
  /** One value as pretty JSON on stdout. */
  | { readonly kind: "pretty" }
  /** One line per input on stdout: `{"path": …, …}`. */
  | { readonly kind: "ndjson" }
  /** A `<name>.json` file per input, in `dir`. */
  | { readonly kind: "files"; readonly dir: string }
  /** Nothing written: each input is compared with its JSON, `dir/<name>.json` or beside it. */
  | { readonly kind: "check"; readonly dir: string | undefined }
  /** Each input is compared with its JSON, `dir/<name>.json` or beside it, and the JSON written where it differs. */
  | { readonly kind: "update"; readonly dir: string | undefined };

/** What the command's library call made of one text. */
export interface Processed {
  /** What is printed or written for the input (the record, its JSON-LD, its inspection); none when it failed. */
  readonly value?: unknown;
  /** The NDJSON line for the input, but its path: `{ film }`, `{ schemaOrg }`, `{ film, issues }`. */
  readonly line?: Readonly<Record<string, unknown>>;
  /** For `--check`: the value, or the error the parse failed with. */
  readonly actual: Actual;
  /** Every issue found, in text order. */
  readonly issues: readonly IssueLike[];
  /** A parse that failed, or an inspection with an error. */
  readonly hasError: boolean;
}

/** What a batch does besides reading its inputs. */
export interface BatchOptions {
  readonly output: Output;
  /** `parse` prints a failing input's issues; `inspect` keeps them in its JSON. */
  readonly command: "parse" | "inspect";
  /** The library call for one text. */
  readonly process: (text: string) => Processed;
  readonly reporter: Reporter;
  readonly maxSize: number;
  /** The most heap one byte of input may take: an input that could take more than is left is refused. */
  readonly heapPerByte: number;
  /** No summary and no progress; failures are still printed. */
  readonly quiet: boolean;
  /** Print the summary line at the end (batches, not a single pretty result). */
  readonly summary: boolean;
  /** The `$schema` of a record written to a file, given the file's path; none for values that are no record. */
  readonly schemaRef?: ((file: string) => string | undefined) | undefined;
}

/**
 * Reads, processes and writes every input in order, as `options` says;
 * prints each failure to stderr (as `path:line:column: CODE reason` with
 * its code frame, or as a GitHub workflow command), and ends with a summary
 * line. Returns the exit status: 0, or 1 when any input failed, has an
 * error (`inspect`) or drifted.
 *
 * @example
 * ```sh
 * $ film-listing parse fixtures/*.txt fixtures/errors --check --reference-date 2026-11-25
 * film-listing: 46 parsed, 35 expected errors, 0 failed, 0 drifted in 0.08s   # on stderr; exit status 0
 * ```
 */
export async function runBatch(inputs: readonly Input[], options: BatchOptions, streams: Streams): Promise<number> {
  const { stderr } = streams;
  const started = performance.now();
  const progress = new Progress(stderr.stream, inputs.length, !options.quiet, undefined, stderr.palette.dim);
  // Each file is written whole and synchronously, so a signal stops the batch between writes.
  const signals = new StopSignals((signal) => {
    progress.clear();
    stderr.writeNow(`film-listing: stopped after ${count(progress.doneCount)} of ${count(inputs.length)} inputs\n`);
    process.exit(STOP_SIGNALS[signal]);
  });
  const batch = new Batch(inputs, options, streams, progress, signals);
  try {
    const outDir = options.output.kind === "files" || options.output.kind === "update" ? options.output.dir : undefined;
    if (outDir !== undefined) {
      try {
        batch.files.makeFolder(outDir);
        batch.files.sweep(outDir);
      } catch (error) {
        await stderr.write(`film-listing: cannot write to --out-dir ${visible(outDir)}: ${describeFsError(error)}\n`);
        return 1;
      }
    }
    for (const input of inputs) {
      try {
        await batch.handle(input);
      } catch (error) {
        // A fault of the command or the library, not of the input: told like any failure, and the batch goes on.
        await batch.fail(input.path, `internal error: ${error instanceof Error ? error.message : String(error)}`);
      }
      batch.progress.tick();
      // Between files the event loop runs, so that signals and the progress line get their turn.
      await new Promise(setImmediate);
    }
    const { output } = options;
    if ((output.kind === "check" || output.kind === "update") && output.dir !== undefined && !options.quiet) {
      await batch.reportOrphans(output.dir, inputs);
    }
  } finally {
    signals.release();
  }
  progress.clear();

  const { counts } = batch;
  if (options.summary && !options.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const kind = { command: options.command, output: options.output.kind };
    await stderr.write(`film-listing: ${summary(kind, counts, stderr.palette)} in ${seconds}s\n`);
  }
  return counts.failed + counts.drifted + counts.withErrors > 0 ? 1 : 0;
}

/** The state of a running batch, and the handling of one input. */
class Batch {
  readonly counts: BatchCounts = { done: 0, failed: 0, withErrors: 0, drifted: 0, expectedErrors: 0, updated: 0 };
  readonly files: OutputFiles;
  /** Each file written, and the input it was written for. */
  private readonly writtenTo = new Map<string, string>();
  /** The inputs' real paths: no output may be written over one. */
  private readonly inputPaths: Set<string>;

  constructor(
    inputs: readonly Input[],
    private readonly options: BatchOptions,
    private readonly streams: Streams,
    readonly progress: Progress,
    private readonly signals: StopSignals,
  ) {
    const { output } = options;
    this.files = new OutputFiles(output.kind === "files" || output.kind === "update" ? output.dir : undefined);
    this.inputPaths = new Set(
      inputs.flatMap((input) => (input.kind === "file" ? [realOrResolved(input.raw ?? input.path)] : [])),
    );
  }

  /** Writes to stdout; on a terminal, it shares the screen with stderr, so the progress line is cleared first. */
  private toStdout(text: string): Promise<void> {
    if (this.streams.stdout.isTTY) this.progress.clear();
    return this.streams.stdout.write(text);
  }

  private toStderr(text: string): Promise<void> {
    this.progress.clear();
    return this.streams.stderr.write(text);
  }

  /** Counts `path` as failed and tells why. */
  fail(path: string, reason: string): Promise<void> {
    this.counts.failed++;
    return this.toStderr(
      this.options.reporter === "github"
        ? githubCommand("error", { file: path, title: "unreadable input" }, reason)
        : `${this.streams.stderr.palette.path(visible(path))}: ${visible(reason)}\n`,
    );
  }

  async handle(input: Input): Promise<void> {
    const { options } = this;
    if (input.kind === "unreadable") return this.fail(input.path, input.reason);
    if (input.kind === "file" && input.raw !== undefined && WRITES_FILES.has(options.output.kind)) {
      return this.fail(input.path, "the name is not UTF-8, so no .json name can be made for it; rename the file");
    }
    const read: Read =
      input.kind === "stdin"
        ? await readStream(this.streams.stdin, options.maxSize)
        : readRegularFile(input.raw ?? input.path, options.maxSize);
    if (!read.ok) return this.fail(input.path, read.reason);
    const { bytes } = read;
    // Each step of a large input takes a while: the event loop runs before it, and SIGINT interrupts it.
    const step: Step =
      bytes.length > LARGE_INPUT
        ? async (work) => {
            await new Promise(setImmediate);
            return this.signals.run(work);
          }
        : async (work) => work();
    const tooLarge = memoryShortfall(bytes.length, options.heapPerByte);
    if (tooLarge !== undefined) return this.fail(input.path, tooLarge);
    const decoded = await step(() => decodeText(bytes));
    if (!decoded.ok) return this.fail(input.path, decoded.reason);
    const { text } = decoded;
    const processed = await step(() => options.process(text));

    const { output } = options;
    if (output.kind === "check" || output.kind === "update") {
      return this.compare(input, processed, text, step, output.kind, output.dir);
    }
    if (options.command === "parse" && processed.hasError) {
      this.counts.failed++;
      return this.reportIssues(input.path, processed.issues, text);
    }
    if (options.command === "inspect" && options.reporter === "github") {
      await this.reportIssues(input.path, processed.issues, text);
    }
    if (!(await this.writeValue(input, processed, step))) return;
    if (options.command === "inspect" && processed.hasError) this.counts.withErrors++;
    else this.counts.done++;
  }

  /** `--check` and `--update`: compares the result with the committed JSON, and with `--update` writes it. */
  private async compare(
    input: Input,
    processed: Processed,
    text: string,
    step: Step,
    kind: "check" | "update",
    dir: string | undefined,
  ): Promise<void> {
    const { counts, options } = this;
    const noun = options.command === "parse" ? "a film record" : "an inspection";
    const expectedPath = dir === undefined ? expectedPathFor(input.path) : outputPathFor(dir, input);
    // A committed file that links out of its folder is neither read nor written through: CI would print what it holds.
    const folder = dir ?? (input.kind === "file" ? input.folder : undefined) ?? dirname(input.path);
    if (existsSync(expectedPath) && !isInsideFolder(expectedPath, folder)) {
      return this.fail(input.path, `${expectedPath} links outside ${folder}; not read`);
    }
    const outcome = await step(() => checkAgainstCommitted(expectedPath, processed.actual, noun));
    switch (outcome.kind) {
      case "matched":
        counts.done++;
        return;
      case "expected-error":
        counts.expectedErrors++;
        return;
      case "failed":
        counts.failed++;
        return this.reportIssues(input.path, processed.issues, text);
      case "drifted":
        break;
    }
    const { drift } = outcome;
    if (kind === "check") {
      counts.drifted++;
      if (options.reporter === "github") {
        return this.toStderr(githubDrift(input.path, outcome.committed ? expectedPath : input.path, drift));
      }
      return this.toStdout(driftReport(input.path, expectedPath, drift, this.streams.stdout.palette));
    }
    const { actual } = processed;
    const value =
      actual.kind === "value" ? this.withSchema(actual.value, expectedPath) : errorExpectationOf(actual.error);
    if (this.inputPaths.has(realOrResolved(expectedPath))) {
      return this.fail(input.path, `${expectedPath} is an input; not written over`);
    }
    const json = await step(() => recordJson(value));
    try {
      this.files.write(expectedPath, json);
    } catch (error) {
      return this.fail(input.path, `cannot write ${expectedPath}: ${describeFsError(error)}`);
    }
    if (actual.kind === "value") counts.done++;
    else counts.expectedErrors++;
    counts.updated++;
    return this.toStdout(updateReport(expectedPath, outcome.committed, drift, this.streams.stdout.palette));
  }

  /** Prints or writes the value of one input; false when it could not be written (a failure, told). */
  private async writeValue(input: Input, processed: Processed, step: Step): Promise<boolean> {
    const { output } = this.options;
    /** The JSON text of `value`, pretty (as `recordJson` writes it) or on one line, made safe to print. */
    const render = async (value: unknown, pretty: boolean): Promise<string> => {
      const json = await step(() => (pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)));
      return `${await step(() => jsonVisible(json))}\n`;
    };
    switch (output.kind) {
      case "pretty":
        await this.toStdout(await render(processed.value, true));
        return true;
      case "ndjson":
        await this.toStdout(await render({ path: input.path, ...processed.line }, false));
        return true;
      case "files": {
        const target = outputPathFor(output.dir, input);
        if (this.inputPaths.has(realOrResolved(target))) {
          await this.fail(input.path, `${target} is an input; not written over (choose another --out-dir)`);
          return false;
        }
        const earlier = this.writtenTo.get(target);
        if (earlier !== undefined) {
          await this.fail(input.path, `${target} was already written for ${earlier}`);
          return false;
        }
        const text = await render(this.withSchema(processed.value, target), true);
        try {
          this.files.write(target, text);
        } catch (error) {
          await this.fail(input.path, `cannot write ${target}: ${describeFsError(error)}`);
          return false;
        }
        this.writtenTo.set(target, input.path);
        return true;
      }
      case "check":
      case "update":
        return true;
    }
  }

  /** A record to be written to `file`, with its `$schema` first when the command gives one. */
  private withSchema(value: unknown, file: string): unknown {
    const ref = this.options.schemaRef?.(file);
    return ref === undefined ? value : { $schema: ref, ...(value as object) };
  }

  /**
   * `--check` or `--update` with `--out-dir`: a notice for each JSON file
   * below it that no input of the run gives (its text was removed or
   * renamed), left as it is. Only when every input was found in a folder:
   * a file named on the command line is a check of that file alone, and
   * when an input could not be listed, its files are not known.
   */
  async reportOrphans(dir: string, inputs: readonly Input[]): Promise<void> {
    if (!inputs.every((input) => input.kind === "file" && input.folder !== undefined)) return;
    const given = new Set(inputs.map((input) => resolve(outputPathFor(dir, input))));
    const { palette } = this.streams.stderr;
    for (const file of jsonFilesBelow(dir)) {
      if (given.has(resolve(file))) continue;
      const reason = "no input gives this file (was its text removed or renamed?); left as it is";
      await this.toStderr(
        this.options.reporter === "github"
          ? githubCommand("notice", { file, title: "no input" }, reason)
          : `${palette.path(visible(file))}: ${reason}\n`,
      );
    }
  }

  private async reportIssues(path: string, issues: readonly IssueLike[], text: string): Promise<void> {
    const { reporter } = this.options;
    const { palette } = this.streams.stderr;
    for (const issue of issues) {
      await this.toStderr(reporter === "github" ? githubIssue(path, issue) : issueReport(path, issue, text, palette));
    }
  }
}

/**
 * Why an input of `bytes` cannot be read with the heap this process has
 * left, or undefined when it can: refused before it is decoded, so that it
 * fails alone instead of ending the process and the batch with it.
 */
function memoryShortfall(bytes: number, heapPerByte: number): string | undefined {
  const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
  const needed = bytes * heapPerByte;
  if (needed <= limit - used) return undefined;
  return `an input of ${formatSize(bytes)} may need ${formatSize(needed)} of memory, more than the ${formatSize(limit - used)} this process has left (give Node more with NODE_OPTIONS=--max-old-space-size=MB, or split the input)`;
}
