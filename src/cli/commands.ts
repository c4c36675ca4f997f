/**
 * The commands themselves, loaded only once the command line is read (so
 * that `--version` and `help` never load the library): each checks its
 * options, then calls the library through a batch or directly.
 */

import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { type ParseOptions, safeParseListing } from "../parse";
import { MIN_YEAR } from "../parsed-schema";
import { type CommandLine, UsageError } from "./args";
import { type Output, type Processed, runBatch } from "./batch";
import { DEFAULT_MAX_SIZE, expandInputs, parseSize } from "./inputs";
import { REPORTERS, type Reporter } from "./report";
import { failureWords, paletteFor, Output as Stream, type WritableLike, wantsColour } from "./terminal";

/** The most heap one byte of input can take while it is handled; `npm run bench` holds the costliest shapes. */
const HEAP_PER_BYTE = 40;
const HEAP_PER_BYTE_WITH_SPANS = 170;

/** What a command runs with: the process's streams and environment, or stand-ins. */
export interface CommandIo {
  readonly stdin: Readable & { readonly isTTY?: boolean | undefined };
  readonly stdout: WritableLike;
  readonly stderr: WritableLike;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The arguments as bytes, when known: Node reads arguments that are not UTF-8 with U+FFFD in their place. */
  readonly argvBytes?: readonly Buffer[] | undefined;
}

/**
 * Runs a command line read by `readCommandLine` (but `help`) and returns its
 * exit status; throws {@link UsageError} for options that do not go
 * together or values it cannot take.
 *
 * @example
 * ```ts
 * import { PassThrough, Readable } from "node:stream";
 * const stdout = new PassThrough();
 * const io = { stdin: Readable.from([]), stdout, stderr: new PassThrough(), env: {} };
 * await runCommand(readCommandLine(["schema"]), io); // 0
 * JSON.parse(String(stdout.read())).$schema; // "https://json-schema.org/draft/2020-12/schema"
 * ```
 */
export async function runCommand(line: CommandLine, io: CommandIo): Promise<number> {
  const { command, flags, positionals } = line;
  const usage = (message: string): never => {
    throw new UsageError(message, command);
  };
  const colourFlag = flags.color === true ? true : flags["no-color"] === true ? false : undefined;
  const stream = (target: WritableLike) =>
    new Stream(target, paletteFor(wantsColour(target, { flag: colourFlag, env: io.env })));
  const stdout = stream(io.stdout);
  const stderr = stream(io.stderr);

  let maxSize = DEFAULT_MAX_SIZE;
  if (typeof flags["max-size"] === "string") {
    maxSize =
      parseSize(flags["max-size"]) ??
      usage(`--max-size takes a size like 64MB, 500KB or 100000, got ${JSON.stringify(flags["max-size"])}`);
  }

  switch (command) {
    case "schema": {
      if (positionals.length > 0) usage("schema takes no arguments");
      const { filmJsonSchema } = await import("../json-schema");
      await stdout.write(`${JSON.stringify(filmJsonSchema, null, 2)}\n`);
      return finish(0, stdout, stderr);
    }
    case "format": {
      const [path, ...extra] = positionals;
      if (path === undefined || extra.length > 0) usage("format takes one record: a .json file or -");
      const { runFormat } = await import("./format");
      const [file] = withBytes([path as string], io.argvBytes);
      return finish(
        await runFormat(file as string | Buffer, maxSize, { stdin: io.stdin, stdout, stderr }),
        stdout,
        stderr,
      );
    }
    case "parse":
    case "inspect":
      return finish(await runBatchCommand(line, io, { stdout, stderr, maxSize }), stdout, stderr);
    case "help":
      return usage("help is answered before any command runs");
  }
}

/** The status, made 1 when output was lost, which stderr then tells when it can. */
async function finish(status: number, stdout: Stream, stderr: Stream): Promise<number> {
  if (stdout.failure !== undefined) {
    await stderr.write(`film-listing: cannot write to standard output: ${failureWords(stdout.failure)}\n`);
  }
  return stdout.failure !== undefined || stderr.failure !== undefined ? Math.max(status, 1) : status;
}

