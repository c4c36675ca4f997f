/**
 * A batch: reads inputs one by one, hands each text to the command's
 * library call, and streams each result out (pretty JSON, NDJSON, a file per
 * input, or a drift report), so that memory does not grow with the batch.
 * One bad input never stops it; Ctrl-C and SIGTERM stop it between inputs.
 */

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, parse as parsePath, resolve } from "node:path";
import type { Readable } from "node:stream";
import { getHeapStatistics } from "node:v8";
import { jsonVisible, visible } from "../visible";
import {
  type Actual,
  checkAgainstCommitted,
  type Drift,
  errorExpectationOf,
  expectedPathFor,
  recordJson,
} from "./check";
import { decodeText } from "./decode";
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
import { failureWords, type Output as Stream } from "./terminal";

/** Inputs larger than this, in bytes, let signals through between the steps of their handling. */
const LARGE_INPUT = 1024 * 1024;

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

/** The counts of a batch, as its summary line gives them. */
export interface BatchCounts {
  /** Inputs parsed (`inspect`: read), and with `--check` matching their JSON. */
  done: number;
  /** Inputs that could not be read, or failed to parse. */
  failed: number;
  /** `inspect` without `--check`: inputs with an issue of severity error. */
  withErrors: number;
  drifted: number;
  /** `--check` of `parse`: inputs that failed with the code and position their JSON expects. */
  expectedErrors: number;
  /** `--update`: JSON files written, among the inputs counted above. */
  updated: number;
}

/**
 * Reads, processes and writes every input in order, as `options` says;
 * prints each failure to stderr (as `path:line:column: CODE reason` with
 * its code frame, or as a GitHub workflow command), and ends with a summary
 * line. Returns the exit status: 0, or 1 when any input failed, has an
 * error (`inspect`), drifted, or output could not be written.
 *
 * @example
 * ```sh
 * $ film-listing parse fixtures/*.txt fixtures/errors --check --reference-date 2026-11-25
 * film-listing: 46 parsed, 35 expected errors, 0 failed, 0 drifted in 0.08s   # on stderr; exit status 0
 * ```
 */
