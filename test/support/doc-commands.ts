/**
 * The terminal examples of the documentation, found and run.
 *
 * A ```console block of README.md, docs/*.md or fixtures/README.md is a
 * terminal session: each line that starts with `$ ` is a command, and the
 * lines after it, up to the next command, are exactly what it prints, stdout
 * and stderr interleaved as a terminal shows them (without colour, not on a
 * terminal). A command that exits with another status than 0 ends with
 * `# exit status N`. A line holding only `…` stands for one or more lines
 * left out, and the time a summary line ends with (`in 0.01s`) is not
 * compared.
 *
 * Where a session runs is said by a comment right above its first block:
 *
 *     <!-- commands: in examples/cli -->
 *     <!-- commands: in examples/cli; setup: film-listing scraped --out-dir json -q -->
 *     <!-- commands: not run: why -->
 *
 * `in FOLDER` runs the block, and the blocks after it on the page up to the
 * next such comment, in one fresh copy of the repository's FOLDER (`.`: the
 * files git tracks) with the package installed in its `node_modules`, as a
 * project that depends on it; `setup:` is a shell command run first, whose
 * output is not shown. `not run:` leaves one block out, with the reason.
 */

import { execFileSync, spawn } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";

export interface DocCommand {
  /** The command as the docs show it, without `$ ` and its exit status. */
  readonly line: string;
  readonly status: number;
  /** The lines it prints, as the docs show them. */
  readonly output: readonly string[];
}

export interface Session {
  /** The repository's folder that each run copies. */
  readonly folder: string;
  readonly setup: string | undefined;
  /** `docs/ci.md:20`: where its comment is. */
  readonly where: string;
}

export interface ConsoleBlock {
  readonly file: string;
  /** `docs/cli.md:81`: where its fence opens. */
  readonly where: string;
  /** Its lines in the file, between the fences (0-based, end excluded). */
  readonly from: number;
  readonly to: number;
  readonly commands: readonly DocCommand[];
  readonly session: Session;
}

export interface DocSessions {
  readonly blocks: readonly ConsoleBlock[];
  /** Blocks left out, each with its reason. */
  readonly notRun: readonly { readonly where: string; readonly reason: string }[];
  /** What breaks the convention: a block that cannot be run, a command outside a block. */
  readonly problems: readonly string[];
}

const MARKER = /^<!-- commands: (.*) -->$/;
const STATUS = /\s+# exit status (\d+)$/;
/** The time a summary line ends with. */
const DURATION = / in \d+(?:\.\d+)?s$/;
const ELIDED = /^\s*…$/;

