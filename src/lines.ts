/**
 * Text → clean lines (lines and noise).
 *
 * The grammar reads a cleaned copy of the input: one line per original line,
 * joined with `\n`, invisible format characters dropped, every other kind of
 * space turned into a plain space, each line trimmed. Runs of spaces are kept
 * here (review text keeps them); other values collapse them later. Nothing
 * else is stored: `offsets.ts` maps clean offsets back to the original input
 * only when an error or an inspection asks, which costs nothing on the
 * success path.
 *
 * The noise, as docs/layout.md names it:
 *
 * - spaces: tabs, the other white space of JavaScript and the Unicode space
 *   separators (NBSP among them) count as a plain space;
 * - invisible format characters are dropped: the zero-width space (U+200B),
 *   the word joiner (U+2060), the BOM (U+FEFF), the soft hyphen (U+00AD), the
 *   directional marks (U+200E, U+200F, U+061C) and the bidirectional
 *   embeddings and isolates (U+202A–U+202E, U+2066–U+2069);
 * - the zero-width non-joiner and joiner (U+200C, U+200D) are kept where they
 *   join two characters of an emoji sequence (`👨‍👩‍👧`) or of a script that
 *   uses them (Arabic and Persian, the Indic scripts), and dropped elsewhere.
 *   The two characters are the nearest on either side, on the same line,
 *   that are not themselves format characters.
 *
 * Much of the file is fast paths that give the same text as the slow path:
 * the no-noise shortcut, long runs sliced whole, the buffer and when it is
 * flushed, the ASCII and surrogate-safe decoders. Their mutants change only
 * speed or where the output's pieces meet, so each is marked for mutation
 * testing in a few words: `shortcut`, `flush point`, `same text`.
 */

/**
 * Characters that count as a space: tabs and the other white space of
 * JavaScript, Unicode space separators (NBSP among them).
 */
export const SPACE_LIKE = /[\t\v\f\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;

/** The noise characters of one-byte (Latin-1) text, looked for one by one: `includes` outruns a character class. */
const LATIN1_NOISE = [..."\r\t\v\f\u00A0\u00AD"];

/**
 * The other noise characters. On a one-byte string an expression of
 * characters above U+00FF fails at once, without scanning, while on a
 * two-byte string one scan beats many `indexOf` calls.
 */
const WIDE_NOISE = /[\u061C\u1680\u2000-\u200F\u2028-\u202F\u205F\u2060\u2066-\u2069\u3000\uFEFF]/;

/** Whether `text` holds a character that the cleaning drops or changes. */
export const hasNoise = (text: string): boolean =>
  LATIN1_NOISE.some((char) => text.includes(char)) || WIDE_NOISE.test(text);

/**
 * Whether some line starts or ends with a space. One expression scans the
 * text once, at a few nanoseconds a character whatever its lines: a walk
 * from line break to line break (`indexOf` a line) cost ten milliseconds on
 * a megabyte of one-line reviews.
 */
export function hasEdgeSpace(text: string): boolean {
  return text.startsWith(" ") || text.endsWith(" ") || EDGE_SPACE.test(text);
}

/** A space just before or just after a line break. */
const EDGE_SPACE = / \n|\n /;

const SPACE = 32;
const LF = 10;
const CR = 13;

/** What a character is to the cleaning; format characters (dropped, joiners) last. */
const PLAIN = 0;
const SPACE_KIND = 1;
const DROPPED = 2;
const JOINER = 3;
const LINE_END = 4;

/** The kind of every UTF-16 code unit, looked up by its code: one array read per character. */
const KINDS = /* @__PURE__ */ (() => {
  const kinds = new Uint8Array(0x10000);
  const set = (kind: number, ...ranges: (number | [number, number])[]) => {
    for (const range of ranges) {
      const [from, to] = typeof range === "number" ? [range, range] : range;
      kinds.fill(kind, from, to + 1);
    }
  };
  set(SPACE_KIND, 9, 11, 12, SPACE, 0xa0, 0x1680, [0x2000, 0x200a], 0x2028, 0x2029, 0x202f, 0x205f, 0x3000);
  set(DROPPED, 0xad, 0x61c, 0x200b, 0x200e, 0x200f, [0x202a, 0x202e], 0x2060, [0x2066, 0x2069], 0xfeff);
  set(JOINER, 0x200c, 0x200d);
  set(LINE_END, LF, CR);
  return kinds;
})();

/** Whether a character code counts as a space (a plain one or one of {@link SPACE_LIKE}). */
export const isSpaceCode = (code: number): boolean => KINDS[code] === SPACE_KIND;

/** Whether the cleaning keeps a character code as it is, wherever it stands: no space, line break or format character. */
export const isPlainCode = (code: number): boolean => KINDS[code] === PLAIN;

/** A pictograph or a skin tone: tested on one code point at a time. */
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}]/u;

