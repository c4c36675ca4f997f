/**
 * The inputs of a batch: files as named, folders walked for every
 * `*.txt` below them, and `-` for standard input. Only paths are collected,
 * never texts, so that memory does not grow with the batch; each input is
 * read when its turn comes, as bytes, within a size limit.
 */

import { isUtf8 } from "node:buffer";
import { closeSync, constants, type Dirent, fstatSync, openSync, readSync, realpathSync, type Stats } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative as relativePath } from "node:path";
import type { Readable } from "node:stream";
import { firstInvalidUtf8 } from "./decode";

/** What standard input is called in messages and NDJSON lines. */
export const STDIN_NAME = "<stdin>";

/** One input of a batch. */
export type Input =
  /** A file: `path` as the user can open it, `relative` to the argument it came from. */
  | {
      readonly kind: "file";
      readonly path: string;
      readonly relative: string;
      /** The folder argument a file was found in, which nothing read for it may leave; none for a file named directly. */
      readonly folder?: string | undefined;
      /** The path's bytes when they are not UTF-8: `path` then shows them escaped, and only these open the file. */
      readonly raw?: Buffer | undefined;
    }
  | { readonly kind: "stdin"; readonly path: typeof STDIN_NAME }
  /** An argument that names nothing to parse: a failure of its own. */
  | { readonly kind: "unreadable"; readonly path: string; readonly reason: string };

/**
 * Turns the command line's arguments into inputs, in order: a file stays as
 * it is, a folder becomes every `*.txt` file below it sorted by path, `-` is
 * standard input. An argument that cannot be read, or a folder without any
 * `*.txt`, becomes an `unreadable` input rather than an exception. An
 * argument given as bytes is a path that is not UTF-8.
 *
 * @example
 * ```ts
 * await expandInputs(["fixtures/errors", "-"]);
 * // [{ kind: "file", path: "fixtures/errors/empty-file.txt", relative: "empty-file.txt" }, …,
 * //  { kind: "stdin", path: "<stdin>" }]
 * ```
 */
export async function expandInputs(args: readonly (string | Buffer)[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const arg of args) {
    if (arg === "-") {
      inputs.push({ kind: "stdin", path: STDIN_NAME });
      continue;
    }
    // Paths are handled as byte strings (latin1, one character a byte) so that any file name survives.
    const argBytes = typeof arg === "string" ? Buffer.from(arg).toString("latin1") : arg.toString("latin1");
    const shown = shownPath(argBytes);
    let isFolder: boolean;
    try {
      isFolder = (await stat(fsPath(argBytes))).isDirectory();
    } catch (error) {
      inputs.push({ kind: "unreadable", path: shown, reason: describeFsError(error) });
      continue;
    }
    if (!isFolder) {
      inputs.push({ kind: "file", path: shown, relative: basename(shown), raw: rawPath(argBytes) });
      continue;
    }
    let found: Found[];
    try {
      found = await listTextFiles(argBytes);
    } catch (error) {
      inputs.push({ kind: "unreadable", path: shown, reason: describeFsError(error) });
      continue;
    }
    if (found.length === 0) {
      inputs.push({ kind: "unreadable", path: shown, reason: "no .txt files in this folder" });
      continue;
    }
    for (const entry of found) {
      const bytes = join(argBytes, entry.relative);
      const path = shownPath(bytes);
      inputs.push(
        entry.reason === undefined
          ? { kind: "file", path, relative: shownPath(entry.relative), folder: shown, raw: rawPath(bytes) }
          : { kind: "unreadable", path, reason: entry.reason },
      );
    }
  }
  return inputs;
}

/** A byte string as the file system takes it. */
const fsPath = (bytes: string): Buffer => Buffer.from(bytes, "latin1");

/** The bytes of a path that is not UTF-8; none for one that is, which is opened by its text. */
function rawPath(bytes: string): Buffer | undefined {
  const buffer = fsPath(bytes);
  return isUtf8(buffer) ? undefined : buffer;
}

/** A byte string as text to show: UTF-8 decoded, a byte that is not UTF-8 as `\xE9`. */
function shownPath(bytes: string): string {
  return escapeInvalidUtf8(fsPath(bytes));
}

/**
 * Bytes as text, UTF-8 decoded, each byte that does not belong to valid
 * UTF-8 written `\xHH`: how a file name that is not UTF-8 is shown.
 *
 * @example
 * ```ts
 * escapeInvalidUtf8(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74])); // "caf\\xE9.txt"
 * ```
 */