/** The Markdown files whose terminal examples are run. */
export function documentedFiles(root: string): string[] {
  const guides = readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`);
  return ["README.md", ...guides, "fixtures/README.md"];
}

/** Every ```console block of the documentation, with the session it runs in. */
export function docSessions(root: string): DocSessions {
  const blocks: ConsoleBlock[] = [];
  const notRun: { where: string; reason: string }[] = [];
  const problems: string[] = [];
  for (const file of documentedFiles(root)) {
    const lines = readFileSync(join(root, file), "utf8").split("\n");
    let session: Session | undefined;
    for (let index = 0; index < lines.length; index++) {
      const fence = /^```(.*)$/.exec(lines[index] as string);
      if (fence === null) continue;
      const info = (fence[1] as string).trim();
      let close = index + 1;
      while (close < lines.length && lines[close] !== "```") close++;
      const body = lines.slice(index + 1, close);
      const where = `${file}:${index + 1}`;
      const marker = MARKER.exec(lines[index - 1] ?? "")?.[1];
      if (info !== "console") {
        if (body.some((line) => line.startsWith("$ film-listing"))) {
          problems.push(`${where}: a film-listing command with its output must be a \`\`\`console block`);
        }
        if (marker !== undefined) problems.push(`${where}: a commands comment above a block that is not \`\`\`console`);
      } else if (marker?.startsWith("not run: ")) {
        notRun.push({ where, reason: marker.slice("not run: ".length) });
      } else {
        if (marker !== undefined) {
          const parsed = /^in (\S+)(?:; setup: (.+))?$/.exec(marker);
          if (parsed === null) problems.push(`${file}:${index}: cannot read <!-- commands: ${marker} -->`);
          else session = { folder: parsed[1] as string, setup: parsed[2], where: `${file}:${index}` };
        }
        const commands = commandsOf(body);
        if (session === undefined) problems.push(`${where}: no <!-- commands: in FOLDER --> above it on its page`);
        else if (commands === undefined) problems.push(`${where}: a console block must begin with a "$ " line`);
        else blocks.push({ file, where, from: index + 1, to: close, commands, session });
      }
      index = close;
    }
  }
  return { blocks, notRun, problems };
}

function commandsOf(body: readonly string[]): DocCommand[] | undefined {
  if (!body[0]?.startsWith("$ ")) return undefined;
  const commands: { line: string; status: number; output: string[] }[] = [];
  for (const line of body) {
    if (line.startsWith("$ ")) {
      const status = STATUS.exec(line);
      commands.push({
        line: status === null ? line.slice(2) : line.slice(2, status.index),
        status: status === null ? 0 : Number(status[1]),
        output: [],
      });
    } else {
      commands[commands.length - 1]?.output.push(line);
    }
  }
  return commands;
}

/** What a command printed, and its exit status. */
export interface Ran {
  readonly output: string;
  readonly status: number;
}

/**
 * A fresh copy of `folder` of the repository at `root`, with the package
 * (`packageDir`: its package.json and dist/) installed in its node_modules
 * and `setup` run in it: the folder a session runs in.
 */
export async function stage(root: string, packageDir: string, session: Session, under: string): Promise<string> {
  const dir = mkdtempSync(join(under, "session-"));
  if (session.folder === ".") {
    const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0");
    // A tracked file deleted in the working tree is not there to copy, as in the repository.
    for (const path of tracked.filter((path) => path !== "" && existsSync(join(root, path)))) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      cpSync(join(root, path), join(dir, path));
    }
  } else {
    cpSync(join(root, session.folder), dir, { recursive: true });
  }
  const installed = join(dir, "node_modules", "film-listing");
  cpSync(packageDir, installed, { recursive: true });
  const bin = join(dir, "node_modules", ".bin");
  mkdirSync(bin, { recursive: true });
  chmodSync(join(installed, "dist", "cli.cjs"), 0o755);
  symlinkSync("../film-listing/dist/cli.cjs", join(bin, "film-listing"));
  if (session.setup !== undefined) {
    const ran = await runIn(dir, session.setup);
    if (ran.status !== 0) throw new Error(`${session.where}: setup exited ${ran.status}:\n${ran.output}`);
  }
  return dir;
}

/** Runs `line` with sh in `dir`, as a user of the package would: film-listing on the PATH, no colour, no terminal. */
export function runIn(dir: string, line: string): Promise<Ran> {
  const { NO_COLOR: _, FORCE_COLOR: __, ...env } = process.env;
  const path = [join(dir, "node_modules", ".bin"), dirname(process.execPath), process.env.PATH].join(delimiter);
  return new Promise((resolve, reject) => {
    // One pipe for both streams, as a terminal shows them; the command's own redirections apply after.
    const child = spawn("sh", ["-c", `exec 2>&1\n${line}`], {
      cwd: dir,
      env: { ...env, PATH: path, NO_COLOR: "1", LC_ALL: "C.UTF-8" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ output, status: status ?? (signal === null ? 1 : 128) }));
  });
}

/**
 * The block's text as the runs make it: each command with its exit status
 * and what it printed. A documented output that still matches is kept as
 * written (its lines left out, its times), so that a block that is current
 * comes out the same.
 */
export function rewrite(block: ConsoleBlock, runs: readonly Ran[]): string[] {
  const lines: string[] = [];
  block.commands.forEach((command, index) => {
    const ran = runs[index] as Ran;
    lines.push(`$ ${command.line}${ran.status === 0 ? "" : `  # exit status ${ran.status}`}`);
    lines.push(...(matches(command.output, ran.output) ? command.output : printed(command.output, ran.output)));
  });
  return lines;
}

/** Whether `output` is what `documented` shows: line for line, but for lines left out and times. */
export function matches(documented: readonly string[], output: string): boolean {
  const pattern = documented
    .map((line) => {
      if (ELIDED.test(line)) return "(?:[^\\n]*\\n)+?";
      const timed = DURATION.test(line);
      const escaped = line.replace(DURATION, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return `${escaped}${timed ? " in \\d+(?:\\.\\d+)?s" : ""}\\n`;
    })
    .join("");
  return new RegExp(`^${pattern}$`).test(output);
}

/** The lines of `output`, keeping the time of each summary line that `documented` shows at the same place. */
function printed(documented: readonly string[], output: string): string[] {
  const lines = output.endsWith("\n") ? output.slice(0, -1).split("\n") : output.split("\n");
  if (output === "") return [];
  return lines.map((line, index) => {
    const old = documented[index];
    if (old === undefined || !DURATION.test(line) || !DURATION.test(old)) return line;
    return line.replace(DURATION, "") === old.replace(DURATION, "") ? old : line;
  });
}
