/**
 * Text → clean lines, and clean positions → original positions (lines and noise).
 *
 * The grammar reads a cleaned copy of the input: one line per original line,
 * joined with `\n`, zero-width characters dropped, every other kind of space
 * turned into a plain space, each line trimmed. Runs of spaces are kept here
 * (review text keeps them); other values collapse them later. Nothing else
 * is stored: an error maps its clean offset back to the original input by
 * walking the input once, which costs nothing on the success path.
 */

import type { Position } from "./errors";

/** Line ends: LF, CRLF or CR, mixed. */
const LINE_END = /\r\n?|\n/g;

/** Zero-width characters, dropped wherever they stand. U+FEFF is also the BOM. */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each zero-width character is dropped on its own
export const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF]/g;

/**
 * Characters that count as a space: tabs and the other white space of
 * JavaScript, Unicode space separators (NBSP among them).
 */
export const SPACE_LIKE = /[\t\v\f\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;

/**
 * The noise characters of one-byte (Latin-1) text, looked for one by one:
 * `indexOf` scans a string many times faster than a character-class
 * expression does.
 */
const LATIN1_NOISE = ["\r", "\t", "\v", "\f", "\u00A0"];

/**
 * The other noise characters. On a one-byte string an expression of
 * characters above U+00FF fails at once, without scanning, while on a
 * two-byte string one scan beats twenty `indexOf` calls.
 */
const WIDE_NOISE = /[\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF]/;

const isZeroWidth = (char: string): boolean =>
  char === "\u200B" || char === "\u200C" || char === "\u200D" || char === "\u2060" || char === "\uFEFF";

const hasNoise = (text: string): boolean => LATIN1_NOISE.some((char) => text.includes(char)) || WIDE_NOISE.test(text);

/**
 * Whether some line starts or ends with a space: a look at both sides of
 * every line break (`includes(" \n")` is ten times slower, as spaces are
 * common and each one starts a comparison).
 */
function hasEdgeSpace(text: string): boolean {
  if (text.startsWith(" ") || text.endsWith(" ")) return true;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
    if (text.charCodeAt(index - 1) === SPACE || text.charCodeAt(index + 1) === SPACE) return true;
  }
  return false;
}

const SPACE = 32;

/**
 * The cleaned copy of `text` that the grammar reads. Returns `text` itself
 * when it carries no noise at all, the common case.
 */
export function cleanText(text: string): string {
  if (!hasNoise(text)) {
    return hasEdgeSpace(text) ? text.split("\n").map(trimSpaces).join("\n") : text;
  }
  return text
    .split(LINE_END)
    .map((line) => trimSpaces(line.replace(ZERO_WIDTH, "").replace(SPACE_LIKE, " ")))
    .join("\n");
}

function trimSpaces(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && line.charCodeAt(start) === SPACE) start++;
  while (end > start && line.charCodeAt(end - 1) === SPACE) end--;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}

/** The start and end (exclusive) of every line of `text`, in its own offsets. */
function lineBounds(text: string, wanted: number): { start: number; end: number } {
  LINE_END.lastIndex = 0;
  let start = 0;
  for (let line = 0; ; line++) {
    const match = LINE_END.exec(text);
    const end = match === null ? text.length : match.index;
    if (line === wanted || match === null) return { start, end };
    start = end + match[0].length;
  }
}

/**
 * Maps an offset in `cleanText(source)` back to the original input.
 *
 * An offset inside a line lands on the same character of the original line;
 * an offset at the end of a clean line lands just after the line's last
 * non-blank character.
 */
export function originalPosition(source: string, clean: string, cleanOffset: number): Position {
  const lineIndex = countLineBreaks(clean, cleanOffset);
  const cleanLineStart = clean.lastIndexOf("\n", cleanOffset - 1) + 1;
  const column = cleanOffset - cleanLineStart;
  const cleanLineEnd = clean.indexOf("\n", cleanOffset);
  const atLineEnd = cleanOffset === (cleanLineEnd === -1 ? clean.length : cleanLineEnd);
  const { start, end } = lineBounds(source, lineIndex);

  // Walk the original line as cleanText does: skip zero-width characters
  // and leading spaces, then count kept characters up to `column`.
  let kept = 0;
  let leading = true;
  let afterLastKept = start;
  for (let offset = start; offset < end; offset++) {
    const char = source.charAt(offset);
    if (isZeroWidth(char)) continue;
    const isSpace = char === " " || SPACE_LIKE_ONE.test(char);
    if (leading && isSpace) continue;
    leading = false;
    if (kept === column && !atLineEnd) return at(lineIndex, start, offset);
    kept++;
    if (!isSpace) afterLastKept = offset + 1;
  }
  return at(lineIndex, start, afterLastKept);
}

const SPACE_LIKE_ONE = new RegExp(SPACE_LIKE.source);

function at(lineIndex: number, lineStart: number, offset: number): Position {
  return { line: lineIndex + 1, column: offset - lineStart + 1, offset };
}

function countLineBreaks(text: string, before: number): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1 && index < before; index = text.indexOf("\n", index + 1)) {
    count++;
  }
  return count;
}

/**
 * The position of the end of the input: just after the last non-blank
 * character of the last non-blank line (where a missing year is reported at the end).
 */
export function endPosition(source: string, clean: string): Position {
  let end = clean.length;
  while (end > 0 && clean.charCodeAt(end - 1) === 10) end--;
  return originalPosition(source, clean, end);
}