/**
 * Whether a zero-width joiner or non-joiner beside this code point joins
 * something: a character of an emoji sequence (a pictograph, a skin tone,
 * the emoji presentation selector) or of the Arabic (Persian included) or
 * Indic scripts.
 */
function joins(codePoint: number): boolean {
  if (codePoint < 0x600) return false;
  if (codePoint <= 0x6ff || (codePoint >= 0x750 && codePoint <= 0x77f) || (codePoint >= 0x8a0 && codePoint <= 0x8ff)) {
    return true; // Arabic
  }
  if (codePoint >= 0x900 && codePoint <= 0xdff) return true; // Devanagari to Sinhala
  if ((codePoint >= 0xfb50 && codePoint <= 0xfdff) || (codePoint >= 0xfe70 && codePoint <= 0xfefc)) return true;
  if (codePoint === 0xfe0f) return true;
  return EMOJI.test(String.fromCodePoint(codePoint));
}

/** The code point that ends just before `end` (a surrogate pair read whole). */
function codePointBefore(text: string, end: number): number {
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(end - 2);
    // Stryker disable next-line EqualityOperator: no joining code point at these bounds
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** Runs of ordinary characters at least this long are copied as one slice. */
const LONG_RUN = 16;
/**
 * Characters copied through the buffer between two strings of the output.
 * Large, so that few pieces are made: many small ones, copied by each
 * young-generation collection, raise the peak memory of a long noisy line.
 */
const CHUNK = 262_144;
/** Codes passed to one `String.fromCharCode` call: far below the engines' limit on arguments. */
const SPREAD = 8_192;

let utf16: InstanceType<typeof TextDecoder> | undefined;
let ascii: InstanceType<typeof TextDecoder> | undefined;
let bytes: Uint8Array | undefined;

/**
 * The first `length` codes of `buffer` as a string, by `TextDecoder` (faster
 * than `String.fromCharCode.apply`); an ASCII chunk is decoded from bytes,
 * so that the string takes one byte a character. The bound is 0x80, not
 * 0x100: a browser decodes "latin1" as windows-1252, where U+0080 is €.
 */
function decode(buffer: Uint16Array, length: number, codes: number): string {
  // Stryker disable next-line BlockStatement,EqualityOperator: same text (Node's latin1 is ISO-8859-1)
  if (codes < 0x80) {
    bytes ??= new Uint8Array(CHUNK);
    bytes.set(buffer.subarray(0, length));
    ascii ??= new TextDecoder("latin1");
    return ascii.decode(bytes.subarray(0, length));
  }
  const chunk = buffer.subarray(0, length);
  // TextDecoder would turn an unpaired surrogate, or half of a pair split
  // between two chunks, into U+FFFD: such chunks are copied code by code.
  if (hasSurrogate(chunk)) {
    let text = "";
    // Stryker disable next-line EqualityOperator: a last call with no codes adds an empty string
    for (let at = 0; at < length; at += SPREAD) text += String.fromCharCode(...chunk.subarray(at, at + SPREAD));
    return text;
  }
  utf16 ??= new TextDecoder("utf-16le");
  return utf16.decode(chunk);
}

function hasSurrogate(chunk: Uint16Array): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: same text
  for (const code of chunk) if (code >= 0xd800 && code <= 0xdfff) return true;
  // Stryker disable next-line BooleanLiteral: same text
  return false;
}

/**
 * The cleaned copy of `text` that the grammar reads. Returns `text` itself
 * when it carries no noise at all, the common case.
 */
export function cleanText(text: string): string {
  // Stryker disable next-line ConditionalExpression: shortcut
  if (hasNoise(text)) return clean(text, true);
  // Stryker disable next-line ConditionalExpression: shortcut
  if (!hasEdgeSpace(text)) return text;
  // Stryker disable next-line LogicalOperator: shortcut
  return trimmedLines(text) ?? clean(text, true);
}

/**
 * `text`, which holds no noise but spaces at the edges of some lines, with
 * those spaces cut: what {@link clean} makes of it, from slices of the
 * text between the cuts rather than a walk over every character. A list of
 * names on one megabyte-long line ending in a space is two slices.
 * `undefined` when the cuts are so many that the slices would cost more
 * memory than the walk's pieces.
 */
