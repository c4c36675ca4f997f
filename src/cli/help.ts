/**
 * The help of the command and of each of its commands: plain text, kept
 * here so that `help` and `--help` need nothing of the library.
 */

import type { CommandName } from "./args";

/** Where the whole guide to the command is. */
export const DOCS_URL = "https://github.com/film-listing/film-listing/blob/main/docs/cli.md";

/** The end of a batch command's exit status, after what 0 and 1 mean for it. */
const EXIT_BATCH_END = `  2    bad usage
  130  interrupted (Ctrl-C); 143 terminated (SIGTERM)`;

const INPUTS = `  <file|dir|->          a listing; a folder means every *.txt below it, sorted by path;
                        - (or, with no argument, piped input) reads standard input`;

/** The options of `parse` and `inspect`; `written` is what `--update` writes for a text that fails. */
const batchOptions = (
  written: string,
): string => `  --out-dir DIR         write DIR/<name>.json for each input instead of printing
  --ndjson              print one line {"path":…,…} per input, even for one input
  --check               compare each input's result with its JSON (DIR/<name>.json with
                        --out-dir, else x.json beside x.txt) by value; print the first
                        difference, its JSON path and line, on stdout; writes nothing
  --update              the same comparison; write the JSON where it differs or is
                        missing (${written}) and say what changed;
                        with either, a JSON in DIR that no input of a folder gives is named
                        in a notice, left as it is
  --reporter github     print failures and drift as GitHub Actions workflow commands
  --reference-date YYYY-MM-DD
                        check release years against this date instead of today
                        (a year may be at most five years after it)
  --max-size SIZE       refuse an input larger than SIZE (default 64MB; 500KB, 1GB, or bytes)
  --max-issues N        list at most N issues per input, then one W_MORE_ISSUES (default 1000)
  -q, --quiet           no summary or progress line; failures are still printed`;

const COMMON_OPTIONS = `  --color, --no-color   force colour on, or off (default: on a terminal, unless NO_COLOR is set)
  -h, --help            print this help
  -v, --version         print the version`;

/** The help of each command, and of the command as a whole (`undefined`). */
const HELP: Readonly<Record<CommandName | "", string>> = {
  "": `film-listing: parse scraped film pages into typed JSON records

Usage:
  film-listing [parse] <file|dir|->...   print each listing's record as JSON
  film-listing inspect <file|dir|->...   print every value read and every issue found
  film-listing format <film.json|->      print a record back as listing text
  film-listing schema                    print the JSON Schema of a record
  film-listing help [command]            print the help of a command

Options:
  -h, --help            print the help (after a command: that command's help)
  -v, --version         print the version

Examples:
  film-listing the-red-shoes.txt
  film-listing scraped --out-dir json
  film-listing scraped --out-dir json --check --reference-date 2026-11-25

Run 'film-listing help <command>' for a command's options.
Documentation: ${DOCS_URL}
`,
  parse: `Usage: film-listing [parse] <file|dir|->... [options]

Parse listings into Film records. One input prints pretty JSON; a folder or
several inputs print NDJSON, one {"path":…,"film":…} line per input. A bad
input never stops the batch: it is printed on stderr as
path:line:column: CODE reason, with a code frame for each of its issues.

Arguments:
${INPUTS}

Options:
${batchOptions("a failing parse as its expected error")}
  --schema-org          print schema.org Movie JSON-LD instead of the record
                        (NDJSON lines are then {"path":…,"schemaOrg":…})
  --schema-url URL      the $schema of written records (default: the path from each
                        file to this package's schema.json)
${COMMON_OPTIONS}

Examples:
  film-listing parse the-red-shoes.txt
  film-listing parse scraped --out-dir json
  film-listing parse scraped --out-dir json --check --reference-date 2026-11-25
  film-listing parse scraped --out-dir json --update --reference-date 2026-11-25
  node scrape.mjs | film-listing parse -   # a scraper printing the listing's innerText

Exit status:
  0    every input parsed (with --check: and matched its JSON; with --update:
       and its JSON is now current)
  1    some input failed, could not be read, or drifted; or output could not be written
${EXIT_BATCH_END}

Documentation: ${DOCS_URL}
`,
  inspect: `Usage: film-listing inspect <file|dir|->... [options]

Read every value a listing holds and every problem in it: prints
{"film":…,"issues":[…]} per input (pretty JSON for one input, NDJSON with the
path for several).

Arguments:
${INPUTS}

Options:
${batchOptions("a text with errors too")}
  --spans               add where each value was read: {"film","issues","spans"}
${COMMON_OPTIONS}

Examples:
  film-listing inspect the-red-shoes.txt
  film-listing inspect scraped --spans --out-dir inspected
  film-listing inspect fixtures/inspect --check --reference-date 2026-11-25

Exit status:
  0    no input has an issue of severity error, warnings alone allowed (with
       --check: every result matched its JSON; with --update: its JSON is now
       current)
  1    some input has an error (with --check or --update: an error its JSON
       records is no failure), could not be read, or drifted; or output could
       not be written
${EXIT_BATCH_END}

Documentation: ${DOCS_URL}
`,
  format: `Usage: film-listing format <film.json|-> [options]

Print a record back as listing text in the reference layout; parsing that
text gives the same record back. A file that is not a JSON record, or a
record the layout cannot express, is reported on stderr.

Options:
  --max-size SIZE       refuse a file larger than SIZE (default 64MB)
${COMMON_OPTIONS}

Examples:
  film-listing format the-red-shoes.json
  film-listing format the-red-shoes.json | film-listing parse -

Exit status:
  0    the listing text was printed
  1    the record could not be read or written as a listing
  2    bad usage

Documentation: ${DOCS_URL}
`,
  schema: `Usage: film-listing schema

Print the JSON Schema (draft 2020-12) of a Film record, the same text as the
package's file film-listing/schema.json.

Options:
${COMMON_OPTIONS}

Example:
  film-listing schema > film.schema.json

Exit status: 0, or 2 for bad usage.

Documentation: ${DOCS_URL}
`,
  help: `Usage: film-listing help [command]

Print the help of a command (parse, inspect, format, schema), or of the
whole command when none is named. '<command> --help' prints the same.

Documentation: ${DOCS_URL}
`,
};

/**
 * The help text of `command`, or of the whole command.
 *
 * @example
 * ```ts
 * helpText("format").split("\n")[0]; // "Usage: film-listing format <film.json|-> [options]"
 * ```
 */
export function helpText(command?: CommandName): string {
  return HELP[command ?? ""];
}
