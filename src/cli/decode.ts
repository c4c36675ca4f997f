/**
 * Bytes → text: UTF-8, or UTF-16 when the bytes begin with its byte-order
 * mark. Text that is not valid in its encoding is refused with the place
 * where it stops being valid, never read with U+FFFD in its place.
 */

import { isUtf8 } from "node:buffer";

/** The text of a file, or why it has none. */
export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/**
 * Decodes `bytes`: with a UTF-16 byte-order mark (`FF FE` little-endian,
 * `FE FF` big-endian) as UTF-16, otherwise as UTF-8. A byte-order mark is
 * kept as U+FEFF at the start of the text, which the parser ignores and
 * counts as one column, as it does for a UTF-8 file with a BOM.
 *
 * @example
 * ```ts
 * decodeText(Buffer.from("Title\n1948")); // { ok: true, text: "Title\n1948" }
 * decodeText(Buffer.from([0x54, 0xff, 0x0a])); // { ok: false, reason: "not UTF-8 text at byte 1" }
 * ```
 */
export function decodeText(bytes: Buffer): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, "LE");
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, "BE");
  if (isUtf8(bytes)) return { ok: true, text: bytes.toString("utf8") };
  return { ok: false, reason: `not UTF-8 text at byte ${firstInvalidUtf8(bytes)}` };
}

function utf16(bytes: Buffer, order: "LE" | "BE"): Decoded {
  if (bytes.length % 2 !== 0) return { ok: false, reason: `not UTF-16${order} text: an odd number of bytes` };
  const little = order === "LE" ? bytes : Buffer.from(bytes).swap16();
  try {
    return { ok: true, text: new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true }).decode(little) };
  } catch {
    return { ok: false, reason: `not UTF-16${order} text at byte ${firstUnpairedSurrogate(little)}` };
  }
}

/** The 0-based offset of the first byte that does not begin or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // The length of the sequence and the range its second byte must lie in (no overlongs, no surrogates, ≤ U+10FFFF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      if (k === 1 ? next < low || next > high : next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** The byte offset of the first unpaired surrogate in little-endian UTF-16. */
function firstUnpairedSurrogate(bytes: Uint8Array): number {
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const unit = (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8);
    if (unit >= 0xdc00 && unit <= 0xdfff) return i;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = (bytes[i + 2] ?? 0) | ((bytes[i + 3] ?? 0) << 8);
      if (i + 3 >= bytes.length || next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return bytes.length;
}
