/**
 * Text → clean lines (lines and noise).
 *
 * The grammar reads a cleaned copy of the input: one line per original line,
 * joined with `\n`, zero-width characters dropped, every other kind of space
 * turned into a plain space, each line trimmed. Runs of spaces are kept here
 * (review text keeps them); other values collapse them later. Nothing else
 * is stored: `offsets.ts` maps clean offsets back to the original input
 * only when an error or an inspection asks, which costs nothing on the
 * success path.
 */

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
