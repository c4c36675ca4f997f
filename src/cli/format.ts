/**
 * `film-listing format`: a record's JSON back to listing text, through
 * `formatListing`, so that `parse` reads the same record back.
 */

import type { Readable } from "node:stream";
import { ListingError } from "../errors";
import type { Film } from "../film";
import { formatListing } from "../format";
import { visible } from "../visible";
import { decodeText } from "./decode";
import { escapeInvalidUtf8, type Read, readRegularFile, readStream, STDIN_NAME } from "./inputs";
import { readJson } from "./json-text";
import type { Output } from "./terminal";

/** Where `format` reads and writes. */
export interface FormatStreams {
  readonly stdin: Readable;
  readonly stdout: Output;
  readonly stderr: Output;
}

/**
 * Reads the record in `path` (its bytes for a name that is not UTF-8, `-`
 * for standard input; UTF-8 with or without a byte-order mark, or UTF-16
 * with one), prints it as listing text (its
 * control and invisible characters as escapes when stdout is a terminal) and
 * returns 0; or prints why it cannot on stderr, as `path: reason` or
 * `path: CODE reason`, and returns 1.
 *
 * @example
 * ```ts
 * import { PassThrough, Readable } from "node:stream";
 * const [stdout, stderr] = [new PassThrough(), new PassThrough()];
 * const plain = paletteFor(false);
 * const streams = { stdin: Readable.from(["notjson"]), stdout: new Output(stdout, plain), stderr: new Output(stderr, plain) };
 * await runFormat("fixtures/roundhay-garden-scene-minimal-title-and-year.json", DEFAULT_MAX_SIZE, streams); // 0
 * String(stdout.read()); // "Roundhay Garden Scene\n1888\nStarring:\nAlso Available On:\n"
 * await runFormat("-", DEFAULT_MAX_SIZE, streams); // 1
 * String(stderr.read()); // "<stdin>: not a JSON record (line 1, column 2: unexpected 'o')\n"
 * ```
 */
export async function runFormat(path: string | Buffer, maxSize: number, streams: FormatStreams): Promise<number> {
  const name = path === "-" ? STDIN_NAME : typeof path === "string" ? path : escapeInvalidUtf8(path);
  const { palette } = streams.stderr;
  const fail = async (reason: string, code?: string): Promise<number> => {
    const shownCode = code === undefined ? "" : `${palette.error(code)} `;
    await streams.stderr.write(`${palette.path(visible(name))}: ${shownCode}${visible(reason)}\n`);
    return 1;
  };
  const read: Read = path === "-" ? await readStream(streams.stdin, maxSize) : readRegularFile(path, maxSize);
  const decoded = read.ok ? decodeText(read.bytes) : read;
  if (!decoded.ok) return fail(decoded.reason);
  const json = readJson(decoded.text);
  if (!json.ok) return fail(`not a JSON record (${json.reason})`);
  let text: string;
  try {
    // formatListing checks the record with FilmSchema itself and says which field is wrong.
    text = formatListing(json.value as Film);
  } catch (error) {
    if (error instanceof ListingError) return fail(error.reason, error.code);
    if (error instanceof TypeError) return fail(error.message);
    throw error;
  }
  // The text is data for a file or a pipe; on a terminal, its control and
  // invisible characters are shown as escapes, as everything else is.
  await streams.stdout.write(streams.stdout.isTTY ? text.split("\n").map(visible).join("\n") : text);
  return 0;
}