export async function runBatch(inputs: readonly Input[], options: BatchOptions, streams: Streams): Promise<number> {
  const { stdout, stderr } = streams;
  const { output, reporter } = options;
  const counts: BatchCounts = { done: 0, failed: 0, withErrors: 0, drifted: 0, expectedErrors: 0, updated: 0 };
  const started = performance.now();
  const progress = new Progress(stderr.stream, inputs.length, !options.quiet, undefined, stderr.palette.dim);
  const writtenTo = new Map<string, string>();
  // No output may be written over an input.
  const inputPaths = new Set(inputs.flatMap((input) => (input.kind === "file" ? [realOrResolved(input.path)] : [])));
  const madeFolders = new Set<string>();

  // On a terminal, stdout and stderr are the same screen: a record must not start on the progress line.
  const toStdout = (text: string): Promise<void> => {
    if (stdout.isTTY) progress.clear();
    return stdout.write(text);
  };
  const toStderr = (text: string): Promise<void> => {
    progress.clear();
    return stderr.write(text);
  };
  const fail = (path: string, reason: string): Promise<void> => {
    counts.failed++;
    return toStderr(
      reporter === "github"
        ? githubCommand("error", { file: path, title: "unreadable input" }, reason)
        : `${stderr.palette.path(visible(path))}: ${visible(reason)}\n`,
    );
  };

  const outDir = output.kind === "files" || output.kind === "update" ? output.dir : undefined;
  if (outDir !== undefined) {
    try {
      makeFolder(outDir, madeFolders);
    } catch (error) {
      await stderr.write(`film-listing: cannot write to --out-dir ${visible(outDir)}: ${describeFsError(error)}\n`);
      return 1;
    }
  }

  // Ctrl-C or SIGTERM: stop between inputs (each file is written whole, synchronously), say where, exit 130 or 143.
  const stop = (signal: NodeJS.Signals): void => {
    progress.clear();
    stderr.writeNow(`film-listing: stopped after ${count(progress.doneCount)} of ${count(inputs.length)} inputs\n`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  try {
    for (const input of inputs) {
      try {
        await handle(input);
      } catch (error) {
        // A fault of the command or the library, not of the input: reported like any failure so that the batch goes on.
        await fail(input.path, `internal error: ${error instanceof Error ? error.message : String(error)}`);
      }
      progress.tick();
      // Files are read and written synchronously, which is several times faster per file than
      // promises; between files the event loop runs, so that a signal or the progress line gets its turn.
      await new Promise(setImmediate);
    }
  } finally {
    process.removeListener("SIGINT", stop);
    process.removeListener("SIGTERM", stop);
  }
  progress.clear();

  if (options.summary && !options.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    await stderr.write(`film-listing: ${summary(options, counts, stderr.palette)} in ${seconds}s\n`);
  }
  let status = counts.failed + counts.drifted + counts.withErrors > 0 ? 1 : 0;
  for (const [name, stream] of [
    ["standard output", stdout],
    ["standard error", stderr],
  ] as const) {
    if (stream.failure === undefined) continue;
    const words = failureWords(stream.failure);
    if (words === undefined) continue; // the reader went away (`| head`): not a failure of the batch
    status = 1;
    if (stream !== stderr) await stderr.write(`film-listing: cannot write to ${name}: ${words}\n`);
  }
  return status;

  async function handle(input: Input): Promise<void> {
    if (input.kind === "unreadable") return fail(input.path, input.reason);
    const read: Read =
      input.kind === "stdin"
        ? await readStream(streams.stdin, options.maxSize)
        : readRegularFile(input.path, options.maxSize);
    // A large input takes a while at each step: between steps the event loop runs, so that Ctrl-C is not kept waiting.
    const breathe = read.ok && read.bytes.length > LARGE_INPUT ? () => new Promise(setImmediate) : undefined;
    await breathe?.();
    const tooLarge = read.ok ? memoryShortfall(read.bytes.length, options.heapPerByte) : undefined;
    if (tooLarge !== undefined) return fail(input.path, tooLarge);
    const decoded = read.ok ? decodeText(read.bytes) : read;
    if (!decoded.ok) return fail(input.path, decoded.reason);
    const { text } = decoded;
    await breathe?.();
    const processed = options.process(text);
    await breathe?.();

    if (output.kind === "check" || output.kind === "update") {
      const noun = options.command === "parse" ? "a film record" : "an inspection";
      const expectedPath = output.dir === undefined ? expectedPathFor(input.path) : outputPathFor(output.dir, input);
      // A committed file that links out of its folder is neither read nor written through: CI would print what it holds.
      const folder = output.dir ?? (input.kind === "file" ? input.folder : undefined) ?? dirname(input.path);
      if (existsSync(expectedPath) && !isInsideFolder(expectedPath, folder)) {
        return fail(input.path, `${expectedPath} links outside ${folder}; not read`);
      }
      const outcome = checkAgainstCommitted(expectedPath, processed.actual, noun);
      switch (outcome.kind) {
        case "matched":
          counts.done++;
          return;
        case "expected-error":
          counts.expectedErrors++;
          return;
        case "failed":
          counts.failed++;
          return reportIssues(input.path, processed.issues, text);
        case "drifted": {
          const { drift } = outcome;
          if (output.kind === "check") {
            counts.drifted++;
            if (reporter === "github") {
              const file = outcome.committed ? expectedPath : input.path;
              return toStderr(githubDrift(input.path, file, drift));
            }
            return toStdout(driftReport(input.path, expectedPath, drift, stdout));
          }
          const { actual } = processed;
          const value =
            actual.kind === "value" ? withSchema(actual.value, expectedPath) : errorExpectationOf(actual.error);
          if (inputPaths.has(realOrResolved(expectedPath))) {
            return fail(input.path, `${expectedPath} is an input; not written over`);
          }
          try {
            writeAtomically(expectedPath, recordJson(value), madeFolders);
          } catch (error) {
            return fail(input.path, `cannot write ${expectedPath}: ${describeFsError(error)}`);
          }
          if (actual.kind === "value") counts.done++;
          else counts.expectedErrors++;
          counts.updated++;
          return toStdout(updateReport(expectedPath, outcome.committed, drift, stdout));
        }
      }
    }

    if (options.command === "parse" && processed.hasError) {
      counts.failed++;
      return reportIssues(input.path, processed.issues, text);
    }
    if (options.command === "inspect" && reporter === "github") await reportIssues(input.path, processed.issues, text);
    if (!(await writeValue(input, processed, breathe))) return;
    if (options.command === "inspect" && processed.hasError) counts.withErrors++;
    else counts.done++;
  }

  /** Prints or writes the value of one input; false when it could not be written (a failure, reported). */
  async function writeValue(input: Input, processed: Processed, breathe?: () => Promise<unknown>): Promise<boolean> {
    /** The JSON text of `value`, pretty (as `recordJson` writes it) or on one line, made safe to print. */
    const render = async (value: unknown, pretty: boolean): Promise<string> => {
      const json = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
      await breathe?.();
      const text = `${jsonVisible(json)}\n`;
      await breathe?.();
      return text;
    };
    switch (output.kind) {
      case "pretty":
        await toStdout(await render(processed.value, true));
        return true;
      case "ndjson":
        await toStdout(await render({ path: input.path, ...processed.line }, false));
        return true;
      case "files": {
        const target = outputPathFor(output.dir, input);
        if (inputPaths.has(realOrResolved(target))) {
          await fail(input.path, `${target} is an input; not written over (choose another --out-dir)`);
          return false;
        }
        const earlier = writtenTo.get(target);
        if (earlier !== undefined) {
          await fail(input.path, `${target} was already written for ${earlier}`);
          return false;
        }
        const text = await render(withSchema(processed.value, target), true);
        try {
          writeAtomically(target, text, madeFolders);
        } catch (error) {
          await fail(input.path, `cannot write ${target}: ${describeFsError(error)}`);
          return false;
        }
        writtenTo.set(target, input.path);
        return true;
      }
      case "check":
      case "update":
        return true;
    }
  }

  /** A record to be written to `file`, with its `$schema` first when the command gives one. */
  function withSchema(value: unknown, file: string): unknown {
    const ref = options.schemaRef?.(file);
    return ref === undefined ? value : { $schema: ref, ...(value as object) };
  }

  async function reportIssues(path: string, issues: readonly IssueLike[], text: string): Promise<void> {
    for (const issue of issues) {
      await toStderr(reporter === "github" ? githubIssue(path, issue) : issueReport(path, issue, text, stderr.palette));
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

/** A path with its links resolved, or as an absolute path when it does not exist yet. */
function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The summary line, saying only what applies to the command and its options. */
function summary(options: BatchOptions, counts: BatchCounts, palette: Stream["palette"]): string {
  const check = options.output.kind === "check" || options.output.kind === "update";
  const red = (text: string, value: number) => (value > 0 ? palette.error(text) : text);
  const parts =
    options.command === "parse"
      ? [`${count(counts.done)} parsed`]
      : [`${count(counts.done + counts.withErrors)} inspected`];
  if (check && options.command === "parse") {
    parts.push(`${count(counts.expectedErrors)} expected ${counts.expectedErrors === 1 ? "error" : "errors"}`);
  }
  if (!check && options.command === "inspect")
    parts.push(red(`${count(counts.withErrors)} with errors`, counts.withErrors));
  parts.push(red(`${count(counts.failed)} failed`, counts.failed));
  if (options.output.kind === "check") parts.push(red(`${count(counts.drifted)} drifted`, counts.drifted));
  if (options.output.kind === "update") parts.push(`${count(counts.updated)} updated`);
  return parts.join(", ");
}

/** The JSON path of a drift and both values: `$.rating: 4.4 → 4.3`, or the file's fault in words. */
function driftLine(drift: Drift): string {
  const values = `${visible(drift.old)} → ${visible(drift.new)}`;
  return drift.path === undefined ? values : `${visible(drift.path)}: ${values}`;
}

/** `and 2 more differences`, or nothing. */
function moreLine(drift: Drift): string[] {
  return drift.more === 0 ? [] : [`and ${count(drift.more)} more ${drift.more === 1 ? "difference" : "differences"}`];
}

/** `path: drifted from x.json:3`, then the first differing value, indented, and how many more differ. */
function driftReport(path: string, expectedPath: string, drift: Drift, stdout: Stream): string {
  const { palette } = stdout;
  const place = `${visible(expectedPath)}${drift.line === undefined ? "" : `:${drift.line}`}`;
  const lines = [driftLine(drift), ...moreLine(drift)].map((line) => `  ${line}\n`).join("");
  return `${palette.path(visible(path))}: ${palette.warning("drifted")} from ${place}\n${lines}`;
}

/** Drift as one workflow command on the committed file at the differing line (on the text when there is no file). */
function githubDrift(path: string, file: string, drift: Drift): string {
  const message = [`${path} drifted: ${drift.path === undefined ? "" : `${drift.path}: `}${drift.old} → ${drift.new}`];
  return githubCommand(
    "error",
    { file, line: drift.line, title: "drift" },
    [...message, ...moreLine(drift)].join("\n"),
  );
}

/** `updated x.json: $.rating: 4.4 → 4.3`, or `wrote x.json` for a file that was not there. */
function updateReport(expectedPath: string, existed: boolean, drift: Drift, stdout: Stream): string {
  const file = stdout.palette.path(visible(expectedPath));
  if (!existed) return `wrote ${file}\n`;
  return `updated ${file}: ${[driftLine(drift), ...moreLine(drift)].join(", ")}\n`;
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
 * Makes `folder` and the folders above it, one at a time from the top.
 * (Node's recursive `mkdirSync` loops for ever on a path it cannot create,
 * such as one below `/proc`.)
 */
function makeFolder(folder: string, made: Set<string>): void {
  if (made.has(folder)) return;
  const { root } = parsePath(folder);
  const parts = folder
    .slice(root.length)
    .split(/[\\/]+/)
    .filter(Boolean);
  let path = root;
  for (const part of parts) {
    path = path === "" ? part : join(path, part);
    try {
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (!statSync(path).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
    }
  }
  made.add(folder);
}

/**
 * Writes `text` to a temporary file beside `target`, then renames it over
 * `target`; synchronously, so that no signal is handled halfway.
 */
function writeAtomically(target: string, text: string, made: Set<string>): void {
  const folder = dirname(target);
  makeFolder(folder, made);
  const temporary = join(folder, `.${randomBytes(6).toString("hex")}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, "utf8");
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
