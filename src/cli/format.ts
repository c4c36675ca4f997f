/**
 * `film-listing format`: a record's JSON back to listing text,
 * through `formatListing`, so that `parse` reads the same record back.
 */

import { readFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import { type Film, formatListing, ListingError } from "../index";
import { describeFsError, readAll, STDIN_NAME } from "./inputs";

/** Where `format` reads and writes. */
export interface FormatStreams {
  readonly stdin: Readable;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/**
 * Reads the record in `path` (`-` for standard input), prints it as
 * listing text and returns 0; or prints why it cannot on stderr, as
 * `path: reason` or `path: CODE reason`, and returns 1.
 *
 * @example
 * ```ts
 * await runFormat("fixtures/roundhay-garden-scene-minimal-title-and-year.json", streams);
 * // stdout: "Roundhay Garden Scene\n1888\n"; returns 0
 * ```
 */
export async function runFormat(path: string, streams: FormatStreams): Promise<number> {
  const name = path === "-" ? STDIN_NAME : path;
  const fail = (reason: string): number => {
    streams.stderr.write(`${name}: ${reason}\n`);
    return 1;
  };
  let json: string;
  try {
    json = path === "-" ? await readAll(streams.stdin) : await readFile(path, "utf8");
  } catch (error) {
    return fail(describeFsError(error));
  }
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch (error) {
    return fail(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  let text: string;
  try {
    // formatListing checks the record with FilmSchema itself and says which field is wrong.
    text = formatListing(record as Film);
  } catch (error) {
    if (error instanceof ListingError) return fail(`${error.code} ${error.reason}`);
    if (error instanceof TypeError) return fail(error.message);
    throw error;
  }
  streams.stdout.write(text);
  return 0;
}
