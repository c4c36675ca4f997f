/**
 * The command line, read into a command, its options and its arguments, or
 * refused with a one-line reason in the command's own words. Imports nothing
 * of the library, so that `--version` and `--help` start at once.
 */

import { parseArgs } from "node:util";

/** The commands, `parse` first: it is the default. */
export const COMMANDS = ["parse", "inspect", "format", "schema", "help"] as const;

/** A command of the `film-listing` command. */
export type CommandName = (typeof COMMANDS)[number];

/** Every option of every command, as `util.parseArgs` reads it. */
const OPTIONS = {
  "out-dir": { type: "string" },
  ndjson: { type: "boolean" },
  check: { type: "boolean" },
  update: { type: "boolean" },
  "schema-url": { type: "string" },
  spans: { type: "boolean" },
  "schema-org": { type: "boolean" },
  "reference-date": { type: "string" },
  "max-size": { type: "string" },
  "max-issues": { type: "string" },
  reporter: { type: "string" },
  quiet: { type: "boolean", short: "q" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** An option's long name. */
export type OptionName = keyof typeof OPTIONS;

/** Options every command takes. */
const COMMON = ["color", "no-color", "help", "version"] as const satisfies readonly OptionName[];

/** Options of the two batch commands. */
const BATCH = [
  "out-dir",
  "ndjson",
  "check",
  "update",
  "reference-date",
  "max-size",
  "max-issues",
  "reporter",
  "quiet",
] as const;

/** The options each command takes. */
export const COMMAND_OPTIONS: Readonly<Record<CommandName, readonly OptionName[]>> = {
  parse: [...BATCH, "schema-org", "schema-url", ...COMMON],
  inspect: [...BATCH, "spans", ...COMMON],
  format: ["max-size", ...COMMON],
  schema: COMMON,
  help: COMMON,
};

/** The options that take a value. */
type ValueOption = { [K in OptionName]: (typeof OPTIONS)[K]["type"] extends "string" ? K : never }[OptionName];

/** The options given, by long name: a string for the options that take a value, `true` for the others. */
export type Flags = { -readonly [K in OptionName]?: K extends ValueOption ? string : true };

/** A command line that cannot be run: exit status 2, one line and where to find help. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help the user should read, if one was named. */
    readonly command: CommandName | undefined,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * Whether `error` is a {@link UsageError}, from this copy of the class or
 * another: the command's entry and the commands are bundled apart.
 *
 * @example
 * ```ts
 * isUsageError(new UsageError("unknown option --x", "parse")); // true
 * ```
 */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === "UsageError";
}

/** A command line read. */
export interface CommandLine {
  readonly command: CommandName;
  /** Whether the command was named (`parse x.txt`) or taken as the default (`x.txt`). */
  readonly named: boolean;
  readonly flags: Flags;
  readonly positionals: readonly string[];
}

/**
 * Reads `argv` (without `node` and the script). The first argument that is
 * not an option and names a command is the command; otherwise it is
 * `parse`. Throws a {@link UsageError} for an unknown option, one the
 * command does not take, a missing value, a value given to a switch, or an
 * option that takes one value given twice.
 *
 * @example
 * ```ts
 * readCommandLine(["inspect", "--spans", "x.txt"]);
 * // { command: "inspect", named: true, flags: { spans: true }, positionals: ["x.txt"] }
 * readCommandLine(["--out-dir", "a", "--out-dir", "b"]); // throws "--out-dir is given twice; it takes one value"
 * ```
 */
export function readCommandLine(argv: readonly string[]): CommandLine {
  // Not strict: the options are checked below, per command and in the command's own words.
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const positionals: string[] = [];
  let command: CommandName = "parse";
  let named = false;
  for (const token of tokens) {
    if (token.kind !== "positional") continue;
    if (!named && positionals.length === 0 && (COMMANDS as readonly string[]).includes(token.value)) {
      command = token.value as CommandName;
      named = true;
    } else {
      positionals.push(token.value);
    }
  }

  const fail = (message: string): never => {
    throw new UsageError(message, command);
  };
  const flags: Flags = {};
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const name = token.name as OptionName;
    const shown = token.rawName.startsWith("--") ? `--${token.name}` : token.rawName;
    if (!Object.hasOwn(OPTIONS, name)) fail(`unknown option ${shown}`);
    if (!COMMAND_OPTIONS[command].includes(name)) {
      const takers = COMMANDS.filter((other) => COMMAND_OPTIONS[other].includes(name));
      fail(`${shown} applies to ${takers.join(" and ")}, not to ${command}`);
    }
    if (OPTIONS[name].type === "string") {
      const value = token.value;
      // A separate value that looks like an option is more likely a forgotten value.
      if (value === undefined || (!token.inlineValue && value.startsWith("-") && value !== "-")) {
        fail(`--${name} needs a value`);
      }
      if (flags[name] !== undefined) fail(`--${name} is given twice; it takes one value`);
      (flags as Record<string, string>)[name] = value as string;
    } else {
      if (token.value !== undefined) fail(`${shown} takes no value`);
      (flags as Record<string, true>)[name] = true;
      // --color and --no-color: the last one given wins.
      if (name === "color") delete flags["no-color"];
      if (name === "no-color") delete flags.color;
    }
  }
  return { command, named, flags, positionals };
}
