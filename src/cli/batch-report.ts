/**
 * The words a batch ends and compares with: the summary line, and how a
 * drift or an update of committed JSON is told, for a person or as a
 * GitHub workflow command.
 */

import { visible } from "../visible";
import type { Drift } from "./check";
import { count } from "./progress";
import { githubCommand } from "./report";
import type { Palette } from "./terminal";

/** The counts of a batch, as its summary line gives them. */
export interface BatchCounts {
  /** Inputs parsed (`inspect`: read), and with `--check` matching their JSON. */
  done: number;
  /** Inputs that could not be read, or failed to parse. */
  failed: number;
  /** `inspect` without `--check`: inputs with an issue of severity error. */
  withErrors: number;
  drifted: number;
  /** `--check` of `parse`: inputs that failed with the code and position their JSON expects. */
  expectedErrors: number;
  /** `--update`: JSON files written, among the inputs counted above. */
  updated: number;
}

/** What the summary line depends on besides the counts. */
export interface SummaryKind {
  readonly command: "parse" | "inspect";
  readonly output: "pretty" | "ndjson" | "files" | "check" | "update";
}

/** The summary line, saying only what applies to the command and its options. */
export function summary(kind: SummaryKind, counts: BatchCounts, palette: Palette): string {
  const check = kind.output === "check" || kind.output === "update";
  const red = (text: string, value: number) => (value > 0 ? palette.error(text) : text);
  const parts =
    kind.command === "parse"
      ? [`${count(counts.done)} parsed`]
      : [`${count(counts.done + counts.withErrors)} inspected`];
  if (check && kind.command === "parse") {
    parts.push(`${count(counts.expectedErrors)} expected ${counts.expectedErrors === 1 ? "error" : "errors"}`);
  }
  if (!check && kind.command === "inspect") {
    parts.push(red(`${count(counts.withErrors)} with errors`, counts.withErrors));
  }
  parts.push(red(`${count(counts.failed)} failed`, counts.failed));
  if (kind.output === "check") parts.push(red(`${count(counts.drifted)} drifted`, counts.drifted));
  if (kind.output === "update") parts.push(`${count(counts.updated)} updated`);
  return parts.join(", ");
}

/** The JSON path of a drift and both values: `$.rating: 4.4 → 4.3`, or the file's fault in words. */
function driftLine(drift: Drift): string {
  const values = `${visible(drift.old)} → ${visible(drift.new)}`;
  return drift.path === undefined ? values : `${visible(drift.path)}: ${values}`;
}

/** `and 2 more differences`, or nothing. */
function moreLine(drift: Drift): string[] {
  return drift.more === 0 ? [] : [`and ${count(drift.more)} more ${drift.more === 1 ? "difference" : "differences"}`];
}

/** `path: drifted from x.json:3`, then the first differing value, indented, and how many more differ. */
export function driftReport(path: string, expectedPath: string, drift: Drift, palette: Palette): string {
  const place = `${visible(expectedPath)}${drift.line === undefined ? "" : `:${drift.line}`}`;
  const lines = [driftLine(drift), ...moreLine(drift)].map((line) => `  ${line}\n`).join("");
  return `${palette.path(visible(path))}: ${palette.warning("drifted")} from ${place}\n${lines}`;
}

/** Drift as one workflow command on the committed file at the differing line (on the text when there is no file). */
export function githubDrift(path: string, file: string, drift: Drift): string {
  const message = [`${path} drifted: ${drift.path === undefined ? "" : `${drift.path}: `}${drift.old} → ${drift.new}`];
  return githubCommand(
    "error",
    { file, line: drift.line, title: "drift" },
    [...message, ...moreLine(drift)].join("\n"),
  );
}

/** `updated x.json: $.rating: 4.4 → 4.3`, or `wrote x.json` for a file that was not there. */
export function updateReport(expectedPath: string, existed: boolean, drift: Drift, palette: Palette): string {
  const file = palette.path(visible(expectedPath));
  if (!existed) return `wrote ${file}\n`;
  return `updated ${file}: ${[driftLine(drift), ...moreLine(drift)].join(", ")}\n`;
}
