/**
 * The files a batch writes: where each record goes, the folders made for
 * it, and writing so that a reader never sees half a file.
 */

import { randomBytes } from "node:crypto";
import { mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, parse as parsePath, resolve } from "node:path";
import type { Input } from "./inputs";

/** A path with its links resolved, or as an absolute path when it does not exist yet. */
export function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
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
 * Makes `folder` and the folders above it, one at a time from the top:
 * Node's recursive `mkdirSync` loops for ever on a path it cannot create,
 * such as one below `/proc`.
 */
export function makeFolder(folder: string, made: Set<string>): void {
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
export function writeAtomically(target: string, text: string, made: Set<string>): void {
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
