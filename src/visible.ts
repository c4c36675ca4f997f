/**
 * Text shown to a person, made safe to show: control characters and
 * invisible characters written as escapes, so that scraped text or a file
 * name can neither drive a terminal (colours, cursor moves, a carriage
 * return that overwrites a line) nor hide or reorder what is shown.
 */

/**
 * Characters never shown as they are: the C0 and C1 controls and DEL; the
 * characters that draw nothing (soft hyphen, zero-width characters, fillers,
 * word joiners and invisible operators, the byte-order mark, interlinear
 * annotation marks); line and paragraph separators; the directional marks,
 * embeddings, overrides and isolates; tag characters; unpaired surrogates.
 */
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each character is escaped on its own
  /[\u0000-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u2028-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0\uFFF0-\uFFFB\uD800-\uDFFF\u{E0000}-\u{E007F}\u{1D173}-\u{1D17A}]/gu;

/** The same characters but the C0 controls and unpaired surrogates, which `JSON.stringify` escapes itself. */
const UNSAFE_IN_JSON =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each character is escaped on its own
  /[\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B\u200E\u200F\u2028-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0\uFFF0-\uFFFB\u{E0000}-\u{E007F}\u{1D173}-\u{1D17A}]/gu;

/** Controls with a short escape everybody reads. */
const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** The joiners, kept where they join two visible characters of an emoji sequence or a script. */
const JOINERS = "\u200C\u200D";

/** A character that may stand beside a kept joiner: not ASCII, not space, not itself unsafe. */
const isJoinable = (char: string): boolean =>
  (char.codePointAt(0) ?? 0) > 0x7f && !/\s/u.test(char) && !ONE_UNSAFE.test(char);

/** The text to show for one unsafe character. */
function escapeOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
    return SHORT[char] ?? `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, "0")}⟩`;
}

/** One unsafe character, tested on its own. */
const ONE_UNSAFE = /* @__PURE__ */ new RegExp(`^${UNSAFE.source}$`, "u");

/** The character (a whole code point) that ends just before `index`. */
function charBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(start) ?? 0);
}

/** Whether the joiner at `index` of `text` joins two visible characters, and so may be shown as it is. */
function joinsVisible(text: string, index: number): boolean {
  if (index === 0 || index + 1 >= text.length) return false;
  const before = charBefore(text, index);
  const after = String.fromCodePoint(text.codePointAt(index + 1) ?? 0);
  return isJoinable(before) && isJoinable(after);
}

/**
 * Writes `text` with every control and invisible character escaped, and
 * tells where the character at `index` of `text` lands in the result
 * (`text.length` maps to the result's length).
 */
export function visibleAt(text: string, index: number): { text: string; index: number } {
  let shown = "";
  let last = 0;
  let mapped: number | undefined;
  UNSAFE.lastIndex = 0;
  for (let match = UNSAFE.exec(text); match !== null; match = UNSAFE.exec(text)) {
    const char = match[0];
    const at = match.index;
    if (JOINERS.includes(char) && joinsVisible(text, at)) continue;
    if (mapped === undefined && index < at + char.length) {
      mapped = shown.length + Math.max(0, Math.min(index, at) - last);
    }
    shown += text.slice(last, at) + escapeOf(char);
    last = at + char.length;
  }
  mapped ??= shown.length + Math.max(0, index - last);
  return { text: shown + text.slice(last), index: mapped };
}

/**
 * `text` safe to print on a terminal: each control character is written as
 * an escape (`\n`, `\r`, `\t`, `\u001B`), each invisible or directional
 * character as its code point (`⟨U+200B⟩`, `⟨U+202E⟩`); everything else is
 * kept, joiners inside an emoji sequence or a joining script included.
 *
 * @example
 * ```ts
 * visible("Red\u001b[2JShoes\u200B.txt"); // "Red\\u001B[2JShoes⟨U+200B⟩.txt"
 * ```
 */
export function visible(text: string): string {
  return visibleAt(text, text.length).text;
}

/**
 * JSON text with the characters that `JSON.stringify` leaves raw but a
 * terminal would act on or hide (C1 controls, directional and invisible
 * characters) written as `\uXXXX` escapes: the same JSON value, safe to
 * print.
 *
 * @example
 * ```ts
 * jsonVisible(JSON.stringify("a\u202Eb")); // '"a\\u202Eb"'
 * ```
 */
export function jsonVisible(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (char) => {
    let escaped = "";
    for (let i = 0; i < char.length; i++) {
      escaped += `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}`;
    }
    return escaped;
  });
}
