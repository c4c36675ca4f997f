/**
 * The `film-listing` command: reads the command line, runs
 * `parse`, `format` or `schema` and sets the exit status — 0 all good,
 * 1 some input failed or drifted, 2 bad usage. A thin shell over the
 * public API, so that the command and the library never disagree.
 */

import { parseArgs } from "node:util";
import { version } from "../../package.json";
import { filmJsonSchema, toSchemaOrg } from "../index";
import { interrupt, type Output, runBatch, type Streams } from "./batch";
import { runFormat } from "./format";
import { expandInputs } from "./inputs";

const USAGE = `Usage:
  film-listing [parse] <file|dir|->...  [--out-dir DIR] [--ndjson] [--check] [--schema-org]
                                        [--reference-date YYYY-MM-DD] [--quiet]
  film-listing format <film.json|->      print a record back as listing text
  film-listing schema                    print the JSON Schema of a record

Parse scraped film pages into JSON records.

  <file|dir|->     a listing; a folder means every *.txt below it, sorted by path;
                   - (or, with no argument, piped input) reads standard input
  --out-dir DIR    write DIR/<name>.json for each input instead of printing
  --ndjson         print one line {"path":…,"film":…} per input, even for one input
  --check          compare each x.txt with the x.json beside it and print any drift
                   on stdout; writes nothing
  --schema-org     print schema.org Movie JSON-LD instead of the record
                   (NDJSON lines are then {"path":…,"schemaOrg":…})
  --reference-date YYYY-MM-DD
                   check release years against this date instead of today
                   (a year may be at most five years after it)
  -q, --quiet      no summary or progress line; failures are still printed
  -h, --help       print this help
  -v, --version    print the version

One file prints pretty JSON; a folder or several inputs print NDJSON.
Failures go to stderr as path:line:column: CODE reason, with a code frame.
Exit status: 0 success, 1 some input failed or drifted, 2 bad usage.
`;

const OPTIONS = {
  "out-dir": { type: "string" },
  ndjson: { type: "boolean" },
  check: { type: "boolean" },
  "schema-org": { type: "boolean" },
  "reference-date": { type: "string" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** The flags of `parse` only. */
const PARSE_FLAGS = ["out-dir", "ndjson", "check", "schema-org", "reference-date"] as const;

interface Flags {
  readonly "out-dir"?: string | undefined;
  readonly ndjson?: boolean | undefined;
  readonly check?: boolean | undefined;
  readonly "schema-org"?: boolean | undefined;
  readonly "reference-date"?: string | undefined;
  readonly quiet?: boolean | undefined;
  readonly help?: boolean | undefined;
  readonly version?: boolean | undefined;
}

/** A command line that cannot be run: exit status 2, the reason and the usage on stderr. */
class UsageError extends Error {}

/**
 * Runs the command line `argv` (without `node` and the script) and returns
 * its exit status.
 *
 * @example
 * ```ts
 * await main(["parse", "fixtures/the-red-shoes.txt"], streams); // 0, the record on stdout
 * await main(["--frobnicate"], streams); // 2, "film-listing: unknown option --frobnicate" and the usage on stderr
 * ```
 */
export async function main(argv: readonly string[], streams: Streams): Promise<number> {
  try {
    return await run(argv, streams);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    streams.stderr.write(`film-listing: ${error.message}\n\n${USAGE}`);
    return 2;
  }
}

async function run(argv: readonly string[], streams: Streams): Promise<number> {
  const { values: flags, positionals } = readArgs(argv);
  if (flags.help) {
    streams.stdout.write(USAGE);
    return 0;
  }
  if (flags.version) {
    streams.stdout.write(`${version}\n`);
    return 0;
  }
  const [first, ...rest] = positionals;
  if (first === "format" || first === "schema") {
    const flag = PARSE_FLAGS.find((name) => flags[name] !== undefined);
    if (flag !== undefined) throw new UsageError(`--${flag} applies to parse, not to ${first}`);
  }
  switch (first) {
    case "format": {
      const [path, ...extra] = rest;
      if (path === undefined || extra.length > 0) throw new UsageError("format takes one record: a .json file or -");
      return runFormat(path, streams);
    }
    case "schema":
      if (rest.length > 0) throw new UsageError("schema takes no arguments");
      streams.stdout.write(`${JSON.stringify(filmJsonSchema, null, 2)}\n`);
      return 0;
    case "parse":
      return parse(rest, flags, streams);
    default:
      return parse(positionals, flags, streams);
  }
}

function readArgs(argv: readonly string[]): { values: Flags; positionals: string[] } {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      throw new UsageError(`unknown option ${/'([^']*)'/.exec(message)?.[1] ?? message}`);
    }
    if (code?.startsWith("ERR_PARSE_ARGS_") === true) {
      // Node's message is one sentence, or two where the second only suggests `--`.
      throw new UsageError(lowerFirst(message.split(". ")[0] ?? message));
    }
    throw error;
  }
}

async function parse(args: readonly string[], flags: Flags, streams: Streams): Promise<number> {
  const outDir = flags["out-dir"];
  const check = flags.check === true;
  const ndjson = flags.ndjson === true;
  const schemaOrg = flags["schema-org"] === true;
  if (outDir === "") throw new UsageError("--out-dir needs a folder");
  if (check && outDir !== undefined) throw new UsageError("--check writes nothing, so it takes no --out-dir");
  if (check && ndjson) throw new UsageError("--check prints drift, not records, so it takes no --ndjson");
  if (check && schemaOrg) throw new UsageError("--check compares records, so it takes no --schema-org");
  if (ndjson && outDir !== undefined) throw new UsageError("--ndjson prints, --out-dir writes files: choose one");
  const referenceDate = referenceDateOf(flags["reference-date"]);

  let inputArgs = args;
  if (inputArgs.length === 0) {
    if ((streams.stdin as { isTTY?: boolean }).isTTY === true) {
      throw new UsageError("no input: name files or folders, or - for standard input");
    }
    inputArgs = ["-"];
  }
  if (inputArgs.filter((arg) => arg === "-").length > 1) throw new UsageError("standard input (-) can be read once");
  if (check && inputArgs.includes("-")) {
    throw new UsageError("--check compares x.txt with x.json beside it; standard input has no such file");
  }

  const inputs = await expandInputs(inputArgs);
  const [only] = inputs;
  const single = inputArgs.length === 1 && inputs.length === 1 && (only?.kind !== "file" || only.path === inputArgs[0]);
  const output: Output = check
    ? { kind: "check" }
    : outDir !== undefined
      ? { kind: "files", dir: outDir }
      : ndjson || !single
        ? { kind: "ndjson" }
        : { kind: "pretty" };
  const counts = await runBatch(
    inputs,
    {
      output,
      quiet: flags.quiet === true,
      summary: output.kind !== "pretty",
      project: schemaOrg ? { key: "schemaOrg", map: toSchemaOrg } : undefined,
      parseOptions: referenceDate === undefined ? {} : { referenceDate },
    },
    streams,
  );
  return counts.failed + counts.drifted > 0 ? 1 : 0;
}

/** `--reference-date`: a calendar date, taken as midnight UTC. */
function referenceDateOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (date === undefined || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--reference-date takes a date like 2026-11-25, got ${JSON.stringify(value)}`);
  }
  return date;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

for (const [signal, status] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  // Interrupted: leave no temporary file behind, and exit as shells expect (128 + signal number).
  process.once(signal, () => interrupt(status));
}

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  // The reader went away (`| head`): stop quietly, as other commands do.
  if (error.code === "EPIPE") process.exit();
  throw error;
});

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`film-listing: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
