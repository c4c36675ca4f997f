import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseListing, safeParseListing } from "../../src/index";
import { errorFixtures, expectWellFormed, listingFixtures, options, RUNS, TIMEOUT } from "./arbitraries";

/** One change to a fixture's lines or characters. */
type Mutation =
  | { kind: "delete" | "duplicate"; line: number }
  | { kind: "swap"; line: number; other: number }
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string };

const position = fc.nat({ max: 100_000 });
const inserted = fc.oneof(
  fc.constantFrom(
    '"',
    "“",
    "”",
    ":",
    ",",
    "\n",
    "\r",
    "\r\n",
    "\uFEFF",
    "\u00A0",
    "\t",
    "0",
    "9",
    "(",
    ")",
    "K",
    "\u200B",
  ),
  fc.string({ maxLength: 4 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete" as const, "duplicate" as const), line: position }),
  fc.record({ kind: fc.constant("swap" as const), line: position, other: position }),
  fc.record({ kind: fc.constant("truncate" as const), at: position }),
  fc.record({ kind: fc.constant("insert" as const), at: position, text: inserted }),
);

function mutate(text: string, change: Mutation): string {
  if (change.kind === "truncate") return text.slice(0, change.at % (text.length + 1));
  if (change.kind === "insert") {
    const at = change.at % (text.length + 1);
    return text.slice(0, at) + change.text + text.slice(at);
  }
  // Lines keep their own line ends, so that mixed ends survive the change.
  const lines = text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
  if (lines.length === 0) return text;
  const at = change.line % lines.length;
  const line = lines[at] as string;
  if (change.kind === "delete") lines.splice(at, 1);
  else if (change.kind === "duplicate") lines.splice(at, 0, /[\r\n]$/.test(line) ? line : `${line}\n`);
  else if (change.kind === "swap") {
    const other = change.other % lines.length;
    lines[at] = lines[other] as string;
    lines[other] = line;
  }
  return lines.join("");
}

const fixtures = [...listingFixtures, ...errorFixtures];

describe("mutated fixtures", () => {
  test(
    "lines deleted, duplicated or swapped, text truncated and characters inserted never throw and keep positions inside",
    () => {
      const outcomes = new Set<string>();
      fc.assert(
        fc.property(
          fc.constantFrom(...fixtures),
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          (fixture, changes) => {
            const text = changes.reduce(mutate, fixture.text);
            const result = safeParseListing(text, options);
            expectWellFormed(result, text);
            outcomes.add(result.success ? "success" : result.error.code);
          },
        ),
        { numRuns: Math.max(RUNS, fixtures.length * Math.ceil(RUNS / 40)) },
      );
      expect(outcomes).toContain("success");
      expect(outcomes.size).toBeGreaterThan(5);
    },
    TIMEOUT,
  );

  test(
    "a new title line changes the title alone",
    () => {
      const records = new Map(listingFixtures.map(({ slug, text }) => [slug, parseListing(text, options)]));
      const visible = fc.constantFrom(..."abcXYZ0129éß日本🎬.,:;!?'\"“”()-+&#/*");
      const title = fc
        .tuple(
          visible,
          fc.string({ unit: fc.oneof(visible, fc.constantFrom(" ", "  ", "\t", "\u00A0")), maxLength: 30 }),
        )
        .map(([first, rest]) => first + rest);
      fc.assert(
        fc.property(fc.constantFrom(...listingFixtures), title, (fixture, line) => {
          // Lines keep their own ends; the title is the first with anything visible on it.
          const lines = fixture.text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
          const at = lines.findIndex((text) => text.replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, "") !== "");
          const end = /(?:\r\n|\r|\n)$/.exec(lines[at] as string)?.[0] ?? "";
          lines[at] = line + end;
          expect(parseListing(lines.join(""), options)).toStrictEqual({
            ...records.get(fixture.slug),
            title: line.replace(/\s+/g, " ").trim(),
          });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
