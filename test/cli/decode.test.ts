import { describe, expect, test } from "vitest";
import { decodeText } from "../../src/cli/decode";

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const utf16be = (text: string) => {
  const body = Buffer.from(text, "utf16le").swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
};

describe("decodeText", () => {
  test.each([
    ["plain ASCII", Buffer.from("Title\n1948"), "Title\n1948"],
    ["UTF-8 of every length", Buffer.from("é € 𝄞 Amélie"), "é € 𝄞 Amélie"],
    ["UTF-8 with a byte-order mark, kept", Buffer.from("\uFEFFTitle"), "\uFEFFTitle"],
    ["nothing", Buffer.alloc(0), ""],
    ["UTF-16LE with its mark", utf16le("Amélie\n2001 𝄞"), "\uFEFFAmélie\n2001 𝄞"],
    ["UTF-16BE with its mark", utf16be("Amélie\n2001 𝄞"), "\uFEFFAmélie\n2001 𝄞"],
    ["a lone FF byte is no UTF-16 mark", Buffer.from([0xff]), undefined],
  ])("reads %s", (_name, bytes, text) => {
    const decoded = decodeText(bytes);
    if (text === undefined) expect(decoded.ok).toBe(false);
    else expect(decoded).toEqual({ ok: true, text });
  });

  test.each([
    ["a stray continuation byte", [0x54, 0x80], 1],
    ["a byte that never starts a sequence", [0x54, 0xff, 0x0a], 1],
    ["an overlong two-byte form", [0x41, 0xc0, 0x80], 1],
    ["C1, the lowest invalid lead", [0xc1, 0xbf], 0],
    ["a two-byte sequence cut short at the end", [0x41, 0x42, 0xc3], 2],
    ["a two-byte sequence cut short by ASCII", [0xc3, 0x41], 0],
    ["an overlong three-byte form", [0xe0, 0x9f, 0xbf], 0],
    ["a surrogate", [0x61, 0xed, 0xa0, 0x80], 1],
    ["a three-byte sequence with a bad third byte", [0xe2, 0x82, 0x41], 0],
    ["an overlong four-byte form", [0xf0, 0x8f, 0xbf, 0xbf], 0],
    ["a code point past U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
    ["F5, past the last lead", [0xf5, 0x80, 0x80, 0x80], 0],
    ["a four-byte sequence cut short", [0x41, 0xf0, 0x9f, 0x98], 1],
    [
      "a bad byte after valid sequences of each length",
      [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9d, 0x84, 0x9e, 0xfe],
      9,
    ],
  ])("refuses UTF-8 with %s, at the byte where it stops being valid", (_name, bytes, at) => {
    expect(decodeText(Buffer.from(bytes))).toEqual({ ok: false, reason: `not UTF-8 text at byte ${at}` });
  });

  test.each([
    ["C2, the lowest two-byte lead", [0xc2, 0x80]],
    ["DF, the highest two-byte lead", [0xdf, 0xbf]],
    ["E0 with A0, its lowest second byte", [0xe0, 0xa0, 0x80]],
    ["E1 with A0, which only ED bounds", [0xe1, 0xa0, 0x80]],
    ["ED with 9F, its highest second byte", [0xed, 0x9f, 0xbf]],
    ["EF, the highest three-byte lead, with BF BF", [0xef, 0xbf, 0xbf]],
    ["F0 with 90, its lowest second byte", [0xf0, 0x90, 0x80, 0x80]],
    ["F1 with 80, which only F0 bounds", [0xf1, 0x80, 0x80, 0x80]],
    ["F4 with 8F, the last code point", [0xf4, 0x8f, 0xbf, 0xbf]],
    ["a continuation byte of 80 after the second", [0xe1, 0x80, 0x80]],
  ])("steps over a valid sequence, %s, to the bad byte after it", (_name, bytes) => {
    expect(decodeText(Buffer.from([...bytes, 0xff]))).toEqual({
      ok: false,
      reason: `not UTF-8 text at byte ${bytes.length}`,
    });
  });

  test.each([
    ["FE as the second byte, after no FF", [0x41, 0xfe, 0x42], "not UTF-8 text at byte 1"],
    ["FF without FE after it", [0xff, 0x41], "not UTF-8 text at byte 0"],
    ["FE without FF after it", [0xfe, 0x41], "not UTF-8 text at byte 0"],
  ])("reads no byte-order mark in %s", (_name, bytes, reason) => {
    expect(decodeText(Buffer.from(bytes))).toEqual({ ok: false, reason });
  });

  test.each([
    ["LE", [0xff, 0xfe]],
    ["BE", [0xfe, 0xff]],
  ])("reads a UTF-16%s byte-order mark alone as U+FEFF", (_order, bytes) => {
    expect(decodeText(Buffer.from(bytes))).toEqual({ ok: true, text: "\uFEFF" });
  });

  test("accepts the edges of each range: U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF", () => {
    const text = "\u0080\u07FF\u0800\uD7FF\uE000\uFFFF\u{10000}\u{10FFFF}";
    expect(decodeText(Buffer.from(text))).toEqual({ ok: true, text });
  });

  test.each([
    ["LE", Buffer.from([0xff, 0xfe, 0x41]), "not UTF-16LE text: an odd number of bytes"],
    ["BE", Buffer.from([0xfe, 0xff, 0x00]), "not UTF-16BE text: an odd number of bytes"],
    ["LE", Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xdc]), "not UTF-16LE text at byte 4"],
    ["LE", Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), "not UTF-16LE text at byte 2"],
    ["LE", Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8]), "not UTF-16LE text at byte 4"],
    ["BE", Buffer.from([0xfe, 0xff, 0x00, 0x41, 0xd8, 0x3d, 0xde, 0x00, 0xdc, 0x00]), "not UTF-16BE text at byte 8"],
    ["LE", Buffer.from([0xff, 0xfe, 0x41, 0x00, 0xff, 0xdf]), "not UTF-16LE text at byte 4"],
    ["LE", Buffer.from([0xff, 0xfe, 0xff, 0xdb, 0xff, 0xdf, 0x00, 0xdc]), "not UTF-16LE text at byte 6"],
    ["LE", Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0xdc, 0x00, 0xdc]), "not UTF-16LE text at byte 6"],
    ["LE", Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0xff, 0xdf, 0x00, 0xdc]), "not UTF-16LE text at byte 6"],
    ["LE", Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0xe0]), "not UTF-16LE text at byte 2"],
  ])("refuses UTF-16%s that is not whole: %s", (_order, bytes, reason) => {
    expect(decodeText(bytes)).toEqual({ ok: false, reason });
  });
});