export function escapeInvalidUtf8(bytes: Buffer): string {
  let text = "";
  let at = 0;
  while (at < bytes.length) {
    const invalid = at + firstInvalidUtf8(bytes.subarray(at));
    text += bytes.toString("utf8", at, invalid);
    if (invalid >= bytes.length) break;
    text += `\\x${(bytes[invalid] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;
    at = invalid + 1;
  }
  return text;
}

/** A `*.txt` file found in a folder, as a byte string, or an entry that could not be read (then `reason` says why). */
interface Found {
  readonly relative: string;
  readonly reason?: string | undefined;
}

/**
 * Every `*.txt` file below `folder` (a byte string), relative to it, sorted
 * by path, and each sub-folder that cannot be read or link that leads out
 * of the folder, as an entry of its own. A link is followed only to a file
 * inside the folder, so that a link in a pull request cannot make CI print
 * a file from elsewhere (`/etc/passwd`, `/proc/self/environ`).
 */
async function listTextFiles(folder: string): Promise<Found[]> {
  const found: Found[] = [];
  const realBytes = async (path: string) =>
    (await realpath(fsPath(path), { encoding: "buffer" }).catch(() => undefined))?.toString("latin1");
  const root = (await realpath(fsPath(folder), { encoding: "buffer" })).toString("latin1");
  const walk = async (relative: string): Promise<void> => {
    let entries: Dirent<Buffer>[];
    try {
      entries = await readdir(fsPath(join(folder, relative)), { withFileTypes: true, encoding: "buffer" });
    } catch (error) {
      // The folder argument itself fails whole; a sub-folder is an entry of its own.
      if (relative === "") throw error;
      found.push({ relative, reason: describeFsError(error) });
      return;
    }
    for (const entry of entries) {
      const name = entry.name.toString("latin1");
      const path = relative === "" ? name : join(relative, name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        if (!name.endsWith(".txt")) continue;
        // A link counts as the file it points to, inside the folder; a broken one is skipped.
        const target = await realBytes(join(folder, path));
        if (target === undefined) continue;
        if (!isInside(target, root)) {
          found.push({ relative: path, reason: "a link to a file outside the folder, not followed" });
          continue;
        }
        isFolder = false; // links to folders are not followed, so that a cycle cannot loop
        isFile = (await stat(fsPath(target)).catch(() => undefined))?.isFile() ?? false;
      }
      if (isFolder) await walk(path);
      else if (isFile && name.endsWith(".txt")) found.push({ relative: path });
    }
  };
  await walk("");
  // Code-unit order of the names as shown, the same on every machine and locale.
  const keyed = found.map((entry) => ({ entry, key: shownPath(entry.relative) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ entry }) => entry);
}

/** Whether the real path `path` lies inside the real folder `root`. */
function isInside(path: string, root: string): boolean {
  const inside = relativePath(root, path);
  return inside !== "" && !inside.startsWith("..") && !isAbsolute(inside);
}

/**
 * Whether `path` (a file found in `folder`, or one beside it) is, links
 * resolved, inside `folder`; false when it does not exist.
 *
 * @example
 * ```ts
 * isInsideFolder("fixtures/the-red-shoes.json", "fixtures"); // true
 * ```
 */
export function isInsideFolder(path: string, folder: string): boolean {
  try {
    return isInside(realpathSync(path), realpathSync(folder));
  } catch {
    return false;
  }
}

/** File-system error codes in a few plain words (never the error's message, which holds the path as it is). */
const FS_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "is a folder",
  ENOTDIR: "a part of the path is not a folder",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the name is too long",
  ENOSPC: "no space left on the device",
  EROFS: "the file system is read-only",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  ENXIO: "no such device or address",
  EIO: "input/output error",
  EEXIST: "already exists",
  EBUSY: "busy",
  EINVAL: "invalid argument",
};

/**
 * A file-system error in a few plain words: `no such file or folder`,
 * `permission denied`, …; an unknown one by its code.
 *
 * @example
 * ```ts
 * describeFsError(Object.assign(new Error("ENOENT: no such file or directory, open 'x'"), { code: "ENOENT" }));
 * // "no such file or folder"
 * ```
 */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined) return FS_ERRORS[code] ?? `error ${code}`;
  return error instanceof Error ? error.message : String(error);
}

/** The default of `--max-size`: 64 MB. */
export const DEFAULT_MAX_SIZE = 64 * 1024 * 1024;

const UNITS: Readonly<Record<string, number>> = { "": 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/**
 * Reads a size as `--max-size` takes it: bytes, or a number with `K`, `M`
 * or `G` (1024-based), an optional `B` or `iB`, in any case: `500KB`,
 * `64MB`, `1.5G`, `100000`. Returns undefined for anything else.
 *
 * @example
 * ```ts
 * parseSize("64MB"); // 67108864
 * parseSize("lots"); // undefined
 * ```
 */
export function parseSize(text: string): number | undefined {
  const match = /^(?<amount>\d+(?:\.\d+)?)\s*(?<unit>[kmg]?)(?:i?b)?$/i.exec(text.trim());
  if (match?.groups === undefined) return undefined;
  const size = Math.floor(Number(match.groups.amount) * (UNITS[(match.groups.unit ?? "").toUpperCase()] ?? 1));
  return size > 0 && Number.isSafeInteger(size) ? size : undefined;
}

/**
 * A size in the units people read: `64 MB`, `1.5 KB`, `12 bytes`.
 *
 * @example
 * ```ts
 * formatSize(64 * 1024 * 1024); // "64 MB"
 * ```
 */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [
    ["GB", 1024 ** 3],
    ["MB", 1024 ** 2],
    ["KB", 1024],
  ] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
}

/** The bytes of an input, or why it cannot be read. */
export type Read = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly reason: string };

const tooLarge = (maxSize: number): Read => ({
  ok: false,
  reason: `larger than the --max-size of ${formatSize(maxSize)}`,
});

/** What a file that is not a regular file is, in a word. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "is a folder";
  if (stats.isFIFO()) return "is a named pipe (FIFO), not a regular file";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "is a device, not a regular file";
  if (stats.isSocket()) return "is a socket, not a regular file";
  return "is not a regular file";
}

/**
 * Reads the file at `path`, at most `maxSize` bytes, synchronously. Only a
 * regular file is read: a named pipe, a device or a socket would block or
 * never end. It is opened without blocking and checked once open, so that
 * a pipe put in its place meanwhile cannot hang the batch.
 *
 * @example
 * ```ts
 * readRegularFile("fixtures/the-red-shoes.txt", DEFAULT_MAX_SIZE); // { ok: true, bytes: <Buffer …> }
 * readRegularFile("/dev/zero", DEFAULT_MAX_SIZE); // { ok: false, reason: "is a device, not a regular file" }
 * ```
 */
export function readRegularFile(path: string | Buffer, maxSize: number): Read {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: kindOf(stats) };
    if (stats.size > maxSize) return tooLarge(maxSize);
    // One byte more than the size, to see a file that grew since; more room as needed, up to the limit.
    let buffer = Buffer.allocUnsafe(Math.min(stats.size, maxSize) + 1);
    let filled = 0;
    for (;;) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (read === 0) break;
      filled += read;
      if (filled === buffer.length) {
        if (filled > maxSize) return tooLarge(maxSize);
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxSize + 1));
        buffer.copy(larger);
        buffer = larger;
      }
    }
    return { ok: true, bytes: buffer.subarray(0, filled) };
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The whole of a stream (standard input, read once), at most `maxSize`
 * bytes: reading stops as soon as it grows larger.
 *
 * @example
 * ```ts
 * import { Readable } from "node:stream";
 * const read = await readStream(Readable.from([Buffer.from("The Red Shoes\n1948\n")]), DEFAULT_MAX_SIZE);
 * read.ok && read.bytes.toString(); // "The Red Shoes\n1948\n"
 * (await readStream(Readable.from([Buffer.alloc(10)]), 4)).ok; // false
 * ```
 */
export async function readStream(stream: Readable, maxSize: number): Promise<Read> {
  // Standard input redirected from a folder (`- < /tmp`) reads as empty: refused by what it is.
  const { fd } = stream as { fd?: unknown };
  if (typeof fd === "number") {
    try {
      const stats = fstatSync(fd);
      if (stats.isDirectory()) return { ok: false, reason: kindOf(stats) };
    } catch (error) {
      return { ok: false, reason: describeFsError(error) };
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
      size += bytes.length;
      if (size > maxSize) {
        stream.destroy();
        return tooLarge(maxSize);
      }
      chunks.push(bytes);
    }
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
  return { ok: true, bytes: Buffer.concat(chunks, size) };
}
