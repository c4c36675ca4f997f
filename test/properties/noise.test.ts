import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type ListingError, parseListing, safeParseListing } from "../../src/index";
import { type Fixture, layoutText, listingFixtures, options, RUNS, TIMEOUT } from "./arbitraries";

/** Unicode space separators and the tab: each reads as one plain space (SPEC 1.1). */
const SPACE_LIKE = [
  "\t",
  "\u00A0",
  "\u1680",
  "\u2000",
  "\u2001",
  "\u2002",
  "\u2003",
  "\u2004",
  "\u2005",
  "\u2006",
  "\u2007",
  "\u2008",
  "\u2009",
  "\u200A",
  "\u202F",
  "\u205F",
  "\u3000",
];
/**
 * Invisible format characters: zero-width characters, the soft hyphen,
 * directional marks, bidirectional embeddings and isolates. All are dropped
 * wherever they stand but the joiners, U+200C and U+200D, which are kept
 * between two characters of an emoji sequence or of a script that uses them.
 */
const ZERO_WIDTH = [
  "\u200B",
  "\u200C",
  "\u200D",
  "\u2060",
  "\uFEFF",
  "\u00AD",
  "\u200E",
  "\u200F",
  "\u061C",
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
];
const JOINERS = new Set(["\u200C", "\u200D"]);
/** A joiner beside an ASCII character (or a line's edge) joins nothing, and is dropped. */
const joinsNothing = (line: string, position: number) =>
  position === 0 ||
  position === line.length ||
  line.charCodeAt(position - 1) < 0x80 ||
  line.charCodeAt(position) < 0x80;

/** One change that SPEC 1.1 says leaves the record as it is. */
type Edit =
  | { kind: "edges"; line: number; before: string; after: string }
  | { kind: "zeroWidth"; line: number; at: number; char: string }
  | { kind: "spaceLike"; line: number; nth: number; char: string }
  | { kind: "doubleSpace"; line: number; nth: number }
  | { kind: "blankLine"; line: number; content: string };

interface Noise {
  readonly bom: boolean;
  /** Line ends, used in turn. */
  readonly lineEnds: readonly string[];
  readonly edits: readonly Edit[];
}

const invisible = fc.string({ unit: fc.constantFrom(" ", ...SPACE_LIKE, ...ZERO_WIDTH), minLength: 1, maxLength: 3 });
const index = fc.nat({ max: 200 });

const noiseArbitrary: fc.Arbitrary<Noise> = fc.record({
  bom: fc.boolean(),
  lineEnds: fc.array(fc.constantFrom("\n", "\r\n", "\r"), { minLength: 1, maxLength: 5 }),
  edits: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant("edges" as const), line: index, before: invisible, after: invisible }),
      fc.record({
        kind: fc.constant("zeroWidth" as const),
        line: index,
        at: index,
        char: fc.constantFrom(...ZERO_WIDTH),
      }),
      fc.record({
        kind: fc.constant("spaceLike" as const),
        line: index,
        nth: index,
        char: fc.constantFrom(...SPACE_LIKE),
      }),
      fc.record({ kind: fc.constant("doubleSpace" as const), line: index, nth: index }),
      fc.record({
        kind: fc.constant("blankLine" as const),
        line: index,
        content: fc.oneof(fc.constant(""), invisible),
      }),
    ),
    { maxLength: 12 },
  ),
});

const REVIEWS_HEADER = /^community +reviews *:?(?: *see +all)?$/i;
const CLEAN = (line: string) =>
  line
    .replace(new RegExp(`[${ZERO_WIDTH.join("")}]`, "g"), "")
    .replace(new RegExp(`[${SPACE_LIKE.join("")}]`, "g"), " ")
    .trim();

interface Line {
  text: string;
  /** After the reviews header: runs of spaces and blank lines count there. */
  readonly inReviews: boolean;
}

/** The lines of a fixture, each knowing whether it belongs to the reviews. */
function linesOf(text: string): Line[] {
  const raw = text.split(/\r\n|\r|\n/);
  const title = raw.findIndex((line) => CLEAN(line) !== "");
  const header = raw.findIndex((line, at) => at > title && REVIEWS_HEADER.test(CLEAN(line)));
  return raw.map((line, at) => ({ text: line, inReviews: header !== -1 && at > header }));
}

/** The `nth` plain space of `text` (modulo their count), or -1. */
function nthSpace(text: string, nth: number): number {
  const spaces = [...text.matchAll(/ /g)].map((match) => match.index);
  return spaces.length === 0 ? -1 : (spaces[nth % spaces.length] as number);
}