function trimmedLines(text: string): string | undefined {
  const parts: string[] = [];
  const most = text.length / MOST_CHARACTERS_A_CUT;
  // Where the text not yet copied starts.
  let from = 0;
  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let start = lineStart;
    while (start < lineEnd && text.charCodeAt(start) === SPACE) start++;
    let end = lineEnd;
    while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    if (start > lineStart) {
      parts.push(text.slice(from, lineStart));
      from = start;
    }
    if (end < lineEnd) {
      parts.push(text.slice(from, end));
      from = lineEnd;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: shortcut
    if (parts.length > most) return undefined;
    lineStart = lineEnd + 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/** {@link trimmedLines} gives way to the walk when there is a cut for fewer characters than this. */
const MOST_CHARACTERS_A_CUT = 32;

/**
 * `text` with the invisible characters the parser drops taken out, each
 * line break made `\n`, and nothing else changed (its spaces and edges as
 * they are): for code that checks whether a value would read back as
 * written.
 */
export function withoutInvisible(text: string): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: shortcut
  return WIDE_NOISE.test(text) || text.includes("\u00AD") ? clean(text, false) : text;
}

/**
 * One pass over `text`: line ends become `\n`, invisible characters go.
 * With `trim`, spaces become a plain space and each line loses its edge
 * spaces; without, spaces are kept as written.
 *
 * The output is built from short pieces copied through a buffer of
 * character codes and long runs sliced whole, so that memory stays a small
 * multiple of the input however dense the noise.
 */
function clean(text: string, trim: boolean): string {
  const parts: string[] = [];
  // The output is never longer than the text.
  const capacity = Math.min(CHUNK, text.length);
  const buffer = new Uint16Array(capacity);
  let length = 0;
  // Every code of the buffer ORed together: below 0x80, the chunk is ASCII.
  let codes = 0;
  const flush = () => {
    parts.push(decode(buffer, length, codes));
    length = 0;
    codes = 0;
  };
  // Spaces not yet written: a line's trailing spaces never are.
  let pending = 0;
  let lineHasText = false;
  // The code point before the current one that is no format character, on
  // this line; at a line's start, a line break, which joins nothing.
  let before = LF;
  const size = text.length;
  // Stryker disable next-line EqualityOperator: NaN past the end writes nothing
  for (let index = 0; index < size; ) {
    const code = text.charCodeAt(index);
    const kind = KINDS[code];
    if (kind === PLAIN) {
      let end = index + 1;
      for (;;) {
        // Past the end, charCodeAt gives NaN, of no kind.
        // Stryker disable next-line ConditionalExpression: same text
        while (KINDS[text.charCodeAt(end)] === PLAIN) end++;
        // Plain spaces between plain characters stay as they are: the run
        // goes on over them, so that a line of words is one slice.
        let next = end;
        while (text.charCodeAt(next) === SPACE) next++;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: same text
        if (next === end || KINDS[text.charCodeAt(next)] !== PLAIN) break;
        end = next + 1;
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator: writing no spaces changes nothing
      if (pending > 0) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: flush point
        if (length + pending > capacity) flush();
        // Stryker disable next-line EqualityOperator: same text
        if (pending > capacity) {
          parts.push(" ".repeat(pending));
        } else {
          buffer.fill(SPACE, length, length + pending);
          length += pending;
        }
        pending = 0;
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: same text
      if (end - index >= LONG_RUN) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: flush point
        if (length > 0) flush();
        parts.push(text.slice(index, end));
      } else {
        // Stryker disable next-line ConditionalExpression,ArithmeticOperator,EqualityOperator: flush point
        if (length + (end - index) > capacity) flush();
        for (let at = index; at < end; at++) {
          const plain = text.charCodeAt(at);
          codes |= plain;
          buffer[length++] = plain;
        }
      }
      lineHasText = true;
      before = codePointBefore(text, end);
      index = end;
    } else if (kind === SPACE_KIND) {
      if (!trim) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: flush point
        if (length === capacity) flush();
        codes |= code;
        buffer[length++] = code;
      } else if (lineHasText) {
        pending++;
      }
      before = SPACE;
      index++;
    } else if (kind === LINE_END) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: flush point
      if (length === capacity) flush();
      buffer[length++] = LF;
      pending = 0;
      lineHasText = false;
      before = LF;
      index += code === CR && text.charCodeAt(index + 1) === LF ? 2 : 1;
    } else {
      // A run of format characters: its joiners are kept when the characters on either side both join.
      let end = index + 1;
      // Past the end, charCodeAt gives NaN, of no kind.
      while ((KINDS[text.charCodeAt(end)] as number) >= DROPPED && KINDS[text.charCodeAt(end)] !== LINE_END) end++;
      // At the text's end, as at a line's, a line break, which joins nothing.
      const after = end < size ? (text.codePointAt(end) as number) : LF;
      if (joins(before) && joins(after)) {
        // Stryker disable next-line EqualityOperator: the character at the run's end is no format character, so no joiner
        for (let at = index; at < end; at++) {
          const format = text.charCodeAt(at);
          if (KINDS[format] !== JOINER) continue;
          // No spaces wait here: a space before the run would not join.
          // Stryker disable next-line ConditionalExpression,EqualityOperator: flush point
          if (length === capacity) flush();
          codes |= format;
          buffer[length++] = format;
          // Stryker disable next-line BooleanLiteral: a joiner is kept only after a character of the line, which has already set it
          lineHasText = true;
        }
      }
      index = end;
    }
  }
  // The last piece joins the others: adding it to their joined string would
  // make a rope that is copied whole again when first read.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: flush point
  if (length > 0) flush();
  return parts.join("");
}