async function runBatchCommand(
  line: CommandLine,
  io: CommandIo,
  setup: { readonly stdout: Stream; readonly stderr: Stream; readonly maxSize: number },
): Promise<number> {
  const { command, flags } = line;
  const usage = (message: string): never => {
    throw new UsageError(message, command);
  };
  const outDir = flags["out-dir"];
  const check = flags.check === true;
  const update = flags.update === true;
  const schemaUrl = flags["schema-url"];
  const ndjson = flags.ndjson === true;
  const schemaOrg = flags["schema-org"] === true;
  if (outDir === "") usage("--out-dir needs a folder");
  if (check && update) usage("--check proves the JSON current, --update rewrites it: choose one");
  const comparing = check ? "--check" : update ? "--update" : undefined;
  if (comparing !== undefined && ndjson) usage(`${comparing} compares with JSON files, so it takes no --ndjson`);
  if (comparing !== undefined && schemaOrg) usage(`${comparing} compares records, so it takes no --schema-org`);
  if (schemaUrl !== undefined) {
    if (schemaUrl === "") usage("--schema-url needs a URL or a path");
    if (schemaOrg) usage("--schema-url sets the $schema of records; JSON-LD has none");
    if (outDir === undefined && !update)
      usage("--schema-url sets the $schema of written records: give --out-dir or --update");
  }
  if (ndjson && outDir !== undefined) usage("--ndjson prints, --out-dir writes files: choose one");
  const reporter = (flags.reporter ?? "human") as Reporter;
  if (!REPORTERS.includes(reporter)) {
    usage(`--reporter takes ${REPORTERS.join(" or ")}, got ${JSON.stringify(flags.reporter)}`);
  }
  const referenceDate = referenceDateOf(flags["reference-date"], usage);
  const maxIssues = maxIssuesOf(flags["max-issues"], usage);
  const parseOptions = { referenceDate, maxIssues };

  let inputArgs = line.positionals;
  if (inputArgs.length === 0) {
    if (io.stdin.isTTY === true) usage("no input: name files or folders, or - for standard input");
    inputArgs = ["-"];
  }
  if (inputArgs.filter((arg) => arg === "-").length > 1) usage("standard input (-) can be read once");
  if (comparing !== undefined && outDir === undefined && inputArgs.includes("-")) {
    usage(`${comparing} without --out-dir compares x.txt with x.json beside it; standard input has no such file`);
  }

  let process: (text: string) => Processed;
  if (command === "inspect") {
    process = await inspector(parseOptions, flags.spans === true);
  } else {
    const toSchemaOrg = schemaOrg ? (await import("../schema-org")).toSchemaOrg : undefined;
    process = (text) => {
      const result = safeParseListing(text, parseOptions);
      if (!result.success) {
        const { error } = result;
        return { actual: { kind: "error", error }, issues: error.issues, hasError: true };
      }
      const value = toSchemaOrg === undefined ? result.data : toSchemaOrg(result.data);
      return {
        value,
        line: toSchemaOrg === undefined ? { film: value } : { schemaOrg: value },
        actual: { kind: "value", value },
        issues: [],
        hasError: false,
      };
    };
  }

  const inputs = await expandInputs(withBytes(inputArgs, io.argvBytes));
  const [only] = inputs;
  const single = inputArgs.length === 1 && inputs.length === 1 && (only?.kind !== "file" || only.folder === undefined);
  const output: Output = check
    ? { kind: "check", dir: outDir }
    : update
      ? { kind: "update", dir: outDir }
      : outDir !== undefined
        ? { kind: "files", dir: outDir }
        : ndjson || !single
          ? { kind: "ndjson" }
          : { kind: "pretty" };
  return runBatch(
    inputs,
    {
      output,
      command: command === "inspect" ? "inspect" : "parse",
      process,
      reporter,
      maxSize: setup.maxSize,
      heapPerByte: command === "inspect" && flags.spans === true ? HEAP_PER_BYTE_WITH_SPANS : HEAP_PER_BYTE,
      quiet: flags.quiet === true,
      summary: output.kind !== "pretty",
      schemaRef: command === "parse" && !schemaOrg ? schemaRefFor(schemaUrl) : undefined,
    },
    { stdin: io.stdin, stdout: setup.stdout, stderr: setup.stderr },
  );
}

/**
 * The arguments, each one that Node could not read as UTF-8 (it holds
 * U+FFFD) given as its bytes instead, when they are known.
 */
function withBytes(args: readonly string[], argvBytes: readonly Buffer[] | undefined): (string | Buffer)[] {
  const unused = [...(argvBytes ?? [])];
  return args.map((arg) => {
    if (!arg.includes("\uFFFD")) return arg;
    const at = unused.findIndex((bytes) => bytes.toString("utf8") === arg);
    return at === -1 ? arg : (unused.splice(at, 1)[0] as Buffer);
  });
}

/** The library call of `inspect`: `{ film, issues }` per text, and `spans` when asked for. */
async function inspector(parseOptions: ParseOptions, withSpans: boolean): Promise<(text: string) => Processed> {
  const { inspectListing, inspectText } = await import("../inspect");
  const { setupFor } = await import("../options");
  const setup = setupFor(parseOptions);
  return (text) => {
    // Without --spans, none are made: a listing of a million values holds a million spans.
    const { film, issues, spans } = withSpans ? inspectListing(text, parseOptions) : inspectText(text, setup);
    const value = withSpans ? { film, issues, spans } : { film, issues };
    return {
      value,
      line: value,
      actual: { kind: "value", value },
      issues,
      hasError: issues.some((issue) => issue.severity === "error"),
    };
  };
}

/**
 * The `$schema` of a record written to a file: `--schema-url` as given, or
 * the path from the file's folder to this package's `schema.json`, so that
 * an editor finds the schema in `node_modules`. None when the package's
 * files cannot be found (a build outside the package).
 */
function schemaRefFor(schemaUrl: string | undefined): (file: string) => string | undefined {
  if (schemaUrl !== undefined) return () => schemaUrl;
  const schemaFile = packageSchemaFile();
  if (schemaFile === undefined) return () => undefined;
  return (file) => {
    const path = relative(dirname(resolve(file)), schemaFile)
      .split(sep)
      .join("/");
    return path.startsWith(".") ? path : `./${path}`;
  };
}

/** `dist/schema.json` of the package this file belongs to: the first folder above it whose package.json names it. */
function packageSchemaFile(): string | undefined {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as { name?: unknown };
      if (manifest.name === "film-listing") return join(folder, "dist", "schema.json");
    } catch {
      // No package.json here, or not one to read: look further up.
    }
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** `--max-issues`: a whole number from 1. */
function maxIssuesOf(value: string | undefined, usage: (message: string) => never): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) {
    usage(`--max-issues takes a whole number from 1, got ${JSON.stringify(value)}`);
  }
  return number;
}

/** `--reference-date`: a calendar date, taken as midnight UTC, no earlier than the first year a film can have. */
function referenceDateOf(value: string | undefined, usage: (message: string) => never): Date | undefined {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (date === undefined || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    return usage(`--reference-date takes a date like 2026-11-25, got ${JSON.stringify(value)}`);
  }
  if (date.getUTCFullYear() < MIN_YEAR) {
    usage(
      `--reference-date ${value} is before ${MIN_YEAR}, the first year a film can have; give the day the listings were read`,
    );
  }
  return date;
}