/** Applies the noise to a fixture's text. */
function addNoise(text: string, noise: Noise): string {
  const lines = linesOf(text);
  for (const edit of noise.edits) {
    const at = edit.line % lines.length;
    const line = lines[at] as Line;
    switch (edit.kind) {
      case "edges":
        line.text = edit.before + line.text + edit.after;
        break;
      case "zeroWidth": {
        const position = edit.at % (line.text.length + 1);
        if (JOINERS.has(edit.char) && !joinsNothing(line.text, position)) break;
        line.text = line.text.slice(0, position) + edit.char + line.text.slice(position);
        break;
      }
      case "spaceLike": {
        const space = nthSpace(line.text, edit.nth);
        if (space !== -1) line.text = line.text.slice(0, space) + edit.char + line.text.slice(space + 1);
        break;
      }
      case "doubleSpace": {
        // Inside a review, runs of spaces are kept as written.
        const space = nthSpace(line.text, edit.nth);
        if (!line.inReviews && space !== -1) line.text = `${line.text.slice(0, space)} ${line.text.slice(space)}`;
        break;
      }
      case "blankLine":
        // Inside a review, blank lines are kept as written.
        if (!line.inReviews && !(lines[at + 1]?.inReviews ?? false)) {
          lines.splice(at + 1, 0, { text: edit.content, inReviews: false });
        }
        break;
    }
  }
  let noisy = noise.bom ? "\uFEFF" : "";
  lines.forEach((line, at) => {
    noisy += line.text;
    if (at === lines.length - 1) return;
    let end = noise.lineEnds[at % noise.lineEnds.length] as string;
    // A CR before an empty line that ends with LF would make one CRLF of two line ends.
    const next = noise.lineEnds[(at + 1) % noise.lineEnds.length] as string;
    if (end === "\r" && lines[at + 1]?.text === "" && next.startsWith("\n")) end = "\r\n";
    noisy += end;
  });
  return noisy;
}

/** What noise leaves as it is in an error: all but its position. */
const errorOf = ({ code, reason, expected, found, path }: ListingError) => ({ code, reason, expected, found, path });

const records = new Map(listingFixtures.map((fixture) => [fixture.slug, parseListing(fixture.text, options)]));

describe("noise invariance", () => {
  test(
    "CR, CRLF, BOM, NBSP and other Unicode spaces, zero-width and other invisible format characters, tabs, edge spaces and blank lines leave every fixture's record unchanged",
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...listingFixtures), noiseArbitrary, (fixture: Fixture, noise) => {
          expect(parseListing(addNoise(fixture.text, noise), options)).toEqual(records.get(fixture.slug));
        }),
        // Every fixture gets its share of the cases.
        { numRuns: Math.max(RUNS, listingFixtures.length * Math.ceil(RUNS / 10)) },
      );
    },
    TIMEOUT,
  );

  test(
    "noise leaves the record, or the error but for its position, of generated listings unchanged",
    () => {
      fc.assert(
        fc.property(layoutText, noiseArbitrary, (text, noise) => {
          const clean = safeParseListing(text, options);
          const noisy = safeParseListing(addNoise(text, noise), options);
          if (clean.success) expect(noisy.success && noisy.data).toEqual(clean.data);
          else expect(noisy.success ? "success" : errorOf(noisy.error)).toEqual(errorOf(clean.error));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test("noise reaches review text: edge spaces and NBSP inside a review change nothing", () => {
    const text = 'Film\n1948\nCommunity Reviews\n"Slow  and\u00A0grand.\n\nYes."';
    const noisy =
      '\uFEFFFilm\r\n1948\r\n\u3000Community Reviews \r\n \u200B"Slow  and\tgrand.\u2009\r\n\u00A0\r\nYes." ';
    expect(parseListing(noisy, options)).toEqual(parseListing(text, options));
    expect(parseListing(text, options).reviews).toEqual([{ text: "Slow  and grand.\n\nYes." }]);
  });

  test("the noise generator changes the text", () => {
    const changed = fc
      .sample(fc.tuple(fc.constantFrom(...listingFixtures), noiseArbitrary), { numRuns: 200, seed: 1 })
      .filter(([fixture, noise]) => addNoise(fixture.text, noise) !== fixture.text);
    expect(changed.length).toBeGreaterThan(150);
  });
});
