/**
 * The inputs of a batch: files as named, folders walked for every
 * `*.txt` below them, and `-` for standard input. Only paths are collected,
 * never texts, so that memory does not grow with the batch.
 */

import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Readable } from "node:stream";

/** What standard input is called in messages and NDJSON lines. */
export const STDIN_NAME = "<stdin>";

/** One input of a batch. */
export type Input =
  /** A file: `path` as the user can open it, `relative` to the argument it came from. */
  | { readonly kind: "file"; readonly path: string; readonly relative: string }
  | { readonly kind: "stdin"; readonly path: typeof STDIN_NAME }
  /** An argument that names nothing to parse: a failure of its own. */
  | { readonly kind: "unreadable"; readonly path: string; readonly reason: string };

/**
 * Turns the command line's arguments into inputs, in order: a file stays as
 * it is, a folder becomes every `*.txt` file below it sorted by path, `-` is
 * standard input. An argument that cannot be read, or a folder without any
 * `*.txt`, becomes an `unreadable` input rather than an exception.
 *
 * @example
 * ```ts
 * await expandInputs(["fixtures/errors", "-"]);
 * // [{ kind: "file", path: "fixtures/errors/empty-file.txt", relative: "empty-file.txt" }, …,
 * //  { kind: "stdin", path: "<stdin>" }]
 * ```
 */
export async function expandInputs(args: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const arg of args) {
    if (arg === "-") {
      inputs.push({ kind: "stdin", path: STDIN_NAME });
      continue;
    }
    let isFolder: boolean;
    try {
      isFolder = (await stat(arg)).isDirectory();
    } catch (error) {
      inputs.push({ kind: "unreadable", path: arg, reason: describeFsError(error) });
      continue;
    }
    if (!isFolder) {
      inputs.push({ kind: "file", path: arg, relative: basename(arg) });
      continue;
    }
    let found: string[];
    try {
      found = await listTextFiles(arg);
    } catch (error) {
      inputs.push({ kind: "unreadable", path: arg, reason: describeFsError(error) });
      continue;
    }
    if (found.length === 0) {
      inputs.push({ kind: "unreadable", path: arg, reason: "no .txt files in this folder" });
      continue;
    }
    for (const relative of found) inputs.push({ kind: "file", path: join(arg, relative), relative });
  }
  return inputs;
}

/** Every `*.txt` file below `folder`, relative to it, sorted by path. */
async function listTextFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries: Dirent[] = await readdir(join(folder, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative === "" ? entry.name : join(relative, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // A link counts as what it points to; a broken one is skipped.
        const target = await stat(join(folder, path)).catch(() => undefined);
        isFolder = false; // links to folders are not followed, so that a cycle cannot loop
        isFile = target?.isFile() ?? false;
      }
      if (isFolder) await walk(path);
      else if (isFile && entry.name.endsWith(".txt")) found.push(path);
    }
  };
  await walk("");
  // Code-unit order, the same on every machine and locale.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A file-system error in a few plain words: `no such file or directory`,
 * `permission denied`, or the error's own message.
 */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a folder";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The whole of a stream as UTF-8 text: standard input, read once. */
export async function readAll(stream: Readable): Promise<string> {
  stream.setEncoding("utf8");
  let text = "";
  for await (const chunk of stream) text += chunk;
  return text;
}
