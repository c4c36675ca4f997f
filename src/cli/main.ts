/**
 * The `film-listing` command: reads the command line, answers `--version`
 * and `help` at once, and loads the rest (the library among it) only for a
 * command that needs it. Exit status: 0 all good, 1 some input failed or
 * drifted, 2 bad usage, 130 or 143 when interrupted.
 */

import { readFileSync } from "node:fs";
import { version } from "../../package.json";
import { visible } from "../visible";
import { COMMANDS, type CommandName, isUsageError, readCommandLine, UsageError } from "./args";
import type { CommandIo } from "./commands";
import { helpText } from "./help";

/**
 * The built commands, beside the built entry. Imported by a name the
 * bundler leaves alone: this entry is CommonJS, quick to load, and the
 * commands an ES module loaded only when a command runs.
 */
const COMMANDS_MODULE = "./cli-commands.js";

/**
 * Runs the command line `argv` (without `node` and the script) and returns
 * its exit status.
 *
 * @example
 * ```sh
 * $ film-listing parse fixtures/the-red-shoes.txt   # exit status 0, the record on stdout
 * $ film-listing --frobnicate                        # exit status 2
 * film-listing: unknown option --frobnicate
 * Run 'film-listing help parse' for usage.
 * ```
 */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const line = readCommandLine(argv);
    if (line.flags.version === true) {
      io.stdout.write(`${version}\n`);
      return 0;
    }
    if (line.flags.help === true) {
      // With inputs, the default command is the one asked about.
      const asked = line.named || line.positionals.length > 0;
      io.stdout.write(helpText(asked ? line.command : undefined));
      return 0;
    }
    if (line.command === "help") {
      const [topic, ...extra] = line.positionals;
      if (extra.length > 0) throw new UsageError("help takes one command", "help");
      if (topic !== undefined && !(COMMANDS as readonly string[]).includes(topic)) {
        throw new UsageError(`no command ${JSON.stringify(topic)}; the commands are ${COMMANDS.join(", ")}`, "help");
      }
      io.stdout.write(helpText(topic as CommandName | undefined));
      return 0;
    }
    const { runCommand }: typeof import("./commands") = await import(COMMANDS_MODULE);
    return await runCommand(line, io);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    const help =
      error.command === undefined || error.command === "help"
        ? "film-listing help"
        : `film-listing help ${error.command}`;
    io.stderr.write(`film-listing: ${visible(error.message)}\nRun '${help}' for usage.\n`);
    return 2;
  }
}

// Output that cannot be written is handled where it is written; an error
// event with no other listener must not end the process with a stack trace.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

/** The last `count` arguments of this process as bytes, where Linux gives them; none elsewhere. */
function argvBytes(count: number): Buffer[] | undefined {
  try {
    const all = readFileSync("/proc/self/cmdline").toString("latin1").split("\0").slice(0, -1);
    return all.slice(all.length - count).map((arg) => Buffer.from(arg, "latin1"));
  } catch {
    return undefined;
  }
}

const args = process.argv.slice(2);
main(args, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  argvBytes: args.some((arg) => arg.includes("\uFFFD")) ? argvBytes(args.length) : undefined,
}).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`film-listing: internal error: ${visible(message)}\n`);
    process.exitCode = 1;
  },
);
