/**
 * The files a batch writes: where each record goes, the folders made for
 * it, and writing so that a reader never sees half a file.
 */

import { randomBytes } from "node:crypto";
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, extname, isAbsolute, join, parse as parsePath, relative, resolve, sep } from "node:path";
import type { Input } from "./inputs";

/** A path with its links resolved, or as an absolute path when it does not exist yet. */
export function realOrResolved(path: string | Buffer): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path.toString());
  }
}

/**
 * `<name>.json` in `dir` for an input named as a file; an input found in a
 * folder keeps its place below that folder (`a/b/x.txt` → `dir/b/x.json`
 * for the argument `a`), so that two `x.txt` in different folders do not
 * overwrite each other. Standard input is written as `stdin.json`.
 */
export function outputPathFor(dir: string, input: Input): string {
  const relative = input.kind === "file" ? input.relative : "stdin.txt";
  return join(dir, `${relative.slice(0, relative.length - extname(relative).length)}.json`);
}

/**
 * The `*.json` files below `dir`, at any depth, in path order (plain
 * code-unit order); links are not followed. None when `dir` or a folder
 * below it cannot be read: then what is there is not known.
 */
export function jsonFilesBelow(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith(".json")) found.push(path);
    }
  };
  try {
    walk(dir);
  } catch {
    return [];
  }
  return found.sort();
}

/** The temporary name `writeAtomically` gives a file: a dot, 12 hex digits, the writer's process id, `.tmp`. */
const TEMPORARY = /^\.[0-9a-f]{12}\.(\d+)\.tmp$/;

/**
 * The files a batch writes, below `root` (`--out-dir`) or beside its inputs
 * (no root): the folders made on the way, each written to through no link
 * below `root`, and the temporary files a killed run left in each swept
 * before the first write there.
 */
export class OutputFiles {
  private readonly made = new Set<string>();
  private readonly swept = new Set<string>();

  constructor(private readonly root: string | undefined) {}

  /** Makes `folder`, the folders above it, and below the root none through a link. */
  makeFolder(folder: string): void {
    if (this.made.has(folder)) return;
    const { root } = this;
    const below = root === undefined ? undefined : relative(root, folder);
    if (root === undefined || below === undefined || below.startsWith("..") || isAbsolute(below)) {
      makeFolders(folder);
    } else {
      makeFolders(root);
      let path = root;
      for (const part of below.split(sep).filter(Boolean)) {
        path = join(path, part);
        makeOne(path);
        // A link made in place of a sub-folder would have the record written wherever it points.
        if (lstatSync(path).isSymbolicLink()) throw new Error(`${path} is a link; not written through`);
      }
    }
    this.made.add(folder);
  }

  /** Sweeps `folder` of stale temporary files, once. */
  sweep(folder: string): void {
    if (this.swept.has(folder)) return;
    sweepTemporaries(folder);
    this.swept.add(folder);
  }

  /**
   * Writes `text` to a temporary file beside `target`, then renames it over
   * `target`; synchronously, so that no signal is handled halfway.
   */
  write(target: string, text: string): void {
    const folder = dirname(target);
    this.makeFolder(folder);
    this.sweep(folder);
    const temporary = join(folder, `.${randomBytes(6).toString("hex")}.${process.pid}.tmp`);
    try {
      writeFileSync(temporary, text, "utf8");
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}

/**
 * Removes from `folder` the temporary files of runs that were killed while
 * writing: only regular files with this command's temporary name, whose
 * process is gone.
 */
export function sweepTemporaries(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(TEMPORARY.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    const path = join(folder, name);
    try {
      if (lstatSync(path).isFile()) unlinkSync(path);
    } catch {
      // Gone already, or not ours to remove: left as it is.
    }
  }
}

/** Whether a process `pid` runs (one of another user counts). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/**
 * Makes `folder` and the folders above it, one at a time from the top:
 * Node's recursive `mkdirSync` loops for ever on a path it cannot create,
 * such as one below `/proc`.
 */
function makeFolders(folder: string): void {
  const { root } = parsePath(folder);
  let path = root;
  for (const part of folder
    .slice(root.length)
    .split(/[\\/]+/)
    .filter(Boolean)) {
    path = path === "" ? part : join(path, part);
    makeOne(path);
  }
}

/** Makes the folder `path` unless it is one already. */
function makeOne(path: string): void {
  try {
    mkdirSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    if (!statSync(path).isDirectory()) throw Object.assign(new Error("not a folder"), { code: "ENOTDIR" });
  }
}
