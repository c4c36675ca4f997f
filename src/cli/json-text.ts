/**
 * JSON files read by the command (`format`, the committed JSON of
 * `--check`): a UTF-8 byte-order mark is allowed, and text that is not JSON
 * is refused with the line, column and character where it stops being JSON,
 * in the command's words rather than the JavaScript engine's.
 */

import { visible } from "../visible";

/** A JSON value read, or where and why the text is not JSON. */
export type JsonRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/**
 * Parses `text` as JSON, a leading byte-order mark ignored.
 *
 * @example
 * ```ts
 * readJson('\uFEFF{"title": "Nosferatu"}'); // { ok: true, value: { title: "Nosferatu" } }
 * readJson("notjson"); // { ok: false, reason: "line 1, column 2: unexpected 'o'" }
 * ```
 */
export function readJson(text: string): JsonRead {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const at = firstJsonError(body);
    const offset = at + (body === text ? 0 : 1);
    const { line, column } = positionOf(text, offset);
    const found = at < body.length ? `unexpected ${quote(body, at)}` : "unexpected end of the text";
    return { ok: false, reason: `line ${line}, column ${column}: ${found}` };
  }
}

/** One token of a JSON text: a string, a punctuation mark, or a number or literal; white space before it. */
const JSON_TOKEN = /\s*("(?:[^"\\]|\\.)*"|[{}[\],:]|[^\s{}[\],:"]+)/y;

/**
 * The line and column (1-based) where the value at `path` starts in
 * `text`, a JSON text that parses; when the path goes further than the
 * text, those of the deepest value on the way (the object a key is missing
 * from). Reads the text once, without recursion.
 *
 * @example
 * ```ts
 * locateJsonPath('{\n  "title": "Vertigo",\n  "cast": ["Kim Novak"]\n}\n', ["cast", 0]); // { line: 3, column: 12 }
 * locateJsonPath('{\n  "title": "Vertigo"\n}\n', ["rating"]); // { line: 1, column: 1 }
 * ```
 */
export function locateJsonPath(text: string, path: readonly (string | number)[]): { line: number; column: number } {
  /** The open containers: the key or index being read in each, and whether the container lies on `path`. */
  const open: { kind: "{" | "["; index: number; key: string | undefined; onPath: boolean }[] = [];
  let expectKey = false;
  let best = 0;
  JSON_TOKEN.lastIndex = 0;
  for (let match = JSON_TOKEN.exec(text); match !== null; match = JSON_TOKEN.exec(text)) {
    const token = match[1] as string;
    const at = match.index + match[0].length - token.length;
    const top = open.at(-1);
    if (token === "}" || token === "]") {
      open.pop();
      // The rest of the path is not in this container, nor anywhere after it.
      if (top?.onPath === true) break;
      continue;
    }
    if (token === ",") {
      if (top?.kind === "[") top.index++;
      else expectKey = true;
      continue;
    }
    if (token === ":") continue;
    if (top?.kind === "{" && expectKey) {
      top.key = JSON.parse(token) as string;
      expectKey = false;
      continue;
    }
    const depth = open.length;
    const key = top === undefined ? undefined : top.kind === "[" ? top.index : top.key;
    const onPath = top === undefined || (top.onPath && depth <= path.length && path[depth - 1] === key);
    if (onPath) {
      best = at;
      if (depth === path.length) break;
    }
    if (token === "{" || token === "[") {
      open.push({ kind: token, index: 0, key: undefined, onPath });
      expectKey = token === "{";
    }
  }
  return positionOf(text, best);
}

/** The character at `at`, quoted and shown safely. */
function quote(text: string, at: number): string {
  const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
  return `'${visible(char)}'`;
}

/** 1-based line and column of `offset`, lines ending at LF, CRLF or CR. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const char = text.charCodeAt(i);
    if (char === 10 || (char === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

const WHITE_SPACE = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: Readonly<Record<string, string>> = { t: "true", f: "false", n: "null" };

/**
 * The offset of the first character where `text` stops being JSON (its
 * length when the text ends too early). Reads without recursion, so that
 * any depth of nesting is fine.
 */
function firstJsonError(text: string): number {
  /** The open arrays and objects, innermost last. */
  const open: ("[" | "{")[] = [];
  let i = 0;
  const skip = (): void => {
    while (i < text.length && WHITE_SPACE.has(text.charAt(i))) i++;
  };
  /** Reads a string at `i`; returns the offset of an error, or -1. */
  const string = (): number => {
    i++;
    while (i < text.length) {
      const char = text.charAt(i);
      if (char === '"') {
        i++;
        return -1;
      }
      if (char < " ") return i;
      if (char === "\\") {
        const escaped = text.charAt(i + 1);
        if (escaped === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return Math.min(i + 2, text.length);
          i += 6;
        } else if (escaped !== "" && '"\\/bfnrt'.includes(escaped)) i += 2;
        else return i + 1;
      } else i++;
    }
    return i;
  };
  /** Reads a value at `i`, opening a container if it starts one; returns the offset of an error, or -1. */
  const value = (): number => {
    skip();
    const char = text.charAt(i);
    if (char === "{" || char === "[") {
      open.push(char);
      i++;
      return -1;
    }
    if (char === '"') return string();
    const literal = LITERALS[char];
    if (literal !== undefined) {
      for (let k = 0; k < literal.length; k++, i++) if (text.charAt(i) !== literal.charAt(k)) return i;
      return -1;
    }
    NUMBER.lastIndex = i;
    if (NUMBER.exec(text) !== null && NUMBER.lastIndex > i) {
      i = NUMBER.lastIndex;
      return -1;
    }
    return i;
  };

  let error = value();
  // After a value, or just after an opening bracket: close containers or read the next member.
  let justOpened = open.length > 0;
  while (error === -1 && open.length > 0) {
    skip();
    const container = open.at(-1);
    const close = container === "[" ? "]" : "}";
    const char = text.charAt(i);
    if (char === close) {
      open.pop();
      i++;
      justOpened = false;
      continue;
    }
    if (!justOpened) {
      if (char !== ",") return i;
      i++;
      skip();
    }
    if (container === "{") {
      if (text.charAt(i) !== '"') return i;
      error = string();
      if (error !== -1) return error;
      skip();
      if (text.charAt(i) !== ":") return i;
      i++;
    }
    const depth = open.length;
    error = value();
    justOpened = open.length > depth;
  }
  if (error !== -1) return error;
  skip();
  return i;
}
