/**
 * How problems are told: for a person, `path:line:column: CODE reason` with
 * a code frame, in colour on a terminal; for GitHub Actions, one workflow
 * command per problem, which the runner turns into an annotation on the
 * file. Every piece taken from an input (its name, its text) is shown
 * escaped.
 */

import { formatCodeFrame, type Position } from "../errors";
import { visible } from "../visible";
import type { Palette } from "./terminal";

/** The reporters `--reporter` takes. */
export const REPORTERS = ["human", "github"] as const;

/** How problems are printed. */
export type Reporter = (typeof REPORTERS)[number];

/** What a report needs of an issue, or of a `ListingError` that has no issues list. */
export interface IssueLike extends Position {
  readonly code: string;
  readonly reason: string;
  readonly severity?: "error" | "warning" | undefined;
  /** Just after the offending text. */
  readonly end?: Position | undefined;
  /** Advice on the cause, shown after the code frame. */
  readonly hint?: string | undefined;
}

/**
 * One issue of `path` for a person: the line `path:line:column: CODE reason`,
 * then the code frame of `text`, coloured by `palette`, then its hint.
 *
 * @example
 * ```ts
 * const text = "The Red Shoes\n7.5\n1948";
 * const [issue] = inspectListing(text).issues;
 * if (issue) issueReport("bad.txt", issue, text, paletteFor(false));
 * // "bad.txt:2:1: E_INVALID rating 7.5 is outside 0–5\n  1 | The Red Shoes\n> 2 | 7.5\n    | ^\n  3 | 1948\n"
 * ```
 */
export function issueReport(path: string, issue: IssueLike, text: string, palette: Palette): string {
  const code = issue.severity === "warning" ? palette.warning(issue.code) : palette.error(issue.code);
  const head = `${palette.path(visible(path))}${palette.dim(`:${issue.line}:${issue.column}:`)} ${code} ${visible(issue.reason)}`;
  const hint = issue.hint === undefined ? "" : `${palette.dim("hint:")} ${visible(issue.hint)}\n`;
  return `${head}\n${colourFrame(formatCodeFrame(issue, text), palette)}\n${hint}`;
}

/** The code frame with its gutter dim, the marked line's `>` and the caret in the colour of errors. */
function colourFrame(frame: string, palette: Palette): string {
  return frame
    .split("\n")
    .map((line) => {
      const bar = line.indexOf(" | ");
      if (bar === -1) return palette.dim(line);
      const gutter = line.slice(0, bar + 3);
      const rest = line.slice(bar + 3);
      const marked = gutter.startsWith(">") ? palette.error(">") + palette.dim(gutter.slice(1)) : palette.dim(gutter);
      const isCaretLine = gutter.trim() === "|" && /^ *\^$/.test(rest);
      return marked + (isCaretLine ? rest.replace("^", palette.error("^")) : rest);
    })
    .join("\n");
}

/**
 * Text as GitHub's toolkit escapes a workflow command's message: `%`, CR
 * and LF encoded (`%25`, `%0D`, `%0A`); other control and invisible
 * characters shown escaped, so that the log cannot be driven by the input.
 */
function escapeData(text: string): string {
  return text
    .split(/(\r|\n)/)
    .map((piece) => (piece === "\r" ? "%0D" : piece === "\n" ? "%0A" : visible(piece).replaceAll("%", "%25")))
    .join("");
}

/** A workflow command's property, escaped as GitHub's toolkit does: as a message, and `:` and `,` too. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/**
 * One workflow command: `::error file=…,line=…,col=…,title=CODE::message`
 * (`::warning` for a warning), with the end of the issue when known.
 *
 * @example
 * ```ts
 * githubCommand("error", { file: "bad.txt", line: 2, col: 1, title: "E_INVALID" }, "rating 7.5 is outside 0–5");
 * // "::error file=bad.txt,line=2,col=1,title=E_INVALID::rating 7.5 is outside 0–5\n"
 * ```
 */
export function githubCommand(
  command: "error" | "warning" | "notice",
  properties: Readonly<Record<string, string | number | undefined>>,
  message: string,
): string {
  const shown = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(",");
  return `::${command} ${shown}::${escapeData(message)}\n`;
}

/**
 * An issue of `path` as a workflow command, at its line and column (and its
 * end, when known), titled by its code.
 *
 * @example
 * ```ts
 * const [issue] = inspectListing("The Red Shoes\n7.5\n1948").issues;
 * if (issue) githubIssue("bad.txt", issue);
 * // "::error file=bad.txt,line=2,col=1,endLine=2,endColumn=4,title=E_INVALID::rating 7.5 is outside 0–5\n"
 * ```
 */
export function githubIssue(path: string, issue: IssueLike): string {
  return githubCommand(
    issue.severity === "warning" ? "warning" : "error",
    {
      file: path,
      line: issue.line,
      col: issue.column,
      endLine: issue.end?.line,
      endColumn: issue.end?.column,
      title: issue.code,
    },
    issue.hint === undefined ? issue.reason : `${issue.reason}; hint: ${issue.hint}`,
  );
}
