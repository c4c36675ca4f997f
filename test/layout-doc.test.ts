/**
 * docs/layout.md stays true: every ```text listing in it, with the ```json
 * block that follows it, is parsed here with the real parser. The JSON is
 * either the fields of the record the example is about, or
 * `{ "error": { "code", "line", "column" } }`.
 */

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ListingError, parseListing } from "../src/index";
import { referenceDate } from "./support/film";

const GUIDE = readFileSync(new URL("../docs/layout.md", import.meta.url), "utf8");

interface Example {
  /** 1-based line of the guide where the listing starts. */
  readonly at: number;
  readonly listing: string;
  readonly expected: Record<string, unknown>;
}

/** The body of a fenced block, with the fence's indentation removed from each line. */
function dedent(indent: string, body: string): string {
  return body
    .split("\n")
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
    .join("\n");
}

function examples(markdown: string): Example[] {
  const pair =
    /^(?<indent>[ \t]*)```text\n(?<listing>[\s\S]*?)\n[ \t]*```\n\s*^(?<jsonIndent>[ \t]*)```json\n(?<json>[\s\S]*?)\n[ \t]*```$/gm;
  return [...markdown.matchAll(pair)].map((match) => {
    const groups = match.groups as Record<"indent" | "listing" | "jsonIndent" | "json", string>;
    return {
      at: markdown.slice(0, match.index).split("\n").length + 1,
      listing: dedent(groups.indent, groups.listing),
      expected: JSON.parse(dedent(groups.jsonIndent, groups.json)) as Record<string, unknown>,
    };
  });
}

const found = examples(GUIDE);

describe("docs/layout.md", () => {
  test("pairs every text listing with the JSON it parses to", () => {
    const listings = GUIDE.match(/^[ \t]*```text$/gm) ?? [];
    expect(found.length).toBe(listings.length);
    expect(found.length).toBeGreaterThanOrEqual(30);
  });

  test.each(found.map((example) => [example.at, example] as const))(
    "the example at line %i parses as the guide says",
    (_line, { listing, expected }) => {
      if ("error" in expected) {
        let thrown: unknown;
        try {
          parseListing(listing, { referenceDate: referenceDate });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ListingError);
        const { code, line, column } = thrown as ListingError;
        expect({ code, line, column }).toEqual(expected.error);
      } else {
        expect(parseListing(listing, { referenceDate: referenceDate })).toMatchObject(expected);
      }
    },
  );
});
